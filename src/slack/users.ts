import type { Logger } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { LRUCache } from "lru-cache";
import type { Lang } from "../core/i18n/lang.js";
import { describeError } from "./errors.js";

/** What the bot knows of a person: a name to print (never a mention) and their Slack locale. */
export interface SlackUser {
  id: string;
  name: string;
  /** Slack's locale, e.g. "ja-JP"; absent when users.info did not say or failed. */
  locale?: string;
}

export interface UserDirectoryOptions {
  /** How long a looked-up person is trusted. Default 1 hour: names and locales rarely change. */
  ttlMs?: number;
  /** At most this many people are kept; the least recently used goes first. Default 5 000. */
  maxEntries?: number;
}

/**
 * Resolves user ids to names and locales through users.info (scope users:read), cached. Only
 * answers are cached: a failed lookup falls back to the id, logged at warn, and is asked again next
 * time, so a Slack hiccup never puts ids in records for an hour, and never breaks the caller.
 */
export class UserDirectory {
  readonly #cache: LRUCache<string, SlackUser>;

  constructor(options: UserDirectoryOptions = {}) {
    this.#cache = new LRUCache<string, SlackUser>({
      max: Math.max(1, options.maxEntries ?? 5_000),
      ttl: options.ttlMs ?? 60 * 60 * 1000,
    });
  }

  async lookup(client: WebClient, logger: Logger, id: string): Promise<SlackUser> {
    const cached = this.#cache.get(id);
    if (cached) return cached;
    try {
      const res = await client.users.info({ user: id, include_locale: true });
      const u = res.user;
      const name =
        nonEmpty(u?.profile?.display_name) ?? nonEmpty(u?.real_name) ?? nonEmpty(u?.name) ?? id;
      const user: SlackUser = { id, name, ...(u?.locale ? { locale: u.locale } : {}) };
      this.#cache.set(id, user);
      return user;
    } catch (err) {
      logger.warn(`users.info for ${id} failed, showing the id: ${describeError(err)}`);
      return { id, name: id };
    }
  }

  /** Names of several people, in order (lookups run concurrently). */
  names(client: WebClient, logger: Logger, ids: string[]): Promise<string[]> {
    return Promise.all(ids.map(async (id) => (await this.lookup(client, logger, id)).name));
  }
}

function nonEmpty(s: string | undefined): string | undefined {
  const trimmed = s?.trim();
  return trimmed ? trimmed : undefined;
}

/** The bot's language for a Slack locale: Japanese for ja-*, else the fallback's English. */
export function langOfLocale(locale: string | undefined, fallback: Lang): Lang {
  if (!locale) return fallback;
  return /^ja\b/i.test(locale) ? "ja" : "en";
}
