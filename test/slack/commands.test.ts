import { describe, expect, it } from "vitest";
import { PAYLOAD_VERSION } from "../../src/slack/payloads.js";
import { GOOD_TOKEN, TEAM_ID } from "../support/fake-slack.js";
import { CHANNEL, shown, USER, useHarness, visible } from "../support/slack-harness.js";

type Json = Record<string, unknown>;
const blocksOf = (body: Json | null) => (body?.blocks as Json[] | undefined) ?? [];
const actionIds = (body: Json | null) =>
  blocksOf(body)
    .filter((b) => b.type === "actions")
    .flatMap((b) => (b.elements as Json[]).map((e) => e.action_id as string));

const h = useHarness();

describe("/ecs-vs-eks help", () => {
  it("answers empty text with help, in the ack body, ephemeral, with start and matrix buttons", async () => {
    const res = await h.slash("");
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe("ephemeral");
    expect(res.json?.text).toMatch(/ECS or EKS/);
    expect(shown(res.json)).toContain("/ecs-vs-eks decide");
    expect(actionIds(res.json)).toEqual(["help_start", "help_matrix"]);
    // Answered in the ack itself: nothing else was sent.
    expect(h.fake.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
    expect(h.fake.responsePosts).toEqual([]);
  });

  it("'help' in a Japanese channel answers in Japanese", async () => {
    await h.store.setChannelLang(TEAM_ID, "C0JAPAN001", "ja");
    const res = await h.slash("help", { channel: "C0JAPAN001" });
    expect(res.json?.text).toContain("ECS か EKS か");
    expect(shown(res.json)).toContain("意思決定を始める");
  });
});

describe("/ecs-vs-eks matrix", () => {
  it("shows every capability in one table with both platforms' marks", async () => {
    const res = await h.slash("matrix");
    expect(res.json?.response_type).toBe("ephemeral");
    const tables = blocksOf(res.json).filter((b) => b.type === "table");
    expect(tables).toHaveLength(1);
    const rows = (tables[0]?.rows as Json[][]) ?? [];
    expect(rows.length).toBe(h.bot.deps.matrix.capabilities.length + 1);
    const secrets = rows.find((r) => r[3]?.text === "secrets");
    expect(secrets?.[1]?.text).toMatch(/^[●◆◐○] /);
    expect(secrets?.[2]?.text).toMatch(/^[●◆◐○] /);
    expect(res.json?.text).toMatch(/capabilit/);
  });

  it("in Japanese", async () => {
    await h.slash("lang ja", { channel: "C0JAPAN002" });
    const res = await h.slash("matrix", { channel: "C0JAPAN002" });
    expect(res.json?.text).toContain("機能比較表");
    expect(shown(res.json)).toContain("機能");
  });
});

describe("/ecs-vs-eks <question>", () => {
  it("answers with the capability card, ephemeral, in the ack body, with Share and alternatives", async () => {
    const res = await h.slash("Does ECS have something like Kubernetes Secrets?");
    expect(res.json?.response_type).toBe("ephemeral");
    const text = shown(res.json);
    expect(text).toContain("`secrets`");
    expect(text).toContain("Kubernetes / EKS");
    expect(text).toContain("Amazon ECS");
    expect(text).toContain("What it means for the choice");
    expect(text).toContain("Sources");
    expect(text).toMatch(/Checked against the sources on \d{4}-\d{2}-\d{2}/);
    const ids = actionIds(res.json);
    expect(ids[0]).toBe("answer_share");
    expect(ids.slice(1).every((id) => /^answer_show_\d$/.test(id))).toBe(true);
    expect(h.fake.responsePosts).toEqual([]);
  });

  it("treats a capability id as a question", async () => {
    const res = await h.slash("scheduled-jobs");
    expect(shown(res.json)).toContain("`scheduled-jobs`");
  });

  it("answers a Japanese question in Japanese", async () => {
    const res = await h.slash("ECSにシークレットを渡すには？");
    const text = shown(res.json);
    expect(text).toContain("`secrets`");
    expect(text).toContain("選択への影響");
    expect(text).toContain("チャンネルに共有");
  });

  it("answers an off-topic question politely, with suggestions as buttons", async () => {
    const res = await h.slash("what is the best pizza topping");
    expect(res.json?.response_type).toBe("ephemeral");
    expect(res.json?.text).toMatch(/couldn't match/);
    expect(
      actionIds(res.json).filter((id) => id.startsWith("answer_show_")).length,
    ).toBeGreaterThan(0);
    expect(actionIds(res.json)).toContain("help_start");
  });

  it("off-topic in Japanese", async () => {
    const res = await h.slash("おすすめのラーメン屋は？");
    expect(res.json?.text).toContain("見つかりませんでした");
  });

  it("shows the question back escaped: no @channel ping, & kept as an entity", async () => {
    const res = await h.slash("<!channel> secrets & config <https://evil.example|click>");
    const text = visible(res.json);
    expect(text).not.toContain("<!channel>");
    expect(text).toContain(
      "&lt;!channel&gt; secrets &amp; config &lt;https://evil.example|click&gt;",
    );
  });
});

describe("Share in channel", () => {
  it("posts the card for everyone, says who shared it, and removes the ephemeral one", async () => {
    const res = await h.slash("how do I run a cron job?");
    const share = blocksOf(res.json)
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements as Json[])
      .find((e) => e.action_id === "answer_share");
    expect(share).toBeDefined();
    await h.click("answer_share", share?.value as string, { ephemeral: true });
    const posts = h.fake.posts(CHANNEL);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.thread_ts).toBeUndefined();
    expect(shown(posts[0])).toContain(`Shared by <@${USER}>`);
    expect(shown(posts[0])).toContain("how do I run a cron job?");
    expect(h.fake.callsTo("chat.postMessage")[0]?.token).toBe(GOOD_TOKEN);
    expect(h.fake.responsePosts.at(-1)?.body).toEqual({ delete_original: true });
  });

  it("tells the user in their language when the bot is not in the channel", async () => {
    const res = await h.slash("ECSにシークレットを渡すには？");
    const share = blocksOf(res.json)
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements as Json[])
      .find((e) => e.action_id === "answer_share");
    h.fake.fail("chat.postMessage", "not_in_channel");
    await h.click("answer_share", share?.value as string, { ephemeral: true });
    const reply = h.fake.responsePosts.at(-1)?.body;
    expect(reply?.response_type).toBe("ephemeral");
    expect(reply?.text).toContain("/invite");
    expect(reply?.text).toContain("メンバーではない");
  });

  it("an alternative button replaces the ephemeral card with that capability", async () => {
    const res = await h.slash("secrets and config");
    const alt = blocksOf(res.json)
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements as Json[])
      .find((e) => String(e.action_id).startsWith("answer_show_"));
    expect(alt).toBeDefined();
    await h.click(alt?.action_id as string, alt?.value as string, { ephemeral: true });
    const reply = h.fake.responsePosts.at(-1)?.body;
    expect(reply?.replace_original).toBe(true);
    expect(reply?.response_type).toBe("ephemeral");
    expect(shown(reply)).toContain(`\`${JSON.parse(alt?.value as string).id}\``);
  });

  it("a malformed or old-version button value gets a polite ephemeral reply", async () => {
    await h.click("answer_share", "not json", { ephemeral: true });
    expect(h.fake.responsePosts.at(-1)?.body.text).toMatch(/older version/);
    await h.click("answer_show_0", JSON.stringify({ v: 0, k: "cap", id: "secrets", lang: "en" }), {
      ephemeral: true,
    });
    expect(h.fake.responsePosts.at(-1)?.body.text).toMatch(/older version/);
    await h.click(
      "answer_show_0",
      JSON.stringify({ v: PAYLOAD_VERSION, k: "cap", id: "gone-capability", lang: "en" }),
      { ephemeral: true },
    );
    expect(h.fake.responsePosts.at(-1)?.body.text).toMatch(/no longer/);
    expect(h.fake.posts()).toEqual([]);
  });
});

