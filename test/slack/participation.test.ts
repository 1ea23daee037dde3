import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/i18n/lang.js";
import { start } from "../../src/core/walkthrough/index.js";
import { REMIND_ACTION } from "../../src/slack/blocks/participation.js";
import type { SlackCtx } from "../../src/slack/walkthrough/ctx.js";
import { startWalkthrough } from "../../src/slack/walkthrough/start.js";
import {
  createSqliteStore,
  openStore,
  type SessionPlan,
  type Store,
  type StoredSession,
} from "../../src/store/index.js";
import { BOT_USER_ID, type FakeSlack, TEAM_ID } from "../support/fake-slack.js";
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from "../support/pg.js";
import {
  CHANNEL,
  type Harness,
  NOW,
  nextTs,
  quietLogger,
  shown,
  startHarness,
  USER,
  USER2,
  useHarness,
  visible,
} from "../support/slack-harness.js";

type Json = Record<string, unknown>;
const CAROL = "U0CAROL003";
const DAVE = "U0DAVE0004";
const HOUR = 3_600_000;

const h = useHarness();

function ctxOf(harness: Harness): SlackCtx {
  return {
    deps: harness.bot.deps,
    client: harness.bot.app.client,
    logger: quietLogger as unknown as SlackCtx["logger"],
    teamId: TEAM_ID,
    botMention: `<@${BOT_USER_ID}>`,
  };
}

/** A walkthrough started with a plan, as the start modal does: its question posted in a new thread. */
async function started(plan: SessionPlan, lang: Lang = "en"): Promise<StoredSession> {
  const result = await startWalkthrough(ctxOf(h), {
    channelId: CHANNEL,
    userId: USER,
    title: "Payments <api>",
    lang,
    plan,
  });
  if (!result.ok) throw new Error("the walkthrough did not start");
  return result.session;
}

/** The latest version of a thread's question message (posted, then updated in place). */
function questionMessage(session: StoredSession): Json {
  const calls = h.fake.calls.filter(
    (c) =>
      (c.method === "chat.postMessage" && c.args.thread_ts === session.threadTs) ||
      (c.method === "chat.update" && c.args.ts === session.messages.questionTs),
  );
  const last = calls.filter((c) => shown(c.args).includes("decide_answer")).at(-1)?.args;
  if (!last) throw new Error(`no question message in thread ${session.threadTs}`);
  return last;
}

function elements(payload: Json): Json[] {
  return ((payload.blocks as Json[] | undefined) ?? []).flatMap((b) => [
    ...((b.elements as Json[] | undefined) ?? []),
    ...(b.accessory ? [b.accessory as Json] : []),
  ]);
}

function findButton(payload: Json, match: (id: string) => boolean): Json | undefined {
  return elements(payload).find((e) => match(String(e.action_id)));
}

function button(payload: Json, actionId: string): Json {
  const found = findButton(payload, (id) => id === actionId);
  if (!found) throw new Error(`no ${actionId} in ${shown(payload)}`);
  return found;
}

async function click(session: StoredSession, b: Json, user = USER) {
  const res = await h.click(String(b.action_id), String(b.value), {
    user,
    threadTs: session.threadTs,
    messageTs: session.messages.questionTs ?? nextTs(),
  });
  expect(res.status).toBe(200);
}

/** The first option of the question shown now, clicked by `user`. */
async function answerAs(session: StoredSession, user: string) {
  const option = findButton(questionMessage(session), (id) => id.startsWith("decide_answer_"));
  if (!option) throw new Error("no option button");
  await click(session, option, user);
}

/** Replies the bot posted in the thread (not the question message, which has buttons). */
function replies(fake: FakeSlack, session: Pick<StoredSession, "threadTs">): Json[] {
  return fake
    .posts(CHANNEL)
    .filter((p) => p.thread_ts === session.threadTs && !shown(p).includes("decide_answer"));
}

