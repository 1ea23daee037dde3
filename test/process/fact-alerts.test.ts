import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import {
  type BotProcess,
  click,
  ROOT,
  shown,
  slash,
  spawnBot,
  stopBot,
  USER,
  USER2,
  useBotSuite,
  visible,
  waitFor,
} from "../support/bot-process.js";
import type { FakeCall, FakeSlack } from "../support/fake-slack.js";
import { describeWithPostgres } from "../support/pg.js";

/**
 * Issue 12 with the real bot: decisions made on data A, the bot restarted on data B (MATRIX_DIR, a
 * copy of data/ with one capability edited). Each decision relying on the edited fact gets exactly
 * one message in its thread, whichever replica starts first and however often it restarts.
 */

type Json = Record<string, unknown>;
const ALERT = "The facts this decision relied on have changed";
const REMINDER = "Time to look at this decision again";
const CHANNELS = ["C0FACTS001", "C0FACTS002", "C0FACTS003"];

/* ---------- data folders ---------- */

const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

interface Cap {
  id: string;
  ecs: { support: string; summary: { en: string; ja: string } };
}

/** A copy of the package's data/, with `edit` applied to capabilities.yml and a new version. */
function dataCopy(name: string, edit?: (caps: Cap[]) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), `ecs-vs-eks-facts-${name}-`));
  folders.push(dir);
  for (const file of ["capabilities.yml", "walkthrough.yml", "changes.yml"]) {
    cpSync(path.join(ROOT, "data", file), path.join(dir, file));
  }
  if (edit) {
    const file = path.join(dir, "capabilities.yml");
    const doc = parse(readFileSync(file, "utf8")) as { version: string; capabilities: Cap[] };
    edit(doc.capabilities);
    doc.version = `${doc.version}-${name}`;
    writeFileSync(file, stringify(doc, { lineWidth: 0 }));
  }
  return dir;
}

/** Moves a capability's ECS support level to another level. */
function otherLevel(level: string): string {
  return level === "partial" ? "native" : "partial";
}

/* ---------- driving walkthroughs ---------- */

function posts(fake: FakeSlack): FakeCall[] {
  return fake.history.filter((c) => c.method === "chat.postMessage");
}

function inThread(fake: FakeSlack, channel: string, threadTs: string): FakeCall[] {
  return posts(fake).filter((c) => c.args.channel === channel && c.args.thread_ts === threadTs);
}

function elementsOf(payload: Json | undefined): Json[] {
  return ((payload?.blocks as Json[] | undefined) ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => (b.elements as Json[] | undefined) ?? []);
}

/** The decision id a card or alert points at (its first button carrying a decision). */
function decisionIdOf(payload: Json | undefined): string | undefined {
  for (const e of elementsOf(payload)) {
    try {
      const value = JSON.parse(String(e.value)) as { k?: string; d?: string };
      if (value.k === "dec" && value.d) return value.d;
    } catch {
      // not JSON: not a decision button
    }
  }
  return undefined;
}

/** The thread's newest question message, as last drawn: the postMessage's ts and latest args. */
function openQuestion(fake: FakeSlack, channel: string, threadTs: string) {
  const posted = inThread(fake, channel, threadTs)
    .filter((c) => shown(c.args).includes("decide_answer"))
    .at(-1);
  const ts = posted?.result?.ts;
  if (!posted || typeof ts !== "string") return undefined;
  let args = posted.args;
  let index = fake.history.indexOf(posted);
  fake.history.forEach((c, i) => {
    if (c.method === "chat.update" && c.args.ts === ts && c.args.channel === channel) {
      args = c.args;
      index = i;
    }
  });
  return { ts, args, index };
}

/** A card in the thread for a decision not in `known`: the walkthrough has finished. */
function newCard(fake: FakeSlack, channel: string, threadTs: string, known: Set<string>) {
  for (const c of inThread(fake, channel, threadTs)) {
    if (!shown(c.args).includes("summary_record")) continue;
    const id = decisionIdOf(c.args);
    if (id && !known.has(id)) return id;
  }
  return undefined;
}

