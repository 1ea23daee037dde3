import { describe, expect, it } from "vitest";
import type { ChangeItem } from "../../src/core/changes/index.js";
import { renderChanges } from "../../src/slack/blocks/changes.js";
import { parseIntent } from "../../src/slack/intents.js";
import { messageProblems } from "../support/block-kit-limits.js";
import { TEAM_ID } from "../support/fake-slack.js";
import { shown, useHarness, visible } from "../support/slack-harness.js";

type Json = Record<string, unknown>;
const blocksOf = (body: Json | null) => (body?.blocks as Json[] | undefined) ?? [];
/** The mrkdwn text of each section block: one per change. */
const sectionTexts = (body: Json | null) =>
  blocksOf(body)
    .filter((b) => b.type === "section")
    .map((b) => String((b.text as Json | undefined)?.text ?? ""));

// The harness's clock is 2026-11-28: what is "upcoming" follows it, never today's date.
const h = useHarness();

describe("/ecs-vs-eks changes", () => {
  it("lists every change newest first, in the ack body, ephemeral, one line each with its source", async () => {
    const res = await h.slash("changes");
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe("ephemeral");
    expect(res.json?.text).toMatch(/^Platform changes: \d+ changes, newest first$/);
    const lines = sectionTexts(res.json);
    expect(lines.length).toBe(h.bot.deps.changes.changes.length);
    expect(lines[0]).toBe(
      "*2027-02-25* · End of support (upcoming) · <https://docs.aws.amazon.com/xray/latest/devguide/xray-daemon-eos.html|X-Ray SDKs and daemon reach end of support>",
    );
    expect(lines[1]).toMatch(
      /^\*2026-09-30\* · End of support · <https:[^|]+\|AWS App Mesh discontinued>$/,
    );
    const dates = lines.map((l) => l.slice(1, 11));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(shown(res.json)).toContain("/ecs-vs-eks changes since 2025-01-01");
    // Answered in the ack itself: nothing else was sent.
    expect(h.fake.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
    expect(h.fake.responsePosts).toEqual([]);
  });

  it("'changes since <date>' keeps the changes on or after it, and says so", async () => {
    const res = await h.slash("changes since 2026-06-01");
    const lines = sectionTexts(res.json);
    expect(lines.map((l) => l.slice(1, 11))).toEqual(["2027-02-25", "2026-09-30", "2026-06-12"]);
    expect(shown(res.json)).toContain("3 changes, newest first · since 2026-06-01");
    const bare = await h.slash("changes 2026-06-01");
    expect(sectionTexts(bare.json)).toEqual(lines);
  });

  it("'changes <capability>' in a Japanese channel answers in Japanese", async () => {
    await h.store.setChannelLang(TEAM_ID, "C0JAPAN010", "ja");
    const res = await h.slash("changes service-mesh", { channel: "C0JAPAN010" });
    expect(res.json?.text).toBe("プラットフォームの変更履歴: 2 件（新しい順）");
    expect(shown(res.json)).toContain("プラットフォームの変更履歴");
    expect(shown(res.json)).toContain(
      "2 件、新しい順 · サービスメッシュ（`service-mesh`）に関するもの",
    );
    const lines = sectionTexts(res.json);
    expect(lines[0]).toMatch(
      /^\*2026-09-30\* · サポート終了 · <https:[^|]+\|AWS App Mesh の提供終了>$/,
    );
    expect(lines[1]).toMatch(/^\*2024-09-24\* · 非推奨化 · /);
  });

  it("answers a bad date or an unknown capability politely, in the channel's language", async () => {
    const date = await h.slash("changes since 2026-02-30");
    expect(date.json?.response_type).toBe("ephemeral");
    expect(date.json?.text).toBe(
      "“2026-02-30” is not a date I can read. Write it as YYYY-MM-DD, e.g. `/ecs-vs-eks changes since 2025-01-01`.",
    );
    const cap = await h.slash("changes app-mesh");
    expect(cap.json?.text).toBe(
      "I don't know a capability called “app-mesh”. `/ecs-vs-eks matrix` lists their ids; for example `/ecs-vs-eks changes service-mesh`.",
    );
    await h.store.setChannelLang(TEAM_ID, "C0JAPAN011", "ja");
    const ja = await h.slash("changes since yesterday", { channel: "C0JAPAN011" });
    expect(ja.json?.text).toBe(
      "「yesterday」は日付として読み取れません。`/ecs-vs-eks changes since 2025-01-01` のように YYYY-MM-DD の形で指定してください。",
    );
  });

  it("shows what the user typed back escaped: no @here ping", async () => {
    const res = await h.slash("changes since <!here>");
    expect(visible(res.json)).not.toContain("<!here>");
    expect(res.json?.text).toContain("“&lt;!here&gt;” is not a date I can read.");
  });

  it("reads a longer sentence after 'changes' as a question, and help mentions the command", async () => {
    const question = await h.slash("changes to the App Mesh service mesh?");
    expect(shown(question.json)).toContain("`service-mesh`");
    expect(shown(question.json)).toContain("Recent platform changes");
    const help = await h.slash("help");
    expect(shown(help.json)).toContain("/ecs-vs-eks changes [since YYYY-MM-DD|capability-id]");
    await h.store.setChannelLang(TEAM_ID, "C0JAPAN012", "ja");
    const helpJa = await h.slash("help", { channel: "C0JAPAN012" });
    expect(shown(helpJa.json)).toContain("/ecs-vs-eks changes [since YYYY-MM-DD|機能ID]");
    expect(shown(helpJa.json)).toContain("日付付きのプラットフォームの変更");
  });
});

describe("an answer card's recent changes", () => {
  it("lists the capability's newest changes, one context line each, linked to their sources", async () => {
    const res = await h.slash("Should we still use App Mesh as our service mesh?");
    const blocks = blocksOf(res.json);
    const at = blocks.findIndex(
      (b) => b.type === "section" && (b.text as Json).text === "*Recent platform changes*",
    );
    expect(at).toBeGreaterThan(0);
    const next = blocks.slice(at + 1, at + 3).map((b) => {
      expect(b.type).toBe("context");
      return String(((b.elements as Json[])[0] as Json).text);
    });
    expect(next[0]).toMatch(
      /^\*2026-09-30\* · End of support · <https:[^|]+\|AWS App Mesh discontinued>$/,
    );
    expect(next[1]).toMatch(/^\*2024-09-24\* · Deprecation · /);
  });

  it("in Japanese", async () => {
    const res = await h.slash("App Mesh はまだ使えますか？サービスメッシュ");
    expect(shown(res.json)).toContain("最近のプラットフォームの変更");
    expect(shown(res.json)).toContain("AWS App Mesh の提供終了");
  });
});

describe("reading 'changes' in a command", () => {
  it.each([
    ["changes", { kind: "changes" }],
    ["changelog", { kind: "changes" }],
    ["変更履歴", { kind: "changes" }],
    ["changes since 2025-01-01", { kind: "changes", since: "2025-01-01" }],
    ["changes since", { kind: "changes", since: "" }],
    ["changes 2025-01-01", { kind: "changes", since: "2025-01-01" }],
    ["変更履歴 2025-01-01以降", { kind: "changes", since: "2025-01-01" }],
    ["changes Service-Mesh", { kind: "changes", capability: "service-mesh" }],
  ])("%s", (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it("leaves a longer sentence to the question matcher", () => {
    expect(parseIntent("changes in fargate pricing?").kind).toBe("question");
  });
});

describe("the change log renderer", () => {
  it("keeps within a message's 50 blocks for a long log, saying how many are shown", () => {
    const items: ChangeItem[] = Array.from({ length: 80 }, (_, i) => ({
      id: `c-${i}`,
      date: `2025-01-${String((i % 28) + 1).padStart(2, "0")}`,
      kind: "launch",
      kindLabel: "Launch",
      title: `A <b>&</b> long title ${"x".repeat(4000)}`,
      upcoming: i === 0,
      source: { url: `https://aws.amazon.com/${i}`, title: "t", kind: "primary" },
    }));
    const message = renderChanges(items, "en", { command: "/ecs-vs-eks", since: "2025-01-01" });
    expect(messageProblems(message as unknown as Record<string, unknown>, "changes")).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(message)).toContain("Showing the newest 46 of 80");
    expect(JSON.stringify(message)).not.toContain("<b>");
  });
});