function mentions(text: unknown): string[] {
  return [...String(text).matchAll(/<@([A-Z0-9]+)>/g)].map((m) => m[1] ?? "");
}

function ephemeralsTo(user: string): string[] {
  return h.fake
    .callsTo("chat.postEphemeral")
    .filter((c) => c.args.user === user)
    .map((c) => String(c.args.text));
}

describe("the question message shows who the walkthrough waits on", () => {
  it("lists the invitees in invite order with a Remind button, and drops one once they answer", async () => {
    const session = await started({ invitees: [CAROL, USER2, DAVE] });
    const first = visible(questionMessage(session));
    expect(first).toContain(`Waiting on: <@${CAROL}>, <@${USER2}>, <@${DAVE}>`);
    expect(first).not.toContain("Answered by");
    button(questionMessage(session), REMIND_ACTION);

    await answerAs(session, USER2);
    const after = visible(questionMessage(session));
    expect(after).toContain(`Waiting on: <@${CAROL}>, <@${DAVE}>`);
    expect(after).not.toMatch(new RegExp(`Waiting on:[^"]*${USER2}`));
    // Who answered what: a count per person beside the progress; the list below says which.
    expect(after).toContain(`Answered by <@${USER2}> (1)`);
    expect(after).toContain(`<@${USER2}> answered`);
  });

  it("shows neither the line nor the button when nobody was invited", async () => {
    const session = await started({});
    const q = questionMessage(session);
    expect(visible(q)).not.toContain("Waiting on");
    expect(findButton(q, (id) => id === REMIND_ACTION)).toBeUndefined();
  });

  it("drops the line and the button once everyone invited has answered", async () => {
    const session = await started({ invitees: [USER2, CAROL] });
    await answerAs(session, USER2);
    await answerAs(session, CAROL);
    const q = questionMessage(session);
    expect(visible(q)).not.toContain("Waiting on");
    expect(findButton(q, (id) => id === REMIND_ACTION)).toBeUndefined();
    expect(visible(q)).toContain(`Answered by <@${USER2}> (1), <@${CAROL}> (1)`);
  });

  it("counts the skipped questions", async () => {
    const session = await started({ invitees: [CAROL] });
    expect(visible(questionMessage(session))).not.toMatch(/\d+ skipped/);
    await click(session, button(questionMessage(session), "decide_skip"));
    expect(visible(questionMessage(session))).toContain("1 skipped");
    await click(session, button(questionMessage(session), "decide_skip"));
    const q = visible(questionMessage(session));
    expect(q).toContain("2 skipped");
    expect(q).not.toContain("1 skipped");
  });
});

