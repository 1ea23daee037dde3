import { beforeAll, describe, expect, it, vi } from "vitest";
import { MemoryStore, type NewSession, type StoredSession } from "../../src/store/index.js";
import { CHANNEL, NOW, shown, startHarness, USER, useHarness } from "../support/slack-harness.js";

/**
 * When Slack fails a call the user is told plainly, and a saved answer whose message could not be
 * redrawn is redrawn on the next click, never blamed on someone else.
 */

type Json = Record<string, unknown>;
const h = useHarness();

describe("a question message Slack failed to redraw", () => {
  let option: Json;
  let sessionId = "";
  let rootTs = "";

  beforeAll(async () => {
    await h.slash("decide Resilience");
    const posts = h.fake.posts();
    rootTs = String(posts[0]?.ts ?? h.fake.callsTo("chat.postMessage")[0]?.result?.ts);
    const question = posts.find((p) => shown(p).includes("decide_answer"));
    const actions = ((question?.blocks as Json[]) ?? []).filter((b) => b.type === "actions");
    option = ((actions[0]?.elements ?? []) as Json[])[0] as Json;
    if (!option?.value)
      expect.unreachable(`"decide Resilience" posted no answer button: ${shown(question)}`);
    sessionId = (JSON.parse(String(option.value)) as { s: string }).s;
    h.fake.reset();
  });

  it("saves the answer and tells the clicker that Slack is not answering", async () => {
    h.fake.fail("chat.update", "internal_error");
    await h.click(String(option.action_id), String(option.value), { threadTs: rootTs });
    expect((await h.store.getSession(sessionId))?.version).toBe(2);
    const told = h.fake.callsTo("chat.postEphemeral").at(-1)?.args;
    expect(told?.user).toBe(USER);
    expect(String(told?.text)).toMatch(/Slack isn't answering/);
  });

  it("redraws the open question on the next click of the old button, without blaming anyone", async () => {
    // Needs the answer saved (and its redraw failed) in "saves the answer and tells the clicker…" above.
    if ((await h.store.getSession(sessionId))?.version !== 2)
      expect.unreachable(
        "needs the answer saved in 'saves the answer and tells the clicker…' above",
      );
    h.fake.reset();
    await h.click(String(option.action_id), String(option.value), { threadTs: rootTs });
    const redraw = h.fake.callsTo("chat.update").at(-1)?.args;
    expect(redraw?.channel).toBe(CHANNEL);
    expect(shown(redraw)).toMatch(/Question 2 of/);
    // With the line saying who answered, as the failed redraw would have shown it.
    expect(shown(redraw)).toContain(`<@${USER}> answered`);
    // The same click again did what it asked already: nothing to tell, and nobody is blamed.
    expect(h.fake.callsTo("chat.postEphemeral")).toEqual([]);
    expect((await h.store.getSession(sessionId))?.version).toBe(2);
  });
});

describe("a rate limit on one channel", () => {
  it("fails that reply alone; another channel's reply goes out at once", async () => {
    h.fake.reset();
    h.fake.rateLimit("chat.postMessage", "C0LIMITED1", 30);
    await h.mention("does ECS have CronJobs?", { channel: "C0LIMITED1", user: USER });
    await h.mention("how do secrets work on ECS?", { channel: "C0FREE0001", user: USER });
    // The reply in the free channel did not wait out the other channel's 30 s Retry-After.
    await vi.waitUntil(() => h.fake.posts("C0FREE0001").length > 0, { timeout: 5_000 });
    expect(shown(h.fake.posts("C0FREE0001")[0])).toContain("Secrets");
    // The rate-limited one is not retried into the limit; the asker is told.
    await vi.waitUntil(() => h.fake.callsTo("chat.postEphemeral").length > 0, { timeout: 5_000 });
    expect(String(h.fake.callsTo("chat.postEphemeral")[0]?.args.text)).toMatch(/slow down/);
  });
});

describe("Slack failing a reply", () => {
  it("tells the asker, in plain words, that Slack is not answering", async () => {
    h.fake.reset();
    h.fake.fail("chat.postMessage", "internal_error");
    await h.mention("does ECS have CronJobs?", { channel: "C0FAILING1", user: USER });
    await vi.waitUntil(() => h.fake.callsTo("chat.postEphemeral").length > 0, { timeout: 5_000 });
    const told = h.fake.callsTo("chat.postEphemeral")[0]?.args;
    expect(told?.user).toBe(USER);
    expect(String(told?.text)).toMatch(/Slack isn't answering me right now/);
  });
});

describe("a click on the first question before its session is saved (a slow database)", () => {
  it("waits for the save and applies the click, instead of saying the walkthrough ended", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const misses: string[] = [];
    class SlowStore extends MemoryStore {
      override async createSession(input: NewSession): Promise<StoredSession> {
        await gate;
        return super.createSession(input);
      }
      override async getSession(id: string): Promise<StoredSession | null> {
        const found = await super.getSession(id);
        if (!found) misses.push(id);
        return found;
      }
    }
    const store = new SlowStore({ clock: () => NOW });
    const slow = await startHarness({}, { store });
    try {
      const started = slow.slash("decide Slow database");
      const question = await vi.waitUntil(
        () => slow.fake.posts().find((p) => shown(p).includes("decide_answer")),
        { timeout: 5_000 },
      );
      const rootTs = String(question.thread_ts);
      const actions = ((question.blocks as Json[]) ?? []).filter((b) => b.type === "actions");
      const option = ((actions[0]?.elements ?? []) as Json[])[0] as Json;
      const clicked = slow.click(String(option.action_id), String(option.value), {
        threadTs: rootTs,
      });
      // The click has looked for the session and not found it; now the save completes.
      await vi.waitUntil(() => misses.length > 0, { timeout: 5_000 });
      release();
      await Promise.all([started, clicked]);
      const sessionId = (JSON.parse(String(option.value)) as { s: string }).s;
      expect((await store.getSession(sessionId))?.version).toBe(2);
      expect(shown(slow.fake.callsTo("chat.update").at(-1)?.args)).toContain(`<@${USER}> answered`);
      expect(slow.fake.callsTo("chat.postEphemeral")).toEqual([]);
    } finally {
      release();
      await slow.stop();
    }
  });
});
