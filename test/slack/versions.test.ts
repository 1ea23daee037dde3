import { describe, expect, it } from "vitest";
import { encode } from "../../src/slack/payloads.js";
import type { StoredDecision } from "../../src/store/index.js";
import { TEAM_ID } from "../support/fake-slack.js";
import {
  actionButton,
  actionElements,
  shown,
  USER,
  USER2,
  useHarness,
  visible,
} from "../support/slack-harness.js";

/**
 * Issue 11, "Revisit as a new version": a revisit is a review that keeps who gave each answer and
 * who took part, ends only with "Show the result", and makes v2, which supersedes v1 in every copy
 * of v1's card, in history and in App Home.
 */

type Json = Record<string, unknown>;
const DECISIONS = "C0DECISION1";
const EN = "C0VERSION01";
const JA = "C0VERSIONJA";
/** Started v1 and answered nothing: takes part only as its starter. */
const DAVE = "U0DAVE0004";
/** Revisits. */
const CAROL = "U0CAROL003";

const h = useHarness({ DECISIONS_CHANNEL: DECISIONS });

/** The latest version of the live question message. */
function questionMessage(): Json | undefined {
  return h.fake.history
    .filter(
      (c) =>
        (c.method === "chat.postMessage" || c.method === "chat.update") &&
        shown(c.args).includes("decide_answer"),
    )
    .at(-1)?.args;
}

function click(b: Json, user: string, channel: string, threadTs: string) {
  return h.click(b.action_id as string, b.value as string, { user, channel, threadTs });
}

async function decisionsOf(channel: string, threadTs: string): Promise<StoredDecision[]> {
  const all = await h.store.listDecisions({ teamId: TEAM_ID, channelId: channel });
  return all.filter((d) => d.threadTs === threadTs);
}

/** v1: DAVE starts it, USER and USER2 answer every question (first option) in turn. */
async function firstVersion(channel: string): Promise<StoredDecision> {
  await h.slash("decide Payments", { user: DAVE, channel });
  const total = h.bot.deps.walkthrough.questions.length;
  for (let i = 0; i < total + 2; i++) {
    if (h.fake.posts().some((p) => shown(p).includes("summary_record"))) break;
    const q = questionMessage();
    await click(
      actionButton(q, "decide_answer_0"),
      i % 2 ? USER2 : USER,
      channel,
      String(q?.thread_ts),
    );
  }
  const [v1] = await h.store.listDecisions({ teamId: TEAM_ID, channelId: channel });
  if (!v1) throw new Error("v1 was not saved");
  expect(v1.participants).toEqual([DAVE, USER, USER2]);
  return v1;
}

/** CAROL revisits v1 from its card's overflow menu. */
async function revisit(v1: StoredDecision, channel: string): Promise<void> {
  h.fake.reset();
  await h.click("summary_more", encode({ k: "dec", d: v1.id, a: "revisit" }), {
    user: CAROL,
    channel,
    threadTs: v1.threadTs,
    type: "overflow",
  });
}

type Call = (typeof h.fake.history)[number];

/** The last chat.update of each of the decision's remembered copies, among `calls`. */
function lastUpdates(d: StoredDecision, calls: readonly Call[] = h.fake.calls): Json[] {
  return d.copies.map((copy) => {
    const update = calls
      .filter(
        (c) =>
          c.method === "chat.update" && c.args.channel === copy.channel && c.args.ts === copy.ts,
      )
      .at(-1)?.args;
    if (!update) throw new Error(`copy ${copy.channel} ${copy.ts} was not redrawn`);
    return update;
  });
}

/** The permalink the fake Web API gives for a message. */
function permalinkOf(channel: string, ts: string): string {
  return `https://fake-team.slack.com/archives/${channel}/p${ts.replace(".", "")}`;
}

