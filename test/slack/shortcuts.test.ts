import { describe, expect, it } from "vitest";
import { SHARE_ANSWER_ACTION } from "../../src/slack/blocks/answer.js";
import { t } from "../../src/slack/messages/shortcuts-home.js";
import { t as tm } from "../../src/slack/messages.js";
import { BOT_USER_ID, TEAM_ID } from "../support/fake-slack.js";
import {
  actionElements,
  CHANNEL,
  nextTs,
  shown,
  USER,
  USER2,
  useHarness,
  visible,
} from "../support/slack-harness.js";

type Json = Record<string, unknown>;

// Every test's Slack output is also checked against Block Kit's limits (useHarness's afterEach).
const h = useHarness();

const ASK = "ask_about_message";

/** The one ephemeral the shortcut sent, after checking nothing was posted for everyone. */
function onlyEphemeral(): Json {
  expect(h.fake.posts()).toEqual([]);
  const sent = h.fake.callsTo("chat.postEphemeral");
  expect(sent).toHaveLength(1);
  return sent[0]?.args as Json;
}

function headerText(payload: Json): string | undefined {
  const header = ((payload.blocks as Json[] | undefined) ?? []).find((b) => b.type === "header");
  return (header?.text as Json | undefined)?.text as string | undefined;
}

