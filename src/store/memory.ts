import { randomUUID } from "node:crypto";
import type { Lang } from "../core/i18n/lang.js";
import {
  type Clock,
  DEFAULT_ACTIVE_SESSION_LIMIT,
  DEFAULT_DECISION_LIMIT,
  DEFAULT_DUE_LIMIT,
  DEFAULT_EVENT_TTL_SECONDS,
  DEFAULT_LIVE_DECISION_LIMIT,
  DEFAULT_SESSION_IDLE_DAYS,
  decisionCopySchema,
  decisionReviewPatchSchema,
  decisionStatusPatchSchema,
  dueQuerySchema,
  eventIdSchema,
  hasCopy,
  isIdle,
  LIVE_DECISION_STATUSES,
  parseDecisionQuery,
  parseNewDecision,
  parseNewSession,
  parseSessionPatch,
  systemClock,
  ttlSecondsSchema,
} from "./common.js";
import { stripUndefined } from "./rows.js";
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
  SessionPlan,
  SessionUpdateResult,
  Store,
  StoredDecision,
  StoredSession,
} from "./types.js";

export interface MemoryStoreOptions {
  /** Sessions untouched for longer than this are reported as "expired". Default 30. */
  sessionIdleDays?: number;
  /** Injectable clock for tests. */
  clock?: Clock;
}

/**
 * A Store that lives in process memory: for tests and local experiments. Same semantics as the
 * durable stores (optimistic versions, idle expiry, event claims with ttl); every value handed in or
 * out is a deep copy, so callers cannot mutate what is stored.
 */
