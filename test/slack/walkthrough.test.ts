import { describe, expect, it } from "vitest";
import { encode, PAYLOAD_VERSION } from "../../src/slack/payloads.js";
import type { StoredSession } from "../../src/store/index.js";
import { TEAM_ID } from "../support/fake-slack.js";
import {
  actionButton,
  actionElements,
  CHANNEL,
  NOW,
  nextTs,
  shown,
  USER,
  USER2,
  useHarness,
  visible,
} from "../support/slack-harness.js";
import { lastOpenedView, submitStart } from "../support/start-modal.js";

type Json = Record<string, unknown>;
const DECISIONS = "C0DECISION1";

const h = useHarness({ DECISIONS_CHANNEL: DECISIONS });

/** The latest version of the live question message (posted, then updated in place). */
function questionMessage(): Json | undefined {
  const calls = h.fake.history.filter(
    (c) =>
      (c.method === "chat.postMessage" || c.method === "chat.update") &&
      shown(c.args).includes("decide_answer"),
  );
  return calls.at(-1)?.args;
}

function optionButton(payload: Json | undefined, index = 0): Json {
  const options = actionElements(payload).filter((e) =>
    String(e.action_id).startsWith("decide_answer_"),
  );
  const button = options[index] ?? options[0];
  if (!button) throw new Error(`no option buttons in ${shown(payload)}`);
  return button;
}

async function clickButton(
  b: Json,
  opts: { user?: string; threadTs?: string; messageTs?: string } = {},
) {
  return h.click(b.action_id as string, b.value as string, opts);
}

/** Every chat.update after the first `before` ones shows exactly what the last of those showed. */
function expectRedrawsUnchanged(before: number): void {
  const updates = h.fake.callsTo("chat.update");
  const shownBefore = shown(updates[before - 1]?.args);
  for (const later of updates.slice(before)) expect(shown(later.args)).toBe(shownBefore);
}

/** The result card: at most 6 blocks and about 800 characters of what a user reads. */
function expectCompactCard(payload: Json | undefined): void {
  const blocks = (payload?.blocks as Json[] | undefined) ?? [];
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(6);
  expect(blocks[0]?.type).toBe("header");
  const read = (v: unknown): string =>
    typeof v === "string"
      ? v
      : Array.isArray(v)
        ? v.map(read).join("")
        : v && typeof v === "object"
          ? Object.entries(v as Json)
              .filter(([k]) => k === "text" || k === "elements" || k === "options")
              .map(([, x]) => read(x))
              .join("")
          : "";
  expect(Array.from(blocks.map(read).join("")).length).toBeLessThanOrEqual(900);
}

async function sessionOf(threadTs: string): Promise<StoredSession | null> {
  return h.store.findSessionByThread(TEAM_ID, CHANNEL, threadTs);
}

/** Answers every remaining question, alternating users; returns the summary post. */
async function answerAll(threadTs: string, users = [USER, USER2]): Promise<Json | undefined> {
  const total = h.bot.deps.walkthrough.questions.length;
  for (let i = 0; i < total + 2; i++) {
    const q = questionMessage();
    if (
      !q ||
      !shown(q).includes("decide_answer") ||
      h.fake.posts().some((p) => shown(p).includes("summary_record"))
    )
      break;
    await clickButton(optionButton(q, i % 2), { user: users[i % users.length] ?? USER, threadTs });
  }
  return h.fake.posts().find((p) => shown(p).includes("summary_record"));
}