describe("Revisit as a new version", () => {
  let v1: StoredDecision | undefined;
  let v2: StoredDecision | undefined;
  /** What the bot sent when v2 was finished (the harness clears the fake after each test). */
  let finishing: Call[] = [];
  const needV1 = (): StoredDecision =>
    v1 ?? expect.unreachable("needs v1, decided in 'a revisit keeps every answer credited…' above");
  const needV2 = (): StoredDecision =>
    v2 ?? expect.unreachable("needs v2, saved in 'only \"Show the result\" finishes it…' above");
  const needFinishing = (): Call[] =>
    finishing.length > 0
      ? finishing
      : expect.unreachable(
          "needs the calls recorded in 'only \"Show the result\" finishes it…' above",
        );

  it("a revisit keeps every answer credited to who gave it, not to who clicked Revisit", async () => {
    v1 = await firstVersion(EN);
    await revisit(v1, EN);
    const q = questionMessage();
    expect(visible(q)).toContain(`<@${CAROL}> is revisiting`);
    expect(visible(q)).toContain(`by <@${USER}>`);
    expect(visible(q)).toContain(`by <@${USER2}>`);
    expect(visible(q)).not.toContain(`by <@${CAROL}>`);
  });

  it("is a review: answering does not finish it, even with every question answered", async () => {
    const v1 = needV1();
    const total = h.bot.deps.walkthrough.questions.length;
    // CAROL changes the first answer (USER's), then re-confirms the rest: none finishes it.
    let q = questionMessage();
    await click(actionButton(q, "decide_answer_1"), CAROL, EN, v1.threadTs);
    for (let i = 1; i < total; i++) {
      q = questionMessage();
      await click(actionButton(q, "decide_answer_0"), USER2, EN, v1.threadTs);
    }
    expect(await decisionsOf(EN, v1.threadTs)).toHaveLength(1);
    expect(h.fake.posts().some((p) => shown(p).includes("summary_record"))).toBe(false);
    const session = await h.store.findSessionByThread(TEAM_ID, EN, v1.threadTs);
    expect(session?.status).toBe("active");
    // Its last question is still shown, with "Show the result".
    expect(visible(questionMessage())).toContain("Done: show the result");
  });

  it('only "Show the result" finishes it: v2 supersedes v1 and keeps everyone who took part', async () => {
    const v1 = needV1();
    h.fake.reset();
    await click(actionButton(questionMessage(), "decide_finish"), CAROL, EN, v1.threadTs);
    finishing = [...h.fake.calls];
    const thread = await decisionsOf(EN, v1.threadTs);
    expect(thread).toHaveLength(2);
    const found = thread.find((d) => d.id !== v1.id);
    if (!found) throw new Error("v2 was not saved");
    v2 = found;
    // DAVE only started v1 and USER's first answer was changed: both still took part.
    expect(new Set(v2.participants)).toEqual(new Set([DAVE, USER, USER2, CAROL]));
    expect(v2.status).toBe("proposed");
    expect(v2.recordMarkdown).toContain("This is v2 of the decision: it supersedes v1");
    const old = await h.store.getDecision(v1.id);
    expect(old?.status).toBe("superseded");
  });

  it("every copy of v1 (root, broadcast, DECISIONS_CHANNEL) reads Superseded by v2, links to v2, has no Accept/Reject", async () => {
    const v1 = needV1();
    const v2 = needV2();
    const finishing = needFinishing();
    const old = (await h.store.getDecision(v1.id)) as StoredDecision;
    expect(old.copies.map((c) => [c.channel, c.thread === true])).toEqual([
      [EN, true],
      [EN, true],
      [DECISIONS, false],
    ]);
    const v2Card = v2.copies.find((c) => c.thread);
    if (!v2Card) throw new Error("v2 has no card in its thread");
    const link = permalinkOf(v2Card.channel, v2Card.ts);
    for (const update of lastUpdates(old, finishing)) {
      expect(visible(update)).toContain("Status: *Superseded by v2* on 2026-11-28");
      expect(visible(update)).toContain(`<${link}|Open v2>`);
      const ids = actionElements(update).map((e) => e.action_id);
      expect(ids).not.toContain("summary_status_accept");
      expect(ids).not.toContain("summary_status_reject");
    }
  });

  it("v2's card, in its thread and in DECISIONS_CHANNEL, says it is v2, revised from v1", async () => {
    const v2 = needV2();
    const finishing = needFinishing();
    // The thread's intro became v2's card, the broadcast, the copy in DECISIONS_CHANNEL.
    const cards = v2.copies.map(
      (copy) =>
        finishing.find(
          (c) =>
            (c.method === "chat.update" && c.args.ts === copy.ts) ||
            (c.method === "chat.postMessage" && c.result?.ts === copy.ts),
        )?.args,
    );
    expect(v2.copies.map((c) => c.channel)).toEqual([EN, EN, DECISIONS]);
    for (const card of cards) expect(visible(card)).toContain("v2 · revised from v1");
    // Accepting v2 redraws its copies: still v2.
    h.fake.reset();
    await h.click("summary_status_accept", encode({ k: "dec", d: v2.id, a: "accept" }), {
      user: USER,
      channel: EN,
      threadTs: v2.threadTs,
    });
    const after = (await h.store.getDecision(v2.id)) as StoredDecision;
    expect(after.status).toBe("accepted");
    const redrawn = lastUpdates(after);
    expect(redrawn).toHaveLength(3);
    for (const update of redrawn) expect(visible(update)).toContain("v2 · revised from v1");
  });

  it("history lists the thread once, as v2, marked revised", async () => {
    const res = await h.slash("history", { channel: EN });
    const text = visible(res.json);
    expect(text.split("*Payments*")).toHaveLength(2);
    expect(text).toContain("Status: Accepted · v2 · revised");
    for (const who of [DAVE, USER, USER2, CAROL]) expect(text).toContain(`<@${who}>`);
    expect(text).not.toContain("Superseded");
    // The whole workspace too.
    const all = actionElements(res.json ?? undefined).find((e) => e.action_id === "history_all");
    await h.click("history_all", all?.value as string, { channel: EN, ephemeral: true });
    const replaced = h.fake.responsePosts.at(-1)?.body as Json | undefined;
    expect(visible(replaced).split("*Payments*")).toHaveLength(2);
    expect(visible(replaced)).toContain("v2 · revised");
  });

  it("App Home lists the thread once, as v2, marked revised, for someone who took part in v1 only", async () => {
    await h.homeOpened(DAVE);
    const view = visible(h.fake.callsTo("views.publish").at(-1)?.args.view as Json);
    expect(view.split("*Payments*")).toHaveLength(2);
    expect(view).toContain("v2 · revised");
    expect(view).not.toContain("Superseded");
  });
});