/** Clicks the first option of the open question until a new decision's card is posted. */
async function answerUntilDecided(
  bot: BotProcess,
  fake: FakeSlack,
  channel: string,
  threadTs: string,
  known: Set<string>,
  diagnostics: () => string,
  finish = false,
): Promise<string> {
  // A revisit starts with every answer given: it is finished with "Finish now".
  const firstOption = (q: { args: Json }) =>
    elementsOf(q.args).find((e) =>
      finish ? e.action_id === "decide_finish" : String(e.action_id).startsWith("decide_answer_"),
    );
  for (let n = 0; n < 60; n++) {
    const next = await waitFor(
      `a question to answer or the card in ${threadTs}`,
      () => {
        const id = newCard(fake, channel, threadTs, known);
        if (id) return { id, done: true as const };
        const q = openQuestion(fake, channel, threadTs);
        const option = q && firstOption(q);
        return q && option ? { q, option, id: "" } : undefined;
      },
      { diagnostics },
    );
    if ("done" in next) return next.id;
    const { q, option } = next;
    await click(
      bot,
      fake,
      { action_id: String(option.action_id), value: String(option.value) },
      { user: n % 2 ? USER2 : USER, channel, messageTs: q.ts, threadTs },
    );
    await waitFor(
      `the bot's answer to click ${n + 1} in ${threadTs}`,
      () =>
        newCard(fake, channel, threadTs, known) ||
        fake.history.some(
          (c, i) => i > q.index && c.method === "chat.update" && c.args.ts === q.ts,
        ),
      { diagnostics },
    );
  }
  throw new Error(`the walkthrough in ${threadTs} did not finish`);
}

/** `/ecs-vs-eks decide <title>` in `channel`, answered to the end: the thread and the decision. */
async function decideIn(
  bot: BotProcess,
  fake: FakeSlack,
  channel: string,
  title: string,
  diagnostics: () => string,
): Promise<{ threadTs: string; id: string }> {
  const before = fake.history.length;
  await slash(bot, fake, `decide ${title}`, { channel });
  const threadTs = await waitFor(
    `the root message of "${title}"`,
    () => {
      const root = fake.history.find(
        (c, i) =>
          i >= before &&
          c.method === "chat.postMessage" &&
          c.args.channel === channel &&
          !c.args.thread_ts &&
          visible(c.args).includes(title),
      );
      return typeof root?.result?.ts === "string" ? root.result.ts : undefined;
    },
    { diagnostics },
  );
  const id = await answerUntilDecided(bot, fake, channel, threadTs, new Set(), diagnostics);
  return { threadTs, id };
}

/** Messages in a thread containing `text`, posted after history index `after`. */
function alertsIn(
  fake: FakeSlack,
  channel: string,
  threadTs: string,
  text = ALERT,
  after = -1,
): Json[] {
  return inThread(fake, channel, threadTs)
    .filter((c) => fake.history.indexOf(c) > after && visible(c.args).includes(text))
    .map((c) => c.args);
}

/** Starts a bot and waits for its start-up fact check to finish (it logs one line). */
async function startChecked(
  name: string,
  fake: FakeSlack,
  env: Record<string, string>,
  diagnostics: () => string,
): Promise<BotProcess> {
  const bot = await spawnBot(name, fake, { LOG_LEVEL: "debug", ...env });
  await waitFor(`${name}'s fact check`, () => bot.output().includes("Fact check on matrix"), {
    diagnostics,
  });
  return bot;
}