describe("/ecs-vs-eks decide", () => {
  let rootTs = "";
  const needRoot = (): string =>
    rootTs ||
    expect.unreachable(
      "needs the root ts from 'posts a root message saying who started it…' above",
    );

  it("posts a root message saying who started it and what for, and the first question in its thread", async () => {
    const res = await h.slash("decide Payments <!channel> & co");
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    const [root, question] = h.fake.posts(CHANNEL);
    expect(root?.thread_ts).toBeUndefined();
    expect(visible(root)).toContain(`<@${USER}> started a walkthrough`);
    expect(visible(root)).toContain("Payments &lt;!channel&gt; &amp; co");
    expect(visible(root)).not.toContain("<!channel>");
    rootTs = (
      h.fake.calls.find((c) => c.method === "chat.postMessage") ? await firstTs() : ""
    ) as string;
    expect(question?.thread_ts).toBe(rootTs);
    const total = h.bot.deps.walkthrough.questions.length;
    expect(shown(question)).toContain(`Question 1 of ${total}`);
    expect(shown(question)).toContain("decide_skip");
    expect(shown(question)).toContain("decide_restart");
    const session = await sessionOf(rootTs);
    expect(session?.startedBy).toBe(USER);
    expect(session?.title).toBe("Payments <!channel> & co");
  });

  async function firstTs(): Promise<string> {
    const sessions = await h.store.listDecisions({ teamId: TEAM_ID });
    void sessions;
    // The fake numbers its ts; the root is the first message posted in this test.
    const root = h.fake.posts(CHANNEL)[0];
    const session = await h.store.findSessionByThread(
      TEAM_ID,
      CHANNEL,
      String(h.fake.posts(CHANNEL)[1]?.thread_ts),
    );
    expect(root).toBeDefined();
    return session?.threadTs ?? "";
  }

  it("updates the question message in place, shows progress and who answered", async () => {
    const rootTs = needRoot();
    const q1 = questionMessage();
    const ts = h.fake.callsTo("chat.postMessage").length; // nothing new should be posted
    await clickButton(optionButton(q1, 0), { user: USER, threadTs: rootTs });
    const update = h.fake.callsTo("chat.update").at(-1)?.args;
    expect(update?.channel).toBe(CHANNEL);
    expect(shown(update)).toContain("Question 2 of");
    expect(shown(update)).toContain(`by <@${USER}>`);
    expect(shown(update)).toContain(`<@${USER}> answered`);
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(ts);
  });

  it("back, then a different answer by someone else replaces the first and says so", async () => {
    const rootTs = needRoot();
    await clickButton(actionButton(questionMessage(), "decide_back"), {
      user: USER2,
      threadTs: rootTs,
    });
    expect(shown(questionMessage())).toContain("Question 1 of");
    await clickButton(optionButton(questionMessage(), 1), { user: USER2, threadTs: rootTs });
    const text = shown(h.fake.callsTo("chat.update").at(-1)?.args);
    expect(text).toContain(`<@${USER2}> changed the answer to`);
    expect(text).toContain(`<@${USER}>`);
  });

  it("skip moves on and marks the question skipped", async () => {
    const rootTs = needRoot();
    await clickButton(actionButton(questionMessage(), "decide_skip"), {
      user: USER,
      threadTs: rootTs,
    });
    expect(shown(h.fake.callsTo("chat.update").at(-1)?.args)).toContain("skipped");
  });

  it("a click that loses a race is told politely who answered first", async () => {
    const rootTs = needRoot();
    const session = await sessionOf(rootTs);
    const q = questionMessage();
    const b = optionButton(q, 0);
    const value = JSON.parse(b.value as string) as { q: string; o: string };
    const real = h.store.updateSession.bind(h.store);
    let raced = false;
    h.store.updateSession = async (id, expected, patch) => {
      if (!raced && session) {
        raced = true;
        const current = await h.store.getSession(id);
        const state = current?.state as { answers: Record<string, unknown> };
        await real(id, current?.version ?? expected, {
          state: {
            ...state,
            answers: {
              ...state.answers,
              [value.q]: { option: value.o, by: USER2, at: NOW.toISOString() },
            },
          },
        });
      }
      return real(id, expected, patch);
    };
    try {
      await clickButton(b, { user: USER, threadTs: rootTs });
    } finally {
      h.store.updateSession = real;
    }
    const eph = h.fake.callsTo("chat.postEphemeral").at(-1)?.args;
    expect(eph?.user).toBe(USER);
    expect(eph?.thread_ts).toBe(rootTs);
    expect(eph?.text).toContain(`<@${USER2}> answered this question just before you`);
  });

  it("a click on a question someone else already moved past is told who answered; nothing is redrawn", async () => {
    const rootTs = needRoot();
    const q = questionMessage();
    await clickButton(optionButton(q, 0), { user: USER, threadTs: rootTs });
    const updates = h.fake.callsTo("chat.update").length;
    // Bob clicks another option of the same (now old) question, e.g. through another replica that
    // read the session just after Alice's answer was saved.
    await clickButton(optionButton(q, 1), { user: USER2, threadTs: rootTs });
    const eph = h.fake.callsTo("chat.postEphemeral").at(-1)?.args;
    expect(eph?.user).toBe(USER2);
    expect(eph?.text).toContain(`<@${USER}> answered this question just before you`);
    expect(h.fake.callsTo("chat.update")).toHaveLength(updates);
    // Alice's double click on the same option changes nothing and says nothing; the message may be
    // redrawn (in case her first redraw failed), exactly as it was.
    const ephemerals = h.fake.callsTo("chat.postEphemeral").length;
    await clickButton(optionButton(q, 0), { user: USER, threadTs: rootTs });
    expectRedrawsUnchanged(updates);
    expect(h.fake.callsTo("chat.postEphemeral")).toHaveLength(ephemerals);
  });

  it("at the end: the root becomes the result card, broadcast once, copied to DECISIONS_CHANNEL", async () => {
    const rootTs = needRoot();
    const card = await answerAll(rootTs);
    expect(card?.thread_ts).toBe(rootTs);
    // The channel sees it exactly once: one broadcast reply, and nothing else posted at the top.
    const broadcasts = h.fake.posts(CHANNEL).filter((p) => String(p.reply_broadcast) === "true");
    expect(broadcasts).toEqual([card]);
    expect(h.fake.posts(CHANNEL).filter((p) => p.thread_ts === undefined)).toHaveLength(0);
    expectCompactCard(card);
    const text = visible(card);
    expect(text).toMatch(/"Decided: Amazon (ECS|EKS)[^"]* — Payments &lt;!channel&gt; &amp; co"/);
    expect(text).toContain("Status: *Proposed*");
    expect(text).toContain("*What would change it:*");
    expect(text).toContain("Matrix ");
    // Each person who took part is mentioned once, in the thread's card.
    expect(text.split(`<@${USER}>`)).toHaveLength(2);
    expect(text.split(`<@${USER2}>`)).toHaveLength(2);
    for (const label of ["Full reasoning", "Decision record", "Post to…", "Revisit"])
      expect(text).toContain(label);
    for (const id of ["summary_full", "summary_record", "summary_more"])
      expect(shown(card)).toContain(id);
    // The 12-block wall is posted nowhere.
    for (const post of h.fake.posts()) expect(visible(post)).not.toContain("What you will need");
    // The root message "… started a walkthrough" is updated into the same card.
    const root = h.fake.callsTo("chat.update").find((c) => c.args.ts === rootTs)?.args;
    expect(root?.channel).toBe(CHANNEL);
    expect(root?.blocks).toEqual(card?.blocks);
    expect(visible(root)).not.toContain("started a walkthrough");
    const saved = await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL });
    expect(saved[0]?.title).toBe("Payments <!channel> & co");
    expect(saved[0]?.recordMarkdown).toContain("Payments");
    expect(saved[0]?.participants).toEqual(expect.arrayContaining([USER, USER2]));
    // DECISIONS_CHANNEL: the same compact card, no mentions, no buttons, a link to the thread.
    const copies = h.fake.posts(DECISIONS);
    expect(copies).toHaveLength(1);
    const copy = copies[0];
    expectCompactCard(copy);
    expect(visible(copy)).not.toContain("<@");
    expect(visible(copy)).toContain("2 people took part");
    expect(visible(copy)).toContain("|Open the thread>");
    expect(shown(copy)).toContain("https://fake-team.slack.com/archives/");
    expect(actionElements(copy)).toHaveLength(0);
    // The question message is closed: no more buttons.
    const last = h.fake
      .callsTo("chat.update")
      .filter((c) => c.args.ts !== rootTs)
      .at(-1)?.args;
    expect(shown(last)).toContain("All questions are done");
    expect(shown(last)).not.toContain("decide_answer");
    const session = await h.store.getSession(saved[0]?.sessionId ?? "");
    expect(session?.status).toBe("finished");
    expect(session?.messages.summaryTs).toBeDefined();
    // The ts remembered is the broadcast card's, as the fake answered it.
    const cardTs = h.fake
      .callsTo("chat.postMessage")
      .find((c) => c.args.channel === CHANNEL && String(c.args.reply_broadcast) === "true")
      ?.result?.ts;
    expect(cardTs).toMatch(/^\d+\.\d+$/);
    expect(session?.messages.summaryTs).toBe(cardTs);
  });

  it("Full reasoning opens a modal with the whole summary", async () => {
    const rootTs = needRoot();
    const decision =
      (await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL }))[0] ??
      expect.unreachable(
        "needs the decision saved in 'at the end: the root becomes the result card…' above",
      );
    await h.click("summary_full", encode({ k: "dec", d: decision.id }), {
      threadTs: rootTs,
    });
    const open = h.fake.callsTo("views.open")[0]?.args;
    expect(open?.trigger_id).toBe("1337.42.abcdef");
    const view = open?.view as Json;
    expect(view.type).toBe("modal");
    expect(visible(view)).toContain('"text":"Full reasoning"');
    expect(visible(view)).toMatch(/What you will need( with Amazon (ECS|EKS))?/);
    expect(visible(view)).toContain("What would change the answer");
    expect(visible(view)).toContain("Took part:");
    expect(visible(view)).not.toContain("summary_");
    expect(h.fake.posts()).toHaveLength(0);
  });

  it("@bot summary after the walkthrough finished links to the result card, only for the asker", async () => {
    const rootTs = needRoot();
    await h.mention("summary", { threadTs: rootTs, user: USER2 });
    expect(h.fake.posts()).toHaveLength(0);
    const eph = h.fake.callsTo("chat.postEphemeral").at(-1)?.args;
    expect(eph?.user).toBe(USER2);
    expect(eph?.thread_ts).toBe(rootTs);
    expect(String(eph?.text)).toContain("has finished");
    expect(String(eph?.text)).toContain(
      `<https://fake-team.slack.com/archives/${CHANNEL}/p${rootTs.replace(".", "")}|result card>`,
    );
    expect(String(eph?.text)).not.toMatch(/no walkthrough in this thread/);
  });

  it("a button of the finished walkthrough gets a polite ephemeral reply", async () => {
    const rootTs = needRoot();
    const old = h.fake.calls.length;
    void old;
    const decision =
      (await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL }))[0] ??
      expect.unreachable(
        "needs the decision saved in 'at the end: the root becomes the result card…' above",
      );
    await h.click(
      "decide_answer_0",
      JSON.stringify({
        v: PAYLOAD_VERSION,
        k: "opt",
        s: decision?.sessionId,
        q: "workload",
        o: "web-services",
      }),
      {
        user: USER2,
        threadTs: rootTs,
      },
    );
    const eph = h.fake.callsTo("chat.postEphemeral").at(-1)?.args;
    expect(eph?.user).toBe(USER2);
    expect(eph?.text).toMatch(/finished or been replaced/);
    expect(h.fake.callsTo("chat.update")).toHaveLength(0);
    await h.click("decide_skip", '{"v":9}', { threadTs: rootTs });
    expect(h.fake.callsTo("chat.postEphemeral").at(-1)?.args.text).toMatch(/older version/);
  });

  it("Decision record uploads the MADR Markdown as a file in the thread", async () => {
    const rootTs = needRoot();
    const decision =
      (await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL }))[0] ??
      expect.unreachable(
        "needs the decision saved in 'at the end: the root becomes the result card…' above",
      );
    // Slack said the channel is public (conversations.info): the decision may be listed elsewhere.
    expect(decision?.visibility).toBe("public");
    await h.click(
      "summary_record",
      JSON.stringify({ v: PAYLOAD_VERSION, k: "dec", d: decision?.id }),
      {
        threadTs: rootTs,
      },
    );
    const get = h.fake.callsTo("files.getUploadURLExternal")[0]?.args;
    // The date, the title and the decision id's first 8 characters: two of one day never collide.
    expect(String(get?.filename)).toBe(
      `2026-11-28-payments-channel-co-${decision?.id.slice(0, 8).toLowerCase()}.md`,
    );

    expect(h.fake.uploads[0]?.body).toContain("Payments");
    const complete = h.fake.callsTo("files.completeUploadExternal")[0]?.args;
    // A file's title is plain text, shown as written: no entities.
    const files = complete?.files;
    const list = (typeof files === "string" ? JSON.parse(files) : files) as Json[];
    expect(list[0]?.title).toBe("Payments <!channel> & co");
    expect(complete?.channel_id).toBe(CHANNEL);
    expect(complete?.thread_ts).toBe(rootTs);
    expect(String(complete?.initial_comment)).toContain(`<@${USER}>`);
  });

  it("Post to… (the card's overflow menu) opens a channel picker and posts the compact card there", async () => {
    const rootTs = needRoot();
    const decision =
      (await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL }))[0] ??
      expect.unreachable(
        "needs the decision saved in 'at the end: the root becomes the result card…' above",
      );
    await h.click("summary_more", encode({ k: "dec", d: decision.id, a: "post" }), {
      threadTs: rootTs,
      type: "overflow",
    });
    const view = h.fake.callsTo("views.open")[0]?.args.view as Json;
    expect(h.fake.callsTo("views.open")[0]?.args.trigger_id).toBe("1337.42.abcdef");
    expect(shown(view)).toContain("conversations_select");
    const res = await h.submitView(view, "C0ARCH0001", USER2);
    expect(res.status).toBe(200);
    const post = h.fake.posts("C0ARCH0001")[0];
    expect(shown(post)).toContain("https://fake-team.slack.com/archives/");
    // The compact card, without mentions: nobody is pinged again.
    expectCompactCard(post);
    expect(visible(post)).not.toContain("<@");
    expect(visible(post)).not.toContain("What you will need");
    expect(h.fake.callsTo("chat.postEphemeral").at(-1)?.args.text).toContain("<#C0ARCH0001>");
  });

  it("Post to channel… where the bot is not a member shows the error on the picker", async () => {
    const rootTs = needRoot();
    const decision =
      (await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL }))[0] ??
      expect.unreachable(
        "needs the decision saved in 'at the end: the root becomes the result card…' above",
      );
    await h.click(
      "summary_post",
      JSON.stringify({ v: PAYLOAD_VERSION, k: "dec", d: decision?.id }),
      {
        threadTs: rootTs,
      },
    );
    const view = h.fake.callsTo("views.open")[0]?.args.view as Json;
    h.fake.fail("chat.postMessage", "not_in_channel");
    const res = await h.submitView(view, "C0PRIVATE1");
    expect(res.json?.response_action).toBe("errors");
    // The inline error is plain text: no code marks, no <@U…> markup.
    const error = String((res.json?.errors as Json | undefined)?.channel);
    expect(error).toContain("/invite @ecs-vs-eks");
    expect(error).not.toMatch(/[`<>*]/);
  });

  it("Revisit (the card's overflow menu) starts a new walkthrough in the thread with the answers filled in", async () => {
    const rootTs = needRoot();
    const decision =
      (await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL }))[0] ??
      expect.unreachable(
        "needs the decision saved in 'at the end: the root becomes the result card…' above",
      );
    await h.click("summary_more", encode({ k: "dec", d: decision.id, a: "revisit" }), {
      user: USER2,
      threadTs: rootTs,
      type: "overflow",
    });
    const posts = h.fake.posts(CHANNEL);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((p) => p.thread_ts === rootTs)).toBe(true);
    const q = questionMessage();
    expect(shown(q)).toContain(`<@${USER2}> is revisiting`);
    const session = await sessionOf(rootTs);
    expect(session?.status).toBe("active");
    const answered = Object.keys(
      (session?.state as { answers: Json } | undefined)?.answers ?? {},
    ).length;
    expect(answered).toBeGreaterThan(0);
    expect(shown(q)).toContain(`${answered} answered`);
    // The question skipped last time is shown; answering it leaves none open, but a revisit is a
    // review: only "Show the result" ends it (test/slack/versions.test.ts).
    await clickButton(optionButton(q, 0), { user: USER2, threadTs: rootTs });
    expect(h.fake.posts().some((p) => shown(p).includes("summary_record"))).toBe(false);
    await clickButton(actionButton(questionMessage(), "decide_finish"), {
      user: USER2,
      threadTs: rootTs,
    });
    expect(h.fake.posts().some((p) => shown(p).includes("summary_record"))).toBe(true);
  });
});

describe("@bot decide in a thread", () => {
  it("starts in that thread; anyone there can answer; @bot summary shows where it stands", async () => {
    const parent = nextTs();
    await h.mention("walk us through it", { threadTs: parent });
    const posts = h.fake.posts(CHANNEL);
    expect(posts.length).toBe(2);
    expect(posts.every((p) => p.thread_ts === parent)).toBe(true);
    await clickButton(optionButton(questionMessage(), 0), { user: USER2, threadTs: parent });
    await h.mention("summary", { threadTs: parent });
    const state = h.fake.posts().at(-1);
    expect(state?.thread_ts).toBe(parent);
    expect(shown(state)).toContain("Where we are");
    expect(shown(state)).toContain(`<@${USER2}>`);
    // A second decide in the same thread is refused politely.
    await h.mention("decide", { threadTs: parent });
    expect(h.fake.callsTo("chat.postEphemeral").at(-1)?.args.text).toMatch(/already running/);
  });

  it("決めたい starts it in Japanese", async () => {
    const ts = nextTs();
    await h.mention("決めたい", { ts });
    const q = questionMessage();
    expect(q?.thread_ts).toBe(ts);
    expect(shown(q)).toContain("質問 1/");
    expect(shown(q)).toContain("スキップ");
    await h.mention("まとめ", { threadTs: ts });
    expect(shown(h.fake.posts().at(-1))).toContain("途中経過");
  });

  it("@bot summary where no walkthrough runs tells only the asker how to start one", async () => {
    const ts = nextTs();
    await h.mention("summary", { threadTs: ts });
    expect(h.fake.posts()).toHaveLength(0);
    const eph = h.fake.callsTo("chat.postEphemeral").at(-1)?.args;
    expect(eph?.user).toBe(USER);
    expect(eph?.thread_ts).toBe(ts);
    expect(String(eph?.text)).toMatch(/no walkthrough in this thread/);
    await h.mention("まとめ", { threadTs: nextTs() });
    expect(h.fake.posts()).toHaveLength(0);
    expect(String(h.fake.callsTo("chat.postEphemeral").at(-1)?.args.text)).toContain(
      "このスレッドにはまだ意思決定がありません",
    );
  });

  it("a full Japanese walkthrough ends with a Japanese result card, and its full reasoning", async () => {
    const ts = nextTs();
    await h.mention("決めたい", { ts });
    const card = await answerAll(ts, [USER]);
    expect(card?.thread_ts).toBe(ts);
    expect(String(card?.reply_broadcast)).toBe("true");
    expectCompactCard(card);
    const text = visible(card);
    expect(text).toMatch(/"決定: Amazon (ECS|EKS)[^"]* — ECS か EKS か"|"[^"]* — ECS か EKS か"/);
    expect(text).toContain(`参加者: <@${USER}>`);
    expect(text).toContain("ステータス: *提案中*");
    expect(text).toContain("*結論が変わる条件:*");
    for (const label of ["詳しい理由", "決定記録", "ほかのチャンネルに投稿…", "見直す"])
      expect(text).toContain(label);
    expect(text).not.toMatch(/必要になるもの/);
    const decision = (await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL })).find(
      (d) => d.threadTs === ts,
    );
    // The intro the walkthrough posted in the thread (not the mention that started it) becomes the card.
    const session = await h.store.getSession(decision?.sessionId ?? "");
    expect(session?.messages.rootTs).not.toBe(ts);
    const intro = h.fake.callsTo("chat.update").find((c) => c.args.ts === session?.messages.rootTs);
    expect(intro?.args.blocks).toEqual(card?.blocks);
    const copy = h.fake.posts(DECISIONS).at(-1);
    expect(visible(copy)).toContain("参加者 1 人");
    expect(visible(copy)).not.toContain("<@");
    await h.click("summary_full", encode({ k: "dec", d: decision?.id ?? "" }), { threadTs: ts });
    const view = h.fake.callsTo("views.open").at(-1)?.args.view as Json;
    expect(visible(view)).toContain('"text":"詳しい理由"');
    expect(visible(view)).toContain('"text":"閉じる"');
    expect(visible(view)).toMatch(/必要になるもの/);
  });
});

describe("clicks that do not apply", () => {
  async function startInThread(): Promise<string> {
    const ts = nextTs();
    await h.mention("decide", { ts });
    return ts;
  }

  it("your own late click is told the walkthrough moved on, not that someone else changed it", async () => {
    const ts = await startInThread();
    const q1 = questionMessage();
    await clickButton(optionButton(q1, 0), { user: USER, threadTs: ts });
    const updates = h.fake.callsTo("chat.update").length;
    await clickButton(actionButton(q1, "decide_skip"), { user: USER, threadTs: ts });
    const eph = h.fake.callsTo("chat.postEphemeral").at(-1)?.args;
    expect(eph?.user).toBe(USER);
    expect(eph?.text).toMatch(/already moved past that question/);
    expect(eph?.text).not.toMatch(/Someone else/);
    expectRedrawsUnchanged(updates);
  });

  it("a double click on Skip or Back does it once and says nothing", async () => {
    const ts = await startInThread();
    const first = questionMessage();
    await clickButton(optionButton(first, 0), { user: USER, threadTs: ts });
    const second = questionMessage();
    await clickButton(actionButton(second, "decide_skip"), { user: USER, threadTs: ts });
    await clickButton(actionButton(second, "decide_skip"), { user: USER, threadTs: ts });
    const third = questionMessage();
    await clickButton(actionButton(third, "decide_back"), { user: USER, threadTs: ts });
    await clickButton(actionButton(third, "decide_back"), { user: USER, threadTs: ts });
    const state = (await sessionOf(ts))?.state as { skipped: string[]; current: string };
    expect(state.skipped).toHaveLength(1);
    expect(state.current).toBe(state.skipped[0]);
    expect(h.fake.callsTo("chat.postEphemeral")).toHaveLength(0);
  });
});

describe("Revisit keeps who gave each answer", () => {
  const CAROL = "U0CAROL003";

  it("the answers stay credited to their authors; the reviser takes part, not their credit", async () => {
    const ts = nextTs();
    await h.mention("decide", { ts });
    await answerAll(ts, [USER, USER2]);
    const inThread = async () =>
      (await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL })).filter(
        (d) => d.threadTs === ts,
      );
    const [decision] = await inThread();
    await h.click("summary_revisit", encode({ k: "dec", d: decision?.id ?? "" }), {
      user: CAROL,
      threadTs: ts,
    });
    const q = questionMessage();
    expect(shown(q)).toContain(`<@${CAROL}> is revisiting`);
    expect(shown(q)).toContain(`by <@${USER}>`);
    expect(shown(q)).toContain(`by <@${USER2}>`);
    expect(shown(q)).not.toContain(`by <@${CAROL}>`);
    // Every answer is there, so Finish is offered; finishing records all three as taking part.
    await clickButton(actionButton(q, "decide_finish"), { user: CAROL, threadTs: ts });
    const both = await inThread();
    expect(both).toHaveLength(2);
    const again = both.find((d) => d.id !== decision?.id);
    expect(again?.participants).toEqual([CAROL, USER, USER2]);
  });
});

describe("help's Start button and App Home", () => {
  it("Start a walkthrough from the ephemeral help posts a root message in the channel", async () => {
    const res = await h.slash("help", { channel: "C0HELP0001" });
    const start = actionElements(res.json as Json).find((e) => e.action_id === "help_start");
    await h.click("help_start", start?.value as string, { ephemeral: true, channel: "C0HELP0001" });
    // It opens the start modal; nothing is posted until it is submitted.
    expect(h.fake.posts("C0HELP0001")).toEqual([]);
    await submitStart(h, lastOpenedView(h));
    const [root, question] = h.fake.posts("C0HELP0001");
    expect(root?.thread_ts).toBeUndefined();
    expect(question?.thread_ts).toBeDefined();
    // The question is in the root message's thread: the ts the fake gave the root.
    const rootCall = h.fake
      .callsTo("chat.postMessage")
      .find((c) => c.args.channel === "C0HELP0001");
    expect(rootCall?.result?.ts).toMatch(/^\d+\.\d+$/);
    expect(question?.thread_ts).toBe(rootCall?.result?.ts);
  });

  it("App Home shows how to use the bot, the matrix, and the user's decisions", async () => {
    await h.homeOpened(USER2);
    const publish = h.fake.callsTo("views.publish")[0]?.args;
    expect(publish?.user_id).toBe(USER2);
    const view = shown(publish?.view as Json);
    expect(view).toContain('"type":"home"');
    expect(view).toContain("capability matrix");
    expect(view).toContain("secrets");
    expect(visible(publish?.view as Json)).toContain("Payments &lt;!channel&gt; &amp; co");
  });

  it("App Home for someone without decisions says how to start", async () => {
    await h.homeOpened("U0NEWBIE01");
    expect(shown(h.fake.callsTo("views.publish")[0]?.args)).toContain("haven't taken part");
  });
});

void nextTs;
