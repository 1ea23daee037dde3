import { describe, expect, it } from "vitest";
import { BOT_USER_ID } from "../support/fake-slack.js";
import {
  CHANNEL,
  nextTs,
  shown,
  USER,
  USER2,
  useHarness,
  visible,
} from "../support/slack-harness.js";

const h = useHarness();

describe("@bot <question>", () => {
  it("posts the answer card in the thread of the mention", async () => {
    const ts = nextTs();
    const res = await h.mention("How do I run a cron job on ECS?", { ts });
    expect(res.status).toBe(200);
    const posts = h.fake.posts(CHANNEL);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.thread_ts).toBe(ts);
    expect(shown(posts[0])).toContain("`scheduled-jobs`");
    expect(shown(posts[0])).toContain(`<@${USER}> asked`);
    // Public card: no share button.
    expect(shown(posts[0])).not.toContain("answer_share");
  });

  it("inside a thread answers in that thread, in Japanese for a Japanese question", async () => {
    const parent = nextTs();
    await h.mention("定期実行したいバッチがある", { threadTs: parent });
    const posts = h.fake.posts(CHANNEL);
    expect(posts[0]?.thread_ts).toBe(parent);
    expect(shown(posts[0])).toContain("選択への影響");
  });

  it("escapes what it shows back", async () => {
    await h.mention("<!channel> secrets & <!here>");
    const text = visible(h.fake.posts()[0]);
    expect(text).not.toMatch(/<!(channel|here)>/);
    expect(text).toContain("&lt;!channel&gt; secrets &amp; &lt;!here&gt;");
  });

  it("answers once per event_id, and still answers a retry whose original never arrived", async () => {
    await h.mention("secrets", { eventId: "Ev0DUP0001" });
    await h.mention("secrets", { eventId: "Ev0DUP0001", retry: 1 });
    expect(h.fake.posts()).toHaveLength(1);
    await h.mention("secrets", { eventId: "Ev0RETRYONLY", retry: 2 });
    expect(h.fake.posts()).toHaveLength(2);
  });

  it("with no text in a thread, answers the thread's first message (conversations.replies)", async () => {
    const parent = nextTs();
    h.fake.setThread(CHANNEL, parent, [
      { ts: parent, text: "Can ECS scale tasks on CPU like an HPA does?", user: USER2 },
    ]);
    await h.mention("", { threadTs: parent });
    const replies = h.fake.callsTo("conversations.replies");
    expect(replies[0]?.args.ts).toBe(parent);
    const post = h.fake.posts()[0];
    expect(post?.thread_ts).toBe(parent);
    expect(shown(post)).toContain("`autoscaling-tasks`");
    expect(shown(post)).toContain(`<@${USER2}> asked`);
  });

  it("tells the user politely when the thread's first message cannot be read", async () => {
    const parent = nextTs();
    h.fake.fail("conversations.replies", "missing_scope");
    await h.mention("", { threadTs: parent });
    const eph = h.fake.callsTo("chat.postEphemeral")[0]?.args;
    expect(eph?.user).toBe(USER);
    expect(eph?.thread_ts).toBe(parent);
    expect(eph?.text).toMatch(/Sorry|couldn't/);
  });

  it("an off-topic mention gets a polite answer with suggestions", async () => {
    await h.mention("what's for lunch?");
    expect(shown(h.fake.posts()[0])).toContain("answer_show_0");
  });

  it("a Web API error becomes an ephemeral message in the user's language", async () => {
    h.fake.fail("chat.postMessage", "ratelimited");
    await h.mention("シークレットの管理");
    const eph = h.fake.callsTo("chat.postEphemeral")[0]?.args;
    expect(eph?.text).toContain("1 分ほど");
  });

  it("@bot help is shown only to the asker; @bot matrix posts in the thread", async () => {
    const ts = nextTs();
    await h.mention("help", { ts });
    await h.mention("matrix", { ts: nextTs(), threadTs: ts });
    const help = h.fake.callsTo("chat.postEphemeral")[0]?.args;
    expect(help?.channel).toBe(CHANNEL);
    expect(help?.user).toBe(USER);
    expect(help?.thread_ts).toBe(ts);
    expect(shown(help)).toContain(`<@${BOT_USER_ID}>`);
    expect(shown(help)).toContain("help_start");
    const posts = h.fake.posts();
    expect(posts).toHaveLength(1);
    expect(shown(posts[0])).toContain('"type":"table"');
  });

  it("@bot ヘルプ in Japanese is ephemeral too", async () => {
    const ts = nextTs();
    await h.mention("ヘルプ", { ts });
    expect(h.fake.posts()).toHaveLength(0);
    expect(shown(h.fake.callsTo("chat.postEphemeral")[0]?.args)).toContain("意思決定を始める");
    const help = h.fake.callsTo("chat.postEphemeral")[0]?.args;
    expect(help?.channel).toBe(CHANNEL);
    expect(help?.user).toBe(USER);
    expect(help?.thread_ts).toBe(ts);
  });

  it("a bare mention in a thread that is not about ECS or EKS answers only the mentioner", async () => {
    const parent = nextTs();
    h.fake.setThread(CHANNEL, parent, [
      { ts: parent, text: "Who is bringing cake on Friday?", user: USER2 },
    ]);
    await h.mention("", { threadTs: parent });
    expect(h.fake.posts()).toHaveLength(0);
    const eph = h.fake.callsTo("chat.postEphemeral")[0]?.args;
    expect(h.fake.callsTo("chat.postEphemeral")).toHaveLength(1);
    expect(eph?.channel).toBe(CHANNEL);
    expect(eph?.user).toBe(USER);
    expect(eph?.thread_ts).toBe(parent);
    expect(shown(eph)).toContain("answer_show_0");
  });

  it("日本語の話題外のスレッドでも、メンションした人にだけ答えます", async () => {
    const parent = nextTs();
    h.fake.setThread(CHANNEL, parent, [
      { ts: parent, text: "誕生日のケーキは誰が持ってきますか？", user: USER2 },
    ]);
    await h.mention("", { threadTs: parent });
    expect(h.fake.posts()).toHaveLength(0);
    const eph = h.fake.callsTo("chat.postEphemeral")[0]?.args;
    expect(h.fake.callsTo("chat.postEphemeral")).toHaveLength(1);
    expect(eph?.channel).toBe(CHANNEL);
    expect(eph?.user).toBe(USER);
    expect(eph?.thread_ts).toBe(parent);
    expect(String(eph?.text)).toContain("比較表の中に当てはまる項目が見つかりませんでした");
  });
});