describeWithPostgres("test/process/fact-alerts", "decisions told when their facts change", () => {
  const bots: BotProcess[] = [];
  const { fake, schema, diagnostics } = useBotSuite({
    bots: () => bots,
    schema: "facts",
    killBotsAfterEach: true,
  });
  const dataA = dataCopy("a");
  const db = () => ({ DATABASE_URL: schema.url });

  /** The capabilities a stored decision relied on, as the bot saved them. */
  async function reliedIds(id: string): Promise<string[]> {
    const { rows } = await schema.query("select relied from decisions where id = $1", [id]);
    const relied = JSON.parse(String(rows[0]?.relied)) as { facts: Record<string, unknown> };
    return Object.keys(relied.facts);
  }

  let first: { threadTs: string; id: string };
  let second: { threadTs: string; id: string };
  let superseded: string;
  let thirdThread: string;
  let revisitedId: string;
  let changed: Cap;

  it("a restart on data where only an unrelied capability changed posts nothing", async () => {
    const a = await startChecked("bot-A", fake, { ...db(), MATRIX_DIR: dataA }, diagnostics);
    bots.push(a);
    first = await decideIn(a, fake, CHANNELS[0] as string, "Payments", diagnostics);
    second = await decideIn(a, fake, CHANNELS[1] as string, "Search", diagnostics);
    const third = await decideIn(a, fake, CHANNELS[2] as string, "Billing", diagnostics);
    // A revisit of the third decision supersedes it.
    const channel = CHANNELS[2] as string;
    await click(
      a,
      fake,
      {
        action_id: "summary_more",
        value: JSON.stringify({ v: 1, k: "dec", d: third.id, a: "revisit" }),
      },
      { channel, messageTs: third.threadTs, threadTs: third.threadTs },
    );
    revisitedId = await answerUntilDecided(
      a,
      fake,
      channel,
      third.threadTs,
      new Set([third.id]),
      diagnostics,
      true,
    );
    superseded = third.id;
    thirdThread = third.threadTs;
    // The card comes first; the earlier decision is superseded right after.
    await waitFor(
      "the earlier decision superseded",
      async () => {
        const { rows } = await schema.query("select status from decisions where id = $1", [
          superseded,
        ]);
        return rows[0]?.status === "superseded";
      },
      { diagnostics },
    );
    const { rows } = await schema.query("select status from decisions where id = $1", [
      revisitedId,
    ]);
    expect(rows[0]?.status).toBe("proposed");
    await stopBot(a);

    const relied = new Set(await reliedIds(first.id));
    expect(relied.size).toBeGreaterThan(0);
    const dataC = dataCopy("c", (caps) => {
      const other = caps.find((c) => !relied.has(c.id));
      if (!other) throw new Error("the decision relied on every capability");
      other.ecs.support = otherLevel(other.ecs.support);
    });
    const before = fake.history.length;
    const c = await startChecked("bot-C", fake, { ...db(), MATRIX_DIR: dataC }, diagnostics);
    bots.push(c);
    expect(c.output()).toMatch(/Fact check on matrix [^:]+-c: 3 decisions in force, 0 alerted/);
    expect(fake.history.slice(before).filter((x) => x.method === "chat.postMessage")).toEqual([]);
  });

  /** A relied-on capability the change log has entries for, so the alert can name them. */
  async function loggedRelied(): Promise<string> {
    const relied = await reliedIds(first.id);
    const changes = parse(readFileSync(path.join(ROOT, "data", "changes.yml"), "utf8")) as {
      changes: { capabilities: string[] }[];
    };
    return relied.find((x) => changes.changes.some((c) => c.capabilities.includes(x))) ?? "";
  }

  it("a restart on data where one relied-on fact changed posts exactly one message in each thread relying on it", async () => {
    // Another relied-on capability than the replicas' test edits: a different change alerts again.
    const skip = await loggedRelied();
    const id = (await reliedIds(first.id)).filter((x) => x !== skip).at(-1) as string;
    const dataB1 = dataCopy("b1", (caps) => {
      const cap = caps.find((c) => c.id === id);
      if (!cap) throw new Error(`no ${id}`);
      cap.ecs.support = otherLevel(cap.ecs.support);
    });
    const before = fake.history.length;
    const b = await startChecked("bot-B1", fake, { ...db(), MATRIX_DIR: dataB1 }, diagnostics);
    bots.push(b);
    expect(b.output()).toMatch(/Fact check on matrix [^:]+-b1: 3 decisions in force, 3 alerted/);
    const [c0, c1, c2] = CHANNELS as [string, string, string];
    const posted = fake.history.slice(before).filter((c) => c.method === "chat.postMessage");
    // One message in each live decision's thread, naming the capability; nothing else posted.
    expect(posted.map((c) => `${c.args.channel} ${c.args.thread_ts}`).sort()).toEqual(
      [`${c0} ${first.threadTs}`, `${c1} ${second.threadTs}`, `${c2} ${thirdThread}`].sort(),
    );
    for (const c of posted) {
      expect(visible(c.args)).toContain(ALERT);
      expect(visible(c.args)).toContain(`\`${id}\``);
    }
  });

  it("two replicas starting together on data B post exactly one alert per decision that relied on the changed fact", async () => {
    const id = await loggedRelied();
    const dataB = dataCopy("b", (caps) => {
      const cap = caps.find((c) => c.id === id);
      if (!cap) throw new Error(`no ${id}`);
      changed = structuredClone(cap);
      cap.ecs.support = otherLevel(cap.ecs.support);
    });
    const env = { ...db(), MATRIX_DIR: dataB };
    const start = fake.history.length;
    const [r1, r2] = await Promise.all([
      startChecked("replica-1", fake, env, diagnostics),
      startChecked("replica-2", fake, env, diagnostics),
    ]);
    bots.push(r1, r2);
    const [c0, c1, c2] = CHANNELS as [string, string, string];
    // The first and second decisions, and the third's revisit, each relied on the edited fact.
    const one = await waitFor(
      "the first decision's alert",
      () => alertsIn(fake, c0, first.threadTs, ALERT, start)[0],
      {
        diagnostics,
      },
    );
    await waitFor(
      "the second decision's alert",
      () => alertsIn(fake, c1, second.threadTs, ALERT, start)[0],
      {
        diagnostics,
      },
    );
    const three = await waitFor(
      "the revisit's alert",
      () => alertsIn(fake, c2, thirdThread, ALERT, start)[0],
      {
        diagnostics,
      },
    );
    // Once, across both replicas: their lines say how many each posted, 3 in all.
    const alerted = [r1, r2].map((r) =>
      Number(/decisions in force, (\d+) alerted/.exec(r.output())?.[1]),
    );
    expect(alerted.reduce((x, y) => x + y, 0)).toBe(3);
    expect(alertsIn(fake, c0, first.threadTs, ALERT, start)).toHaveLength(1);
    expect(alertsIn(fake, c1, second.threadTs, ALERT, start)).toHaveLength(1);
    expect(alertsIn(fake, c2, thirdThread, ALERT, start)).toHaveLength(1);
    // The superseded decision is not alerted: every alert points at a decision in force.
    const alerts = posts(fake).filter(
      (c) => fake.history.indexOf(c) > start && visible(c.args).includes(ALERT),
    );
    expect(alerts.map((c) => decisionIdOf(c.args)).sort()).toEqual(
      [first.id, second.id, revisitedId].sort(),
    );

    // What it says: the capability, old → new, whether the recommendation differs, Revisit.
    const text = visible(one);
    const caps = parse(readFileSync(path.join(dataB, "capabilities.yml"), "utf8")) as {
      capabilities: (Cap & { title: { en: string } })[];
    };
    const title = caps.capabilities.find((c) => c.id === id)?.title.en ?? "";
    expect(text).toContain(title);
    const label: Record<string, string> = {
      native: "Built in",
      delegated: "Via other services",
      partial: "Partly",
      none: "Not available",
    };
    expect(text).toContain(
      `Amazon ECS: ${label[changed.ecs.support]} → ${label[otherLevel(changed.ecs.support)]}`,
    );
    expect(text).toContain("the recommendation stays the same");
    expect(text).toContain("Change log");
    expect(elementsOf(one).map((e) => e.action_id)).toEqual(["summary_revisit"]);
    expect(decisionIdOf(three)).toBe(revisitedId);
    // The card's copies say so too.
    await waitFor(
      "the first card redrawn with the facts line",
      () =>
        fake.history.some(
          (c, i) =>
            i > start &&
            c.method === "chat.update" &&
            c.args.channel === c0 &&
            visible(c.args).includes("Facts changed since this decision") &&
            decisionIdOf(c.args) === first.id,
        ),
      { diagnostics },
    );
  });

  it("a restart on the same data B repeats nothing", async () => {
    const before = fake.history.length;
    const dataB = folders.find((f) => f.includes("-facts-b-")) as string;
    const again = await startChecked(
      "bot-B-again",
      fake,
      { ...db(), MATRIX_DIR: dataB },
      diagnostics,
    );
    bots.push(again);
    expect(again.output()).toMatch(/decisions in force, 0 alerted/);
    expect(fake.history.slice(before).filter((x) => x.method === "chat.postMessage")).toEqual([]);
  });

  it("a revisit date in the past posts one reminder; a restart does not repeat it", async () => {
    await schema.query("update decisions set revisit_at = $1 where id = $2", [
      "2020-01-01T09:00:00.000Z",
      second.id,
    ]);
    const channel = CHANNELS[1] as string;
    const a = await startChecked("bot-due", fake, { ...db(), MATRIX_DIR: dataA }, diagnostics);
    bots.push(a);
    const reminder = await waitFor(
      "the revisit reminder",
      () => alertsIn(fake, channel, second.threadTs, REMINDER)[0],
      { diagnostics },
    );
    expect(visible(reminder)).toContain("its revisit date was 2020-01-01");
    expect(decisionIdOf(reminder)).toBe(second.id);
    await waitFor(
      "the sweep's line",
      () => a.output().includes("Revisit reminders: 1 due, 1 sent"),
      {
        diagnostics,
      },
    );
    await stopBot(a);
    const b = await startChecked(
      "bot-due-again",
      fake,
      { ...db(), MATRIX_DIR: dataA },
      diagnostics,
    );
    bots.push(b);
    await waitFor("the restarted sweep", () => b.output().includes("Revisit reminders: 0 due"), {
      diagnostics,
    });
    expect(alertsIn(fake, channel, second.threadTs, REMINDER)).toHaveLength(1);
  });
});
