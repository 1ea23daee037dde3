import type { Visibility } from "../core/access.js";
import type { DecisionStatus } from "../core/decision/status.js";
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
   * Active sessions someone started, newest first: what App Home lists as their walkthroughs in
   * progress. Idle sessions count as expired and are left out, as getSession would report them.
   */
  listActiveSessions(query: ActiveSessionQuery): Promise<StoredSession[]>;
  /**
   * Optimistic update: applies only if the stored version equals expectedVersion, then bumps the
   * version by one. Returns the updated session, or { conflict: current } when someone else wrote first.
   */
  updateSession(
    id: string,
    expectedVersion: number,
    patch: SessionPatch,
  ): Promise<SessionUpdateResult>;

  /**
   * Active sessions whose plan's due date is at or before `now`, oldest due first: what the due-date
   * reminder sweep looks at. Idle sessions are left out, as listActiveSessions does.
   */
  listDueSessions(query: DueQuery): Promise<StoredSession[]>;

  /** Decision summaries, kept for good. */
  saveDecision(input: NewDecision): Promise<StoredDecision>;
  getDecision(id: string): Promise<StoredDecision | null>;
  /** Newest first. channelId and participant narrow the list. */
  listDecisions(query: DecisionQuery): Promise<StoredDecision[]>;
  /**
   * Optimistic update of a decision's status (and its record, whose front matter follows it):
   * applies only if the stored version equals expectedVersion, then bumps the version by one.
   * Optimistic, not a plain update, because whether a status change is allowed depends on the
   * status it starts from (src/core/decision/status.ts): two people clicking Accept and Reject at
   * once must not both pass the rule against the same old status.
   */
  setDecisionStatus(
    id: string,
    expectedVersion: number,
    patch: DecisionStatusPatch,
  ): Promise<DecisionUpdateResult>;
  /**
   * Remembers a message that shows the decision's card, so a status change can update it. Adding
   * the same copy twice keeps one; concurrent adds all land. Returns the decision as stored now,
   * or null when there is no such decision.
   */
  addDecisionCopy(id: string, copy: DecisionCopy): Promise<StoredDecision | null>;
  /**
   * Decisions still in force (proposed or accepted), of every team, newest first: what the fact
   * check compares with the matrix loaded now. Default limit 1000.
   */
  listLiveDecisions(query?: { limit?: number }): Promise<StoredDecision[]>;
  /** Live decisions whose revisit date is at or before `now`, oldest due first. */
  listDueDecisions(query: DueQuery): Promise<StoredDecision[]>;
  /**
   * Sets a decision's review fields (its revisit date, what changed in the facts it relied on).
   * A plain update of those fields alone: it neither needs nor bumps the status version. null clears
   * a field. Returns the decision as stored now, or null when there is no such decision.
   */
  updateDecisionReview(id: string, patch: DecisionReviewPatch): Promise<StoredDecision | null>;

  /**
   * Records that an event (Slack's event_id) is being handled. True the first time for that id,
   * false for every later call, across processes sharing the store. Entries expire after ttlSeconds.
   */
  claimEvent(eventId: string, ttlSeconds?: number): Promise<boolean>;

  getChannelLang(teamId: string, channelId: string): Promise<Lang | null>;
  setChannelLang(teamId: string, channelId: string, lang: Lang): Promise<void>;

  /** True when the store can write: a one-row write (a read-only disk still answers reads). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** An optimistic session update: the session as updated, or what is stored now (null: none). */
export type SessionUpdateResult =
  | { ok: true; session: StoredSession }
  | { ok: false; current: StoredSession | null };

/** An optimistic decision status change: the decision as updated, or what is stored now. */
export type DecisionUpdateResult =
  | { ok: true; decision: StoredDecision }
  | { ok: false; current: StoredDecision | null };

export type SessionStatus = "active" | "finished" | "expired";