describe("/ecs-vs-eks lang", () => {
  it("stores the channel's language; later answers follow it, even for English text", async () => {
    const set = await h.slash("lang ja", { channel: "C0LANG0001" });
    expect(set.json?.text).toContain("日本語");
    expect(await h.store.getChannelLang(TEAM_ID, "C0LANG0001")).toBe("ja");
    const res = await h.slash("secrets", { channel: "C0LANG0001" });
    expect(shown(res.json)).toContain("選択への影響");
    const back = await h.slash("lang en", { channel: "C0LANG0001" });
    expect(back.json?.text).toMatch(/English/);
  });

  it("explains itself on a bad value", async () => {
    const res = await h.slash("lang fr");
    expect(res.json?.text).toMatch(/lang en/);
  });
});

describe("/ecs-vs-eks history", () => {
  it("says so when the channel has no decisions, with a button for the workspace", async () => {
    const res = await h.slash("history", { channel: "C0EMPTY001" });
    expect(res.json?.response_type).toBe("ephemeral");
    expect(res.json?.text).toMatch(/No decisions/);
    expect(actionIds(res.json)).toEqual(["history_all"]);
  });

  it("lists the channel's decisions, and 'history all' the workspace's", async () => {
    const base = {
      teamId: TEAM_ID,
      lang: "en" as const,
      summary: {},
      recordMarkdown: "# x",
      matrixVersion: "1",
      visibility: "public" as const,
    };
    await h.store.saveDecision({
      ...base,
      channelId: "C0HIST0001",
      threadTs: "1.1",
      title: "Payments <!here> & co",
      recommendation: "ecs",
      participants: [USER],
      threadLink: "https://fake-team.slack.com/archives/C0HIST0001/p11",
    });
    await h.store.saveDecision({
      ...base,
      channelId: "C0HIST0002",
      threadTs: "2.2",
      title: "Search platform",
      recommendation: "eks",
      participants: [USER],
    });
    const res = await h.slash("history", { channel: "C0HIST0001" });
    const text = shown(res.json);
    expect(text).toContain("Payments &lt;!here&gt; &amp; co");
    expect(text).toContain("Amazon ECS");
    expect(text).not.toContain("Search platform");
    const all = await h.slash("history all", { channel: "C0HIST0001" });
    expect(shown(all.json)).toContain("Search platform");
    // The button does the same through response_url.
    const button = blocksOf(res.json)
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements as Json[])[0];
    await h.click("history_all", button?.value as string, {
      ephemeral: true,
      channel: "C0HIST0001",
    });
    expect(shown(h.fake.responsePosts.at(-1)?.body)).toContain("Search platform");
  });
});