export class MemoryStore implements Store {
  readonly #sessions = new Map<string, StoredSession>();
  readonly #decisions = new Map<string, StoredDecision>();
  readonly #events = new Map<string, number>();
  readonly #channelLangs = new Map<string, Lang>();
  readonly #idleDays: number;
  readonly #clock: Clock;
  #closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.#idleDays = options.sessionIdleDays ?? DEFAULT_SESSION_IDLE_DAYS;
    this.#clock = options.clock ?? systemClock;
  }

  async createSession(input: NewSession): Promise<StoredSession> {
    this.#assertOpen();
    const valid = parseNewSession(input);
    if (valid.id !== undefined && this.#sessions.has(valid.id)) {
      throw new Error(`a session with id ${valid.id} already exists`);
    }
    const now = this.#clock();
    const { plan, ...rest } = structuredClone(valid);
    const session: StoredSession = {
      ...rest,
      plan: planCopy(plan),
      state: jsonCopy(valid.state),
      id: valid.id ?? randomUUID(),
      status: "active",
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    this.#sessions.set(session.id, session);
    return structuredClone(session);
  }

  async getSession(id: string): Promise<StoredSession | null> {
    this.#assertOpen();
    const session = this.#current(id);
    return session ? structuredClone(session) : null;
  }

  async findSessionByThread(
    teamId: string,
    channelId: string,
    threadTs: string,
  ): Promise<StoredSession | null> {
    this.#assertOpen();
    let newest: StoredSession | undefined;
    for (const s of this.#sessions.values()) {
      if (s.teamId !== teamId || s.channelId !== channelId || s.threadTs !== threadTs) continue;
      if (s.status === "finished") continue;
      if (!newest || compareNewestFirst(s, newest) < 0) newest = s;
    }
    if (!newest) return null;
    const session = this.#current(newest.id);
    return session ? structuredClone(session) : null;
  }

  async listActiveSessions(query: ActiveSessionQuery): Promise<StoredSession[]> {
    this.#assertOpen();
    const found: StoredSession[] = [];
    for (const s of [...this.#sessions.values()]) {
      if (s.teamId !== query.teamId || s.startedBy !== query.startedBy) continue;
      const current = this.#current(s.id);
      if (current?.status === "active") found.push(current);
    }
    return found
      .sort(compareNewestFirst)
      .slice(0, query.limit ?? DEFAULT_ACTIVE_SESSION_LIMIT)
      .map((session) => structuredClone(session));
  }

  async updateSession(
    id: string,
    expectedVersion: number,
    patch: SessionPatch,
  ): Promise<SessionUpdateResult> {
    this.#assertOpen();
    const valid = parseSessionPatch(patch);
    const current = this.#current(id);
    if (!current) return { ok: false, current: null };
    // An idle session cannot be revived by a stale write: #current has just marked it expired
    // (bumping the version), so the caller's expectedVersion no longer matches.
    if (current.version !== expectedVersion)
      return { ok: false, current: structuredClone(current) };
    const next: StoredSession = {
      ...current,
      ...(valid.state !== undefined ? { state: jsonCopy(valid.state) } : {}),
      ...(valid.messages !== undefined ? { messages: structuredClone(valid.messages) } : {}),
      ...(valid.status !== undefined ? { status: valid.status } : {}),
      ...(valid.title !== undefined ? { title: valid.title } : {}),
      ...(valid.lang !== undefined ? { lang: valid.lang } : {}),
      ...(valid.plan !== undefined ? { plan: planCopy(valid.plan) } : {}),
      version: current.version + 1,
      updatedAt: this.#clock(),
    };
    this.#sessions.set(id, next);
    return { ok: true, session: structuredClone(next) };
  }

  async saveDecision(input: NewDecision): Promise<StoredDecision> {
    this.#assertOpen();
    const valid = parseNewDecision(input);
    const { relied, revisitAt, ...rest } = structuredClone(valid);
    const decision: StoredDecision = {
      ...rest,
      ...(relied !== undefined ? { relied: jsonCopy(relied) } : {}),
      ...(revisitAt ? { revisitAt } : {}),
      summary: jsonCopy(valid.summary),
      id: randomUUID(),
      createdAt: this.#clock(),
      status: "proposed",
      version: 1,
      copies: [],
    };
    this.#decisions.set(decision.id, decision);
    return structuredClone(decision);
  }

  async getDecision(id: string): Promise<StoredDecision | null> {
    this.#assertOpen();
    const decision = this.#decisions.get(id);
    return decision ? structuredClone(decision) : null;
  }

  async listDecisions(query: DecisionQuery): Promise<StoredDecision[]> {
    this.#assertOpen();
    const q = parseDecisionQuery(query);
    return [...this.#decisions.values()]
      .filter(
        (d) =>
          d.teamId === q.teamId &&
          (q.channelId === undefined || d.channelId === q.channelId) &&
          (q.participant === undefined || d.participants.includes(q.participant)) &&
          (q.visibleFrom === undefined ||
            d.visibility === "public" ||
            d.channelId === q.visibleFrom),
      )
      .sort(compareNewestFirst)
      .slice(0, q.limit ?? DEFAULT_DECISION_LIMIT)
      .map((d) => structuredClone(d));
  }

  async setDecisionStatus(
    id: string,
    expectedVersion: number,
    patch: DecisionStatusPatch,
  ): Promise<DecisionUpdateResult> {
    this.#assertOpen();
    const valid = decisionStatusPatchSchema.parse(patch);
    const current = this.#decisions.get(id);
    if (!current || current.version !== expectedVersion) {
      return { ok: false, current: current ? structuredClone(current) : null };
    }
    const { statusBy: _by, ...rest } = current;
    const next: StoredDecision = {
      ...rest,
      status: valid.status,
      ...(valid.statusBy !== undefined ? { statusBy: valid.statusBy } : {}),
      statusAt: new Date(valid.statusAt),
      ...(valid.recordMarkdown !== undefined ? { recordMarkdown: valid.recordMarkdown } : {}),
      version: current.version + 1,
    };
    this.#decisions.set(id, next);
    return { ok: true, decision: structuredClone(next) };
  }

  async addDecisionCopy(id: string, copy: DecisionCopy): Promise<StoredDecision | null> {
    this.#assertOpen();
    const valid = decisionCopySchema.parse(copy);
    const current = this.#decisions.get(id);
    if (!current) return null;
    if (!hasCopy(current.copies, valid)) current.copies.push({ ...valid });
    return structuredClone(current);
  }

  async listDueSessions(query: DueQuery): Promise<StoredSession[]> {
    this.#assertOpen();
    const q = dueQuerySchema.parse(query);
    const due: StoredSession[] = [];
    for (const s of [...this.#sessions.values()]) {
      const current = this.#current(s.id);
      const at = current?.plan.dueAt;
      if (current?.status === "active" && at && at <= q.now) due.push(current);
    }
    return due
      .sort((a, b) => dueOrder(a.plan.dueAt, a.id, b.plan.dueAt, b.id))
      .slice(0, q.limit ?? DEFAULT_DUE_LIMIT)
      .map((s) => structuredClone(s));
  }

  async listLiveDecisions(query: { limit?: number } = {}): Promise<StoredDecision[]> {
    this.#assertOpen();
    return [...this.#decisions.values()]
      .filter((d) => isLive(d))
      .sort(compareNewestFirst)
      .slice(0, query.limit ?? DEFAULT_LIVE_DECISION_LIMIT)
      .map((d) => structuredClone(d));
  }

  async listDueDecisions(query: DueQuery): Promise<StoredDecision[]> {
    this.#assertOpen();
    const q = dueQuerySchema.parse(query);
    return [...this.#decisions.values()]
      .filter((d) => isLive(d) && d.revisitAt !== undefined && d.revisitAt <= q.now)
      .sort((a, b) => dueOrder(a.revisitAt, a.id, b.revisitAt, b.id))
      .slice(0, q.limit ?? DEFAULT_DUE_LIMIT)
      .map((d) => structuredClone(d));
  }

  async updateDecisionReview(
    id: string,
    patch: DecisionReviewPatch,
  ): Promise<StoredDecision | null> {
    this.#assertOpen();
    const valid = decisionReviewPatchSchema.parse(patch);
    const current = this.#decisions.get(id);
    if (!current) return null;
    if (valid.revisitAt !== undefined) {
      if (valid.revisitAt) current.revisitAt = new Date(valid.revisitAt);
      else delete current.revisitAt;
    }
    if ("factsChanged" in valid) {
      if (valid.factsChanged == null) delete current.factsChanged;
      else current.factsChanged = jsonCopy(valid.factsChanged);
    }
    return structuredClone(current);
  }

  async claimEvent(eventId: string, ttlSeconds = DEFAULT_EVENT_TTL_SECONDS): Promise<boolean> {
    this.#assertOpen();
    eventIdSchema.parse(eventId);
    ttlSecondsSchema.parse(ttlSeconds);
    const now = this.#clock().getTime();
    const expiresAt = this.#events.get(eventId);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.#events.set(eventId, now + ttlSeconds * 1000);
    if (this.#events.size > 1000) {
      for (const [key, expiry] of this.#events) if (expiry <= now) this.#events.delete(key);
    }
    return true;
  }

  async getChannelLang(teamId: string, channelId: string): Promise<Lang | null> {
    this.#assertOpen();
    return this.#channelLangs.get(channelKey(teamId, channelId)) ?? null;
  }

  async setChannelLang(teamId: string, channelId: string, lang: Lang): Promise<void> {
    this.#assertOpen();
    this.#channelLangs.set(channelKey(teamId, channelId), lang);
  }

  async ping(): Promise<boolean> {
    return !this.#closed;
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  /** The stored session, marked expired first if it has been idle too long. */
  #current(id: string): StoredSession | undefined {
    const session = this.#sessions.get(id);
    if (!session) return undefined;
    if (!isIdle(session, this.#clock(), this.#idleDays)) return session;
    const expired: StoredSession = { ...session, status: "expired", version: session.version + 1 };
    this.#sessions.set(id, expired);
    return expired;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error("the store is closed");
  }
}

/** A plan as stored: no undefined keys, its own copy of the date. */
function planCopy(plan: SessionPlan | undefined): SessionPlan {
  const p = plan ?? {};
  return stripUndefined({
    owner: p.owner,
    invitees: p.invitees && [...p.invitees],
    dueAt: p.dueAt && new Date(p.dueAt),
  });
}

function isLive(d: StoredDecision): boolean {
  return (LIVE_DECISION_STATUSES as readonly string[]).includes(d.status);
}

/** Oldest due first; ties broken by id, as the SQL stores order. */
function dueOrder(a: Date | undefined, aId: string, b: Date | undefined, bId: string): number {
  const byTime = (a?.getTime() ?? 0) - (b?.getTime() ?? 0);
  if (byTime !== 0) return byTime;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

/** What a JSON column would give back (the durable stores keep state and summary as JSON text). */
function jsonCopy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

function channelKey(teamId: string, channelId: string): string {
  return `${teamId}\u0000${channelId}`;
}

/** Newest first; ties broken by id so every implementation orders the same way. */
function compareNewestFirst(
  a: { createdAt: Date; id: string },
  b: { createdAt: Date; id: string },
): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