describe("Revisit as a new version, in Japanese", () => {
  it("says v2, Superseded by v2 and revised in Japanese", async () => {
    await h.slash("lang ja", { channel: JA });
    h.fake.reset();
    const v1 = await firstVersion(JA);
    expect(v1.lang).toBe("ja");
    await revisit(v1, JA);
    await click(actionButton(questionMessage(), "decide_answer_1"), CAROL, JA, v1.threadTs);
    expect(await decisionsOf(JA, v1.threadTs)).toHaveLength(1);
    await click(actionButton(questionMessage(), "decide_finish"), CAROL, JA, v1.threadTs);
    const [v2] = (await decisionsOf(JA, v1.threadTs)).filter((d) => d.id !== v1.id);
    if (!v2) throw new Error("v2 was not saved");
    const v2Card = v2.copies.find((c) => c.thread);
    const link = permalinkOf(JA, v2Card?.ts ?? "");
    const old = (await h.store.getDecision(v1.id)) as StoredDecision;
    expect(lastUpdates(old).length).toBeGreaterThan(0);
    for (const update of lastUpdates(old)) {
      expect(visible(update)).toContain("ステータス: *v2 で置き換え済み*（2026-11-28）");
      expect(visible(update)).toContain(`<${link}|v2 を開く>`);
    }
    expect(h.fake.posts(JA).map(visible).join("")).toContain("v2 · v1 を見直した版");
    expect(v2.recordMarkdown).toContain("この記録は決定の v2 です。");
    const history = await h.slash("history", { channel: JA });
    expect(visible(history.json)).toContain("v2 · 見直し済み");
    expect(visible(history.json).split("*Payments*")).toHaveLength(2);
  });
});