describe("message shortcut: Ask ECS vs EKS (about this message)", () => {
  it("answers a thread reply ephemerally, in its thread, with Share, saying whose words it answers", async () => {
    const parent = nextTs();
    const ts = nextTs();
    const res = await h.shortcut(ASK, {
      ts,
      thread_ts: parent,
      text: "How do we run a cron job every night?",
      user: USER2,
    });
    expect(res.status).toBe(200);
    const reply = onlyEphemeral();
    expect(reply.channel).toBe(CHANNEL);
    expect(reply.user).toBe(USER);
    expect(reply.thread_ts).toBe(parent);
    // The same card as `/ecs-vs-eks <question>` gives: a capability's header, and Share.
    const expected = h.bot.deps.answerer.answer("How do we run a cron job every night?", "en");
    expect(expected.model.kind).toBe("capability");
    expect(headerText(reply)).toBeTruthy();
    if (expected.model.kind === "capability") expect(headerText(reply)).toBe(expected.model.title);
    const share = actionElements(reply).find((b) => b.action_id === SHARE_ANSWER_ACTION);
    expect((share?.text as Json | undefined)?.text).toBe("Share in channel");
    expect(visible(reply)).toContain(`<@${USER2}> asked: “How do we run a cron job every night?”`);
    expect(h.fake.responsePosts).toEqual([]);

    // Share on that ephemeral card posts it for everyone, in the same thread.
    h.fake.reset();
    await h.click(SHARE_ANSWER_ACTION, share?.value as string, {
      ephemeral: true,
      messageTs: nextTs(),
      threadTs: parent,
    });
    const posted = h.fake.posts(CHANNEL);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.thread_ts).toBe(parent);
    expect(shown(posted[0])).toContain(`Shared by <@${USER}>`);
  });

  it("answers a root message in a thread of its own (thread_ts is the message's ts)", async () => {
    const ts = nextTs();
    await h.shortcut(ASK, { ts, text: "how do we store secrets?", user: USER });
    const reply = onlyEphemeral();
    expect(reply.thread_ts).toBe(ts);
    // The reader's own words: "You asked".
    expect(visible(reply)).toContain("You asked: “how do we store secrets?”");
  });

  it("answers a Japanese message in Japanese", async () => {
    const ts = nextTs();
    await h.shortcut(ASK, { ts, text: "ECSでシークレット管理はどうする？", user: USER2 });
    const reply = onlyEphemeral();
    expect(reply.thread_ts).toBe(ts);
    const share = actionElements(reply).find((b) => b.action_id === SHARE_ANSWER_ACTION);
    expect((share?.text as Json | undefined)?.text).toBe(tm("ja", "cardShare"));
    expect(visible(reply)).toContain(`<@${USER2}> の質問:「ECSでシークレット管理はどうする？」`);
    expect(visible(reply)).not.toContain("Share in channel");
  });

  it("answers in Japanese in a channel set to Japanese, even an English message", async () => {
    const channel = "C0JAPAN001";
    await h.store.setChannelLang(TEAM_ID, channel, "ja");
    await h.shortcut(ASK, { ts: nextTs(), text: "how do we store secrets?" }, { channel });
    const reply = onlyEphemeral();
    expect(reply.channel).toBe(channel);
    expect(visible(reply)).toContain(tm("ja", "cardShare"));
    expect(visible(reply)).toContain(
      tm("ja", "cardYouAsked", { question: "how do we store secrets?" }),
    );
    expect(visible(reply)).not.toContain("You asked");
  });

  it("a message the matrix does not answer gets the polite no-match, ephemeral", async () => {
    const ts = nextTs();
    await h.shortcut(ASK, { ts, text: "tell me a joke about Kubernetes", user: USER2 });
    const reply = onlyEphemeral();
    expect(reply.text).toBe(tm("en", "noMatchFallback"));
    expect(reply.thread_ts).toBe(ts);
    expect(actionElements(reply).some((b) => b.action_id === SHARE_ANSWER_ACTION)).toBe(false);
  });

  it("a message with no text gets a clear ephemeral sentence, in the channel's language", async () => {
    await h.shortcut(ASK, { ts: nextTs(), user: USER2 });
    const reply = onlyEphemeral();
    expect(reply.text).toBe(
      t("en", "shortcutNoText", { cmd: "/ecs-vs-eks", bot: `<@${BOT_USER_ID}>` }),
    );
    h.fake.reset();
    const channel = "C0JAPAN002";
    await h.store.setChannelLang(TEAM_ID, channel, "ja");
    await h.shortcut(ASK, { ts: nextTs(), text: `<@${BOT_USER_ID}>` }, { channel });
    expect(onlyEphemeral().text).toContain("そのメッセージには回答できる文章がありません");
  });

  it("never echoes the message's markup: mentions and links come back escaped", async () => {
    await h.shortcut(ASK, {
      ts: nextTs(),
      text: "<!channel> <https://evil.example|click> how do we store secrets & keys?",
      user: USER2,
    });
    const reply = visible(onlyEphemeral());
    expect(reply).not.toContain("<!channel>");
    expect(reply).not.toContain("<https://evil.example");
    expect(reply).toContain("&lt;!channel&gt;");
    expect(reply).toContain("secrets &amp; keys");
  });

  it("where the bot is not in the channel, answers through the shortcut's response_url", async () => {
    h.fake.fail("chat.postEphemeral", "not_in_channel");
    await h.shortcut(ASK, { ts: nextTs(), text: "how do we store secrets?", user: USER2 });
    expect(h.fake.callsTo("chat.postEphemeral")).toHaveLength(1);
    expect(h.fake.posts()).toEqual([]);
    expect(h.fake.responsePosts).toHaveLength(1);
    const body = h.fake.responsePosts[0]?.body as Json;
    expect(body.response_type).toBe("ephemeral");
    expect(headerText(body)).toBeTruthy();
    const expected = h.bot.deps.answerer.answer("how do we store secrets?", "en");
    expect(expected.model.kind).toBe("capability");
    if (expected.model.kind === "capability") expect(headerText(body)).toBe(expected.model.title);
    expect(actionElements(body).some((b) => b.action_id === SHARE_ANSWER_ACTION)).toBe(true);
    expect(h.fake.callsTo("views.open")).toEqual([]);
  });

  it("without a response_url either, shows the answer in a modal (no Share: a modal has no channel)", async () => {
    h.fake.fail("chat.postEphemeral", "channel_not_found");
    await h.shortcut(
      ASK,
      { ts: nextTs(), text: "ECSでシークレット管理はどうする？", user: USER2 },
      { responseUrl: null, triggerId: "999.1.trigger" },
    );
    expect(h.fake.posts()).toEqual([]);
    const opened = h.fake.callsTo("views.open");
    expect(opened).toHaveLength(1);
    expect(opened[0]?.args.trigger_id).toBe("999.1.trigger");
    const view = opened[0]?.args.view as Json;
    expect(view.type).toBe("modal");
    expect((view.title as Json).text).toBe(t("ja", "shortcutModalTitle"));
    expect(headerText(view)).toBeTruthy();
    const expected = h.bot.deps.answerer.answer("ECSでシークレット管理はどうする？", "ja");
    expect(expected.model.kind).toBe("capability");
    if (expected.model.kind === "capability") expect(headerText(view)).toBe(expected.model.title);
    expect(visible(view)).toContain("そのチャンネルのメンバーではないため");
    expect(actionElements(view)).toEqual([]);
  });

  it("another Slack failure is told to the user through the response_url, never posted", async () => {
    h.fake.fail("chat.postEphemeral", "ratelimited");
    await h.shortcut(ASK, { ts: nextTs(), text: "how do we store secrets?", user: USER2 });
    expect(h.fake.posts()).toEqual([]);
    expect(h.fake.responsePosts).toHaveLength(1);
    expect(h.fake.responsePosts[0]?.body.text).toBe(tm("en", "errRateLimited"));
    expect(h.fake.responsePosts[0]?.body.response_type).toBe("ephemeral");
  });
});
