import type { Lang } from "../core/i18n/lang.js";

/**
 * Durable state of the bot. One interface; implementations: memory (tests, until the durable store
 * lands), SQLite (default, a file under DATA_DIR) and PostgreSQL (DATABASE_URL, for replicas).
 *
 * Every method may reject with StoreUnavailableError when the database cannot be reached; callers
 * turn that into a friendly "try again in a moment" and keep serving what needs no database.
 */
export interface Store {
  /** Walkthrough sessions, one per Slack thread (or CLI run). */
  createSession(input: NewSession): Promise<StoredSession>;
  getSession(id: string): Promise<StoredSession | null>;
  /** The newest session of a thread that is not ended, if any. */
  findSessionByThread(
    teamId: string,
    channelId: string,
    threadTs: string,
  ): Promise<StoredSession | null>;
  /**
   * Optimistic update: applies only if the stored version equals expectedVersion, then bumps the
   * version by one. Returns the updated session, or { conflict: current } when someone else wrote first.
   */
  updateSession(
    id: string,
    expectedVersion: number,
    patch: SessionPatch,
  ): Promise<{ ok: true; session: StoredSession } | { ok: false; current: StoredSession | null }>;

  /** Decision summaries, kept for good. */
  saveDecision(input: NewDecision): Promise<StoredDecision>;
  getDecision(id: string): Promise<StoredDecision | null>;
  /** Newest first. channelId and participant narrow the list. */
  listDecisions(query: DecisionQuery): Promise<StoredDecision[]>;

  /**
   * Records that an event (Slack's event_id) is being handled. True the first time for that id,
   * false for every later call, across processes sharing the store. Entries expire after ttlSeconds.
   */
  claimEvent(eventId: string, ttlSeconds?: number): Promise<boolean>;

  getChannelLang(teamId: string, channelId: string): Promise<Lang | null>;
  setChannelLang(teamId: string, channelId: string, lang: Lang): Promise<void>;

  /** Cheap round trip to the database. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type SessionStatus = "active" | "finished" | "expired";

/** Where the bot's messages for a session live, so they can be updated in place. */
export interface SessionMessages {
  /** The root message of the walkthrough (the thread's parent, or the message the bot posted). */
  rootTs?: string;
  /** The message that shows the current question. */
  questionTs?: string;
  /** The summary message, once finished. */
  summaryTs?: string;
}

export interface NewSession {
  teamId: string;
  channelId: string;
  threadTs: string;
  title: string;
  startedBy: string;
  lang: Lang;
  /** The walkthrough state from src/core/walkthrough, stored as JSON and validated on read by core. */
  state: unknown;
  messages: SessionMessages;
}

export interface StoredSession extends NewSession {
  id: string;
  status: SessionStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SessionPatch {
  state?: unknown;
  messages?: SessionMessages;
  status?: SessionStatus;
  title?: string;
  lang?: Lang;
}

export interface NewDecision {
  teamId: string;
  channelId: string;
  threadTs: string;
  /** A link to the thread the decision was made in. */
  threadLink?: string;
  sessionId?: string;
  title: string;
  /** ecs | eks | either */
  recommendation: string;
  lang: Lang;
  /** The decision from src/core/decision, as JSON. */
  summary: unknown;
  /** The MADR decision record as Markdown. */
  recordMarkdown: string;
  participants: string[];
  matrixVersion: string;
}

export interface StoredDecision extends NewDecision {
  id: string;
  createdAt: Date;
}

export interface DecisionQuery {
  teamId: string;
  channelId?: string;
  participant?: string;
  limit?: number;
}

export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("the database is unavailable", { cause });
    this.name = "StoreUnavailableError";
  }
}

/**
 * A row read from the database does not have the expected shape (hand-edited, corrupted, or written
 * by an incompatible version). Raised instead of returning half-valid data; this is our fault, so
 * callers log it and answer with a generic apology.
 */
export class StoreDataError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "StoreDataError";
  }
}
