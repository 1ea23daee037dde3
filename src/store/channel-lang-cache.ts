import type { Lang } from "../core/i18n/lang.js";
import type {
  DecisionQuery,
  NewDecision,
  NewSession,
  SessionPatch,
  Store,
  StoredDecision,
  StoredSession,
} from "./types.js";

/** How long a channel's language is trusted before the store is asked again. */
export const DEFAULT_CHANNEL_LANG_TTL_MS = 30_000;

export interface ChannelLangCacheOptions {
  /** Entries (hits and misses alike) are kept this long. Default 30 s. */
  ttlMs?: number;
  /** At most this many channels are kept; the oldest entry goes first. Default 10 000. */
  maxEntries?: number;
  /** Milliseconds on some monotonic-enough clock (tests inject one). Default Date.now. */
  now?: () => number;
}

interface Entry {
  /** Settled or in flight: concurrent misses for one channel share one query. */
  lang: Promise<Lang | null>;
  expiresAt: number;
}

/**
 * A Store whose getChannelLang() is answered from memory for ttlMs after the first read: every
 * slash command and mention asks for the channel's language, and it almost never changes.
 *
 * Hits and misses are cached (most channels never set a language); a failed read is not. A
 * setChannelLang() through this store updates the cache at once. Another process sharing the
 * database (a replica on the same PostgreSQL) sees a change once its own entry expires, within ttlMs.
 * Every other method goes straight to the wrapped store.
 */
export class ChannelLangCache implements Store {
  readonly #store: Store;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();

  constructor(store: Store, options: ChannelLangCacheOptions = {}) {
    this.#store = store;
    this.#ttlMs = options.ttlMs ?? DEFAULT_CHANNEL_LANG_TTL_MS;
    this.#maxEntries = Math.max(1, options.maxEntries ?? 10_000);
    this.#now = options.now ?? Date.now;
  }

  /** The number of channels held (tests). */
  get size(): number {
    return this.#entries.size;
  }

  getChannelLang(teamId: string, channelId: string): Promise<Lang | null> {
    const key = `${teamId}\u0000${channelId}`;
    const now = this.#now();
    const cached = this.#entries.get(key);
    if (cached && cached.expiresAt > now) return cached.lang;
    const lang = this.#store.getChannelLang(teamId, channelId);
    const entry: Entry = { lang, expiresAt: now + this.#ttlMs };
    this.#put(key, entry);
    lang.catch(() => {
      // A failed read is not an answer: the next call asks the store again.
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return lang;
  }

  async setChannelLang(teamId: string, channelId: string, lang: Lang): Promise<void> {
    const key = `${teamId}\u0000${channelId}`;
    try {
      await this.#store.setChannelLang(teamId, channelId, lang);
    } catch (error) {
      // The write may or may not have landed: forget what we knew.
      this.#entries.delete(key);
      throw error;
    }
    this.#put(key, { lang: Promise.resolve(lang), expiresAt: this.#now() + this.#ttlMs });
  }

  #put(key: string, entry: Entry): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, entry);
  }

  createSession(input: NewSession): Promise<StoredSession> {
    return this.#store.createSession(input);
  }

  getSession(id: string): Promise<StoredSession | null> {
    return this.#store.getSession(id);
  }

  findSessionByThread(
    teamId: string,
    channelId: string,
    threadTs: string,
  ): Promise<StoredSession | null> {
    return this.#store.findSessionByThread(teamId, channelId, threadTs);
  }

  updateSession(
    id: string,
    expectedVersion: number,
    patch: SessionPatch,
  ): Promise<{ ok: true; session: StoredSession } | { ok: false; current: StoredSession | null }> {
    return this.#store.updateSession(id, expectedVersion, patch);
  }

  saveDecision(input: NewDecision): Promise<StoredDecision> {
    return this.#store.saveDecision(input);
  }

  getDecision(id: string): Promise<StoredDecision | null> {
    return this.#store.getDecision(id);
  }

  listDecisions(query: DecisionQuery): Promise<StoredDecision[]> {
    return this.#store.listDecisions(query);
  }

  claimEvent(eventId: string, ttlSeconds?: number): Promise<boolean> {
    return this.#store.claimEvent(eventId, ttlSeconds);
  }

  ping(): Promise<boolean> {
    return this.#store.ping();
  }

  close(): Promise<void> {
    this.#entries.clear();
    return this.#store.close();
  }
}

/** Puts a channel-language cache in front of a store (see ChannelLangCache). */
export function withChannelLangCache(
  store: Store,
  options: ChannelLangCacheOptions = {},
): ChannelLangCache {
  return new ChannelLangCache(store, options);
}