describe("Remind", () => {
  it("posts one thread reply mentioning exactly who has not answered, and tells the clicker", async () => {
    const session = await started({ invitees: [CAROL, USER2, DAVE] });
    await answerAs(session, USER2);
    const remind = button(questionMessage(session), REMIND_ACTION);
    const before = replies(h.fake, session).length;

    await click(session, remind, USER);
    const posted = replies(h.fake, session).slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.channel).toBe(CHANNEL);
    expect(posted[0]?.thread_ts).toBe(session.threadTs);
    expect(mentions(posted[0]?.text)).toEqual([CAROL, DAVE]);
    expect(String(posted[0]?.text)).toContain("Payments &lt;api&gt;");
    expect(String(posted[0]?.text)).not.toMatch(/https?:|<[^@][^>]*\|/);
    expect(ephemeralsTo(USER).at(-1)).toBe(`Reminder sent to <@${CAROL}>, <@${DAVE}>.`);
  });

  it("does not post again within 10 minutes: the second clicker is told privately when it went out", async () => {
    const session = await started({ invitees: [CAROL] });
    const remind = button(questionMessage(session), REMIND_ACTION);
    await click(session, remind, USER);
    expect(replies(h.fake, session)).toHaveLength(1);

    await click(session, remind, USER2);
    expect(replies(h.fake, session)).toHaveLength(1);
    const told = ephemeralsTo(USER2).at(-1) ?? "";
    expect(told).toContain("less than 10 minutes ago");
    // NOW is 09:00 UTC: the window began then, the next opens at 09:10 (Slack shows local time).
    expect(told).toContain(`<!date^${NOW.getTime() / 1000}^{time}|09:00 UTC>`);
    expect(told).toContain("09:10 UTC");
  });

  it("tells a late clicker privately that nobody is left to remind", async () => {
    const session = await started({ invitees: [USER2] });
    const remind = button(questionMessage(session), REMIND_ACTION);
    await answerAs(session, USER2);
    await click(session, remind, USER);
    expect(replies(h.fake, session)).toHaveLength(0);
    expect(ephemeralsTo(USER).at(-1)).toContain("Nobody is left to remind");
  });

  it("refuses a click from another channel", async () => {
    const session = await started({ invitees: [CAROL] });
    const remind = button(questionMessage(session), REMIND_ACTION);
    await h.click(REMIND_ACTION, String(remind.value), { channel: "C0ELSEWHERE" });
    expect(replies(h.fake, session)).toHaveLength(0);
    expect(h.fake.posts("C0ELSEWHERE")).toHaveLength(0);
    expect(ephemeralsTo(USER).at(-1)).toContain("another channel");
  });

  it("speaks the session's language", async () => {
    const session = await started({ invitees: [CAROL, DAVE] }, "ja");
    expect(visible(questionMessage(session))).toContain(`回答待ち: <@${CAROL}>、<@${DAVE}>`);
    await click(session, button(questionMessage(session), REMIND_ACTION), USER);
    const [reply] = replies(h.fake, session);
    expect(reply?.text).toBe(
      `<@${CAROL}>、<@${DAVE}> さん、「Payments &lt;api&gt;」への回答をお願いします。このスレッドの上にある質問から回答できます。`,
    );
    expect(ephemeralsTo(USER).at(-1)).toBe(
      `<@${CAROL}>、<@${DAVE}> さんにリマインドを送りました。`,
    );
  });
});

describe("the due-date reminder", () => {
  const due = new Date(NOW.getTime() - HOUR);

  it("posts one reply mentioning who has not answered when the date has passed, and nothing on the next sweep", async () => {
    const session = await started({ invitees: [CAROL, USER2, DAVE], dueAt: due });
    await answerAs(session, USER2);
    await h.bot.schedule.sweep();
    const posted = replies(h.fake, session);
    expect(posted).toHaveLength(1);
    expect(mentions(posted[0]?.text)).toEqual([CAROL, DAVE]);
    expect(String(posted[0]?.text)).toContain("were due");

    await h.bot.schedule.sweep();
    await h.bot.schedule.sweep();
    expect(replies(h.fake, session)).toHaveLength(1);
  });

  it("says nothing before the date", async () => {
    const session = await started({ invitees: [CAROL], dueAt: new Date(NOW.getTime() + HOUR) });
    await h.bot.schedule.sweep();
    expect(replies(h.fake, session)).toHaveLength(0);
  });

  it("turns to the owner when everyone invited has answered", async () => {
    const session = await started({ owner: DAVE, invitees: [USER2], dueAt: due });
    await answerAs(session, USER2);
    await h.bot.schedule.sweep();
    const posted = replies(h.fake, session);
    expect(posted).toHaveLength(1);
    expect(mentions(posted[0]?.text)).toEqual([DAVE]);
    expect(String(posted[0]?.text)).toContain(`are in; <@${DAVE}>, show the result`);
  });

  it("turns to whoever started it when nobody was invited", async () => {
    const session = await started({ dueAt: due });
    await h.bot.schedule.sweep();
    const posted = replies(h.fake, session);
    expect(posted).toHaveLength(1);
    expect(mentions(posted[0]?.text)).toEqual([USER]);
  });

  it("reminds again when the due date is moved", async () => {
    const session = await started({ invitees: [CAROL], dueAt: due });
    await h.bot.schedule.sweep();
    expect(replies(h.fake, session)).toHaveLength(1);
    const current = await h.store.getSession(session.id);
    if (!current) throw new Error("session gone");
    const moved = new Date(NOW.getTime() - 30 * 60_000);
    const saved = await h.store.updateSession(current.id, current.version, {
      plan: { ...current.plan, dueAt: moved },
    });
    expect(saved.ok).toBe(true);
    await h.bot.schedule.sweep();
    await h.bot.schedule.sweep();
    expect(replies(h.fake, session)).toHaveLength(2);
  });

  it("sends nothing for a finished walkthrough", async () => {
    const session = await started({ invitees: [CAROL], dueAt: due });
    const saved = await h.store.updateSession(session.id, session.version, { status: "finished" });
    expect(saved.ok).toBe(true);
    await h.bot.schedule.sweep();
    expect(replies(h.fake, session)).toHaveLength(0);
  });

  it("speaks the session's language", async () => {
    const session = await started({ invitees: [CAROL], dueAt: due }, "ja");
    await h.bot.schedule.sweep();
    const [reply] = replies(h.fake, session);
    expect(reply?.text).toBe(
      `「Payments &lt;api&gt;」の回答期限が過ぎました。<@${CAROL}> さんの回答を待っています。このスレッドの上にある質問に回答してください。`,
    );
  });
});