describe("HTTP receiver", () => {
  it("rejects a bad signature with 401 and runs nothing", async () => {
    const res = await h.raw(
      "command=%2Fecs-vs-eks&text=help",
      "application/x-www-form-urlencoded",
      "wrong-secret",
    );
    expect(res.status).toBe(401);
    expect(h.fake.calls).toEqual([]);
  });

  it("GET /healthz (alive) and /readyz (store writable) answer 200 with a small JSON status", async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).status).toBe("ok");
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ok", store: "ok" });
  });

  it("GET /readyz answers 503 when the store cannot write; /healthz stays 200", async () => {
    const ping = h.store.ping.bind(h.store);
    h.store.ping = async () => false;
    try {
      const res = await fetch(`${h.url}/readyz`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as Json).store).toBe("unavailable");
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    } finally {
      h.store.ping = ping;
    }
  });

  it("GET /metrics counts the requests it has handled, in Prometheus' format", async () => {
    await h.slash("help");
    const res = await fetch(`${h.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/ecs_vs_eks_requests_total\{kind="command",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/ecs_vs_eks_request_duration_seconds_bucket\{le="0.1",kind="command"\}/);
    expect(text).toMatch(/ecs_vs_eks_slack_api_calls_total\{method="auth.test",outcome="ok"\} 1/);
  });

  it("never logs the token", () => {
    expect(h.logs.join("\n")).not.toContain(GOOD_TOKEN);
  });
});

void USER;
