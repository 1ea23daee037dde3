import { LRUCache } from "lru-cache";
import type { Lang } from "../core/i18n/lang.js";
import type {
  ActiveSessionQuery,
  DecisionCopy,
  DecisionQuery,
  DecisionReviewPatch,
  DecisionStatusPatch,
  DecisionUpdateResult,
  DueQuery,
  NewDecision,
  NewSession,
  SessionPatch,
  SessionUpdateResult,
  Store,
  StoredDecision,
  StoredSession,
} from "./types.js";

/** How long a channel's language is trusted before the store is asked again. */
export const DEFAULT_CHANNEL_LANG_TTL_MS = 30_000;

export interface ChannelLangCacheOptions {
  /** Entries (hits and misses alike) are kept this long. Default 30 s. */
  ttlMs?: number;
  /** At most this many channels are kept; the least recently used goes first. Default 10 000. */
  maxEntries?: number;
  /** Milliseconds on some monotonic-enough clock (tests inject one). Default Date.now. */
  now?: () => number;
}

/** Settled or in flight: concurrent misses for one channel share one query. */
type Entry = Promise<Lang | null>;

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
  readonly #entries: LRUCache<string, Entry>;

  constructor(store: Store, options: ChannelLangCacheOptions = {}) {
    this.#store = store;
    const now = options.now;
    this.#entries = new LRUCache<string, Entry>({
      max: Math.max(1, options.maxEntries ?? 10_000),
      ttl: options.ttlMs ?? DEFAULT_CHANNEL_LANG_TTL_MS,
      ...(now ? { perf: { now }, ttlResolution: 0 } : {}),
    });
  }

  /** The number of channels held (tests). */
  get size(): number {
    return this.#entries.size;
  }

  getChannelLang(teamId: string, channelId: string): Promise<Lang | null> {
    const key = `${teamId}\u0000${channelId}`;
    const cached = this.#entries.get(key);
    if (cached) return cached;
    const lang = this.#store.getChannelLang(teamId, channelId);
    this.#entries.set(key, lang);
    lang.catch(() => {
      // A failed read is not an answer: the next call asks the store again.
      if (this.#entries.peek(key) === lang) this.#entries.delete(key);
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
    this.#entries.set(key, Promise.resolve(lang));
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

  listActiveSessions(query: ActiveSessionQuery): Promise<StoredSession[]> {
    return this.#store.listActiveSessions(query);
  }

  updateSession(
    id: string,
    expectedVersion: number,
    patch: SessionPatch,
  ): Promise<SessionUpdateResult> {
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

  setDecisionStatus(
    id: string,
    expectedVersion: number,
    patch: DecisionStatusPatch,
  ): Promise<DecisionUpdateResult> {
    return this.#store.setDecisionStatus(id, expectedVersion, patch);
  }

  addDecisionCopy(id: string, copy: DecisionCopy): Promise<StoredDecision | null> {
    return this.#store.addDecisionCopy(id, copy);
  }

  listDueSessions(query: DueQuery): Promise<StoredSession[]> {
    return this.#store.listDueSessions(query);
  }

  listLiveDecisions(query?: { limit?: number }): Promise<StoredDecision[]> {
    return this.#store.listLiveDecisions(query);
  }

  listDueDecisions(query: DueQuery): Promise<StoredDecision[]> {
    return this.#store.listDueDecisions(query);
  }

  updateDecisionReview(id: string, patch: DecisionReviewPatch): Promise<StoredDecision | null> {
    return this.#store.updateDecisionReview(id, patch);
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
