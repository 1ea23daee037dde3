import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/i18n/lang.js";
import { MemoryStore, StoreUnavailableError, withChannelLangCache } from "../../src/store/index.js";

const TEAM = "T0CACHE01";

/** A MemoryStore that counts reads of channel languages and can be made to fail. */
class CountingStore extends MemoryStore {
  reads = 0;
  down = false;

  override async getChannelLang(teamId: string, channelId: string): Promise<Lang | null> {
    this.reads += 1;
    if (this.down) throw new StoreUnavailableError();
    return super.getChannelLang(teamId, channelId);
  }
}

function setup(ttlMs = 30_000) {
  const inner = new CountingStore();
  let now = 1_000_000;
  const cache = withChannelLangCache(inner, { ttlMs, now: () => now });
  return {
    inner,
    cache,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("withChannelLangCache", () => {
  it("answers a second read from memory, hits and misses alike", async () => {
    const { inner, cache } = setup();
    await inner.setChannelLang(TEAM, "C1", "ja");
    expect(await cache.getChannelLang(TEAM, "C1")).toBe("ja");
    expect(await cache.getChannelLang(TEAM, "C1")).toBe("ja");
    expect(await cache.getChannelLang(TEAM, "C2")).toBeNull();
    expect(await cache.getChannelLang(TEAM, "C2")).toBeNull();
    expect(inner.reads).toBe(2);
    // Channels are per team.
    expect(await cache.getChannelLang(`${TEAM}-other`, "C1")).toBeNull();
    expect(inner.reads).toBe(3);
  });

  it("shares one read between concurrent misses", async () => {
    const { inner, cache } = setup();
    const [a, b, c] = await Promise.all([
      cache.getChannelLang(TEAM, "C1"),
      cache.getChannelLang(TEAM, "C1"),
      cache.getChannelLang(TEAM, "C1"),
    ]);
    expect([a, b, c]).toEqual([null, null, null]);
    expect(inner.reads).toBe(1);
  });

  it("updates the cached entry when the language is set through it", async () => {
    const { inner, cache } = setup();
    expect(await cache.getChannelLang(TEAM, "C1")).toBeNull();
    await cache.setChannelLang(TEAM, "C1", "ja");
    expect(await cache.getChannelLang(TEAM, "C1")).toBe("ja");
    await cache.setChannelLang(TEAM, "C1", "en");
    expect(await cache.getChannelLang(TEAM, "C1")).toBe("en");
    expect(inner.reads).toBe(1);
    expect(await inner.getChannelLang(TEAM, "C1")).toBe("en");
  });

  it("asks the store again once an entry is older than the TTL (a change by another replica)", async () => {
    const { inner, cache, advance } = setup(30_000);
    expect(await cache.getChannelLang(TEAM, "C1")).toBeNull();
    // Another process sharing the database sets the language: not seen before the TTL…
    await inner.setChannelLang(TEAM, "C1", "ja");
    advance(29_999);
    expect(await cache.getChannelLang(TEAM, "C1")).toBeNull();
    expect(inner.reads).toBe(1);
    // …seen once it has passed.
    advance(2);
    expect(await cache.getChannelLang(TEAM, "C1")).toBe("ja");
    expect(inner.reads).toBe(2);
  });

  it("does not cache a failed read", async () => {
    const { inner, cache } = setup();
    inner.down = true;
    await expect(cache.getChannelLang(TEAM, "C1")).rejects.toBeInstanceOf(StoreUnavailableError);
    inner.down = false;
    await inner.setChannelLang(TEAM, "C1", "ja");
    expect(await cache.getChannelLang(TEAM, "C1")).toBe("ja");
    expect(inner.reads).toBe(2);
  });

  it("forgets a channel whose write failed", async () => {
    const { inner, cache } = setup();
    expect(await cache.getChannelLang(TEAM, "C1")).toBeNull();
    await inner.close();
    await expect(cache.setChannelLang(TEAM, "C1", "ja")).rejects.toThrow();
    expect(cache.size).toBe(0);
  });

  it("keeps at most maxEntries channels, dropping the oldest", async () => {
    const inner = new CountingStore();
    const cache = withChannelLangCache(inner, { maxEntries: 2 });
    await cache.getChannelLang(TEAM, "C1");
    await cache.getChannelLang(TEAM, "C2");
    await cache.getChannelLang(TEAM, "C3");
    expect(cache.size).toBe(2);
    await cache.getChannelLang(TEAM, "C3");
    expect(inner.reads).toBe(3);
    await cache.getChannelLang(TEAM, "C1");
    expect(inner.reads).toBe(4);
  });

  it("passes every other call through to the store", async () => {
    const { inner, cache } = setup();
    expect(await cache.claimEvent("Ev0CACHE1")).toBe(true);
    expect(await inner.claimEvent("Ev0CACHE1")).toBe(false);
    expect(await cache.ping()).toBe(await inner.ping());
  });
});