/** Where the bot's messages for a session live, so they can be updated in place. */
export interface SessionMessages {
  /**
   * The walkthrough's own first message: the thread's root the bot posted, or its intro in a thread
   * someone else started (sessions saved before this held the thread's ts). It becomes the result
   * card when the walkthrough finishes.
   */
  rootTs?: string;
  /** The message that shows the current question. */
  questionTs?: string;
  /** The result card broadcast from the thread, once finished. */
  summaryTs?: string;
}

/** What the person who started a walkthrough planned for it (the start modal). */
export interface SessionPlan {
  /** Who owns the decision (a Slack user id); absent → whoever started it. */
  owner?: string;
  /** People asked to answer (Slack user ids). */
  invitees?: string[];
  /** When the answers are due: one reminder goes to the thread when it passes. */
  dueAt?: Date;
}

export interface NewSession {
  /**
   * The session's id, when the caller needs it before the session is saved (a UUID from
   * crypto.randomUUID()); generated by the store when absent.
   */
  id?: string;
  teamId: string;
  channelId: string;
  threadTs: string;
  title: string;
  startedBy: string;
  lang: Lang;
  /** The walkthrough state from src/core/walkthrough, stored as JSON and validated on read by core. */
  state: unknown;
  messages: SessionMessages;
  plan?: SessionPlan;
}

export interface StoredSession extends Omit<NewSession, "id" | "plan"> {
  id: string;
  /** {} when nothing was planned. */
  plan: SessionPlan;
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
  plan?: SessionPlan;
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
  /**
   * Whether the decision's channel is public or private (DMs count as private). A private one is
   * listed and shared only in its own channel (src/core/access.ts). Default: private.
   */
  visibility?: Visibility;
  /**
   * What the decision relied on (capability ids with a fingerprint of each fact, from
   * src/core/decision), as JSON; validated by core when read.
   */
  relied?: unknown;
  /** When the team should look at the decision again (a reminder goes to its thread). */
  revisitAt?: Date;
}

export interface DecisionReviewPatch {
  revisitAt?: Date | null;
  /** What changed in the facts it relied on (JSON from core), once the fact check noticed. */
  factsChanged?: unknown;
}

export type { DecisionStatus } from "../core/decision/status.js";

/** A message that shows a decision's card: the thread's root, the broadcast, a Post to… copy. */
export interface DecisionCopy {
  channel: string;
  ts: string;
  /**
   * A copy in the decision's own thread (its root, the broadcast): it carries the buttons and
   * mentions. Copies elsewhere (DECISIONS_CHANNEL, Post to…) have neither. Stored so an update
   * need not guess from the channel: a Post to… the decision's own channel is still a copy.
   */
  thread?: boolean;
}

export interface DecisionStatusPatch {
  status: DecisionStatus;
  /** Who changed it (a Slack user id); absent for a change nobody clicked (a revisit). */
  statusBy?: string;
  statusAt: Date;
  /** The record regenerated for the new status. */
  recordMarkdown?: string;
}

export interface StoredDecision extends NewDecision {
  id: string;
  visibility: Visibility;
  createdAt: Date;
  /** proposed until someone accepts or rejects it; superseded once a revisit finishes. */
  status: DecisionStatus;
  statusBy?: string;
  statusAt?: Date;
  /** Bumped by every status change (optimistic concurrency). Starts at 1. */
  version: number;
  /** Messages showing its card, oldest first. */
  copies: DecisionCopy[];
  /** Set by the fact check when a fact it relied on changed (JSON from core). */
  factsChanged?: unknown;
}

export interface DueQuery {
  now: Date;
  /** Default 100. */
  limit?: number;
}

export interface ActiveSessionQuery {
  teamId: string;
  startedBy: string;
  /** Default 10. */
  limit?: number;
}

export interface DecisionQuery {
  teamId: string;
  channelId?: string;
  participant?: string;
  /** Only what someone in this channel may see: public decisions, and this channel's own. */
  visibleFrom?: string;
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