/**
 * Two replicas on one database sweep at the same moment: one reminder between them. A third,
 * started later (a restart), sends none. PostgreSQL when TEST_DATABASE_URL is set, else two SQLite
 * stores on one file.
 */
describe(`the due-date reminder across replicas (${TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`, () => {
  let schema: TestSchema | undefined;
  let dir: string | undefined;
  const stores: Store[] = [];
  const harnesses: Harness[] = [];

  async function openShared(): Promise<Store> {
    const store = TEST_DATABASE_URL
      ? await openStore({ databaseUrl: schema?.url ?? "", dataDir: "unused", clock: () => NOW })
      : createSqliteStore(dir ?? "", { clock: () => NOW });
    stores.push(store);
    return store;
  }

  async function replica(): Promise<Harness> {
    const harness = await startHarness({}, { store: await openShared() });
    harnesses.push(harness);
    return harness;
  }

  beforeAll(async () => {
    if (TEST_DATABASE_URL) schema = await createTestSchema(TEST_DATABASE_URL, "remind");
    else dir = await mkdtemp(path.join(tmpdir(), "ecs-vs-eks-remind-"));
  });

  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((x) => x.stop()));
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await schema?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("posts exactly one reminder when two replicas sweep at once, and none after a restart", async () => {
    const [a, b] = [await replica(), await replica()];
    if (!a || !b) throw new Error("replicas did not start");
    const threadTs = nextTs();
    await a.store.createSession({
      teamId: TEAM_ID,
      channelId: CHANNEL,
      threadTs,
      title: "Shared",
      startedBy: USER,
      lang: "en",
      state: start(a.bot.deps.walkthrough),
      messages: { rootTs: threadTs, questionTs: nextTs() },
      plan: { invitees: [CAROL, DAVE], dueAt: new Date(NOW.getTime() - HOUR) },
    });

    await Promise.all([a.bot.schedule.sweep(), b.bot.schedule.sweep()]);
    const posted = [...replies(a.fake, { threadTs }), ...replies(b.fake, { threadTs })];
    expect(posted).toHaveLength(1);
    expect(mentions(posted[0]?.text)).toEqual([CAROL, DAVE]);

    const restarted = await replica();
    await restarted.bot.schedule.sweep();
    await Promise.all([a.bot.schedule.sweep(), b.bot.schedule.sweep()]);
    expect(replies(restarted.fake, { threadTs })).toHaveLength(0);
    expect([...replies(a.fake, { threadTs }), ...replies(b.fake, { threadTs })]).toHaveLength(1);
  });
});
