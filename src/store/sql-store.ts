import { randomUUID } from "node:crypto";
import type { Kysely, Selectable, SelectQueryBuilder } from "kysely";
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
  idleCutoff,
  isIdle,
  LIVE_DECISION_STATUSES,
  parseDecisionQuery,
  parseNewDecision,
  parseNewSession,
  parseSessionPatch,
  systemClock,
  ttlSecondsSchema,
} from "./common.js";
import { type DialectKind, isUnavailable, participantFilter } from "./dialect.js";
import { migrate } from "./migrations.js";
import { planColumns, toDecision, toJsonText, toLang, toSession } from "./rows.js";
import type { Database, SessionsTable } from "./schema.js";
import {
  type ActiveSessionQuery,
  type DecisionCopy,
  type DecisionQuery,
  type DecisionReviewPatch,
  type DecisionStatusPatch,
  type DecisionUpdateResult,
  type DueQuery,
  type NewDecision,
  type NewSession,
  type SessionPatch,
  type SessionUpdateResult,
  type Store,
  type StoredDecision,
  type StoredSession,
  StoreUnavailableError,
} from "./types.js";

export interface SqlStoreOptions {
  sessionIdleDays?: number;
  clock?: Clock;
  /** Expired handled_events rows are pruned on every n-th claim (default 100). */
  pruneEvery?: number;
}

/** A select of one row by id from a table with an id column. */
type ById<T extends "sessions" | "decisions"> = SelectQueryBuilder<
  Database,
  T,
  Selectable<Database[T]>
>;

/**
 * The durable Store: one set of Kysely queries for SQLite and PostgreSQL. Dialect differences are
 * confined to dialect.ts and migrate(). Every method maps connection-level failures to
 * StoreUnavailableError and validates every row it reads (StoreDataError when a row is corrupt).
 */
export class SqlStore implements Store {
  readonly #db: Kysely<Database>;
  readonly #dialect: DialectKind;
  readonly #idleDays: number;
  readonly #clock: Clock;
  readonly #pruneEvery: number;
  #claims = 0;
  #migrated: Promise<void> | undefined;
  #closed = false;

  constructor(db: Kysely<Database>, dialect: DialectKind, options: SqlStoreOptions = {}) {
    this.#db = db;
    this.#dialect = dialect;
    this.#idleDays = options.sessionIdleDays ?? DEFAULT_SESSION_IDLE_DAYS;
    this.#clock = options.clock ?? systemClock;
    this.#pruneEvery = options.pruneEvery ?? 100;
  }

  get dialect(): DialectKind {
    return this.#dialect;
  }

  /**
   * Applies pending migrations (once per store; retried on the next call if the database was
   * unreachable). Every other method waits for it, so a store opened while the database was down
   * starts working as soon as it is back.
   */
  migrate(): Promise<void> {
    this.#migrated ??= this.#guard(async () => {
      await migrate(this.#db, this.#dialect);
    }).catch((error: unknown) => {
      this.#migrated = undefined;
      throw error;
    });
    return this.#migrated;
  }

  createSession(input: NewSession): Promise<StoredSession> {
    return this.#run(async (db) => {
      const valid = parseNewSession(input);
      const now = this.#clock().toISOString();
      const row: SessionsTable = {
        id: valid.id ?? randomUUID(),
        team_id: valid.teamId,
        channel_id: valid.channelId,
        thread_ts: valid.threadTs,
        title: valid.title,
        started_by: valid.startedBy,
        lang: valid.lang,
        state: toJsonText(valid.state),
        messages: toJsonText(valid.messages),
        ...planColumns(valid.plan),
        status: "active",
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await db.insertInto("sessions").values(row).execute();
      return toSession(row);
    });
  }

  getSession(id: string): Promise<StoredSession | null> {
    return this.#run(async (db) => {
      const row = await this.#byId(db, "sessions", id).executeTakeFirst();
      return row ? this.#expireIfIdle(db, toSession(row)) : null;
    });
  }

  findSessionByThread(
    teamId: string,
    channelId: string,
    threadTs: string,
  ): Promise<StoredSession | null> {
    return this.#run(async (db) => {
      const row = await db
        .selectFrom("sessions")
        .selectAll()
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("thread_ts", "=", threadTs)
        .where("status", "!=", "finished")
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      return row ? this.#expireIfIdle(db, toSession(row)) : null;
    });
  }

  listActiveSessions(query: ActiveSessionQuery): Promise<StoredSession[]> {
    return this.#run(async (db) => {
      const cutoff = idleCutoff(this.#clock(), this.#idleDays).toISOString();
      const rows = await db
        .selectFrom("sessions")
        .selectAll()
        .where("team_id", "=", query.teamId)
        .where("started_by", "=", query.startedBy)
        .where("status", "=", "active")
        // Idle ones count as expired (see #expireIfIdle): left out, not listed as active.
        .where("updated_at", ">=", cutoff)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(query.limit ?? DEFAULT_ACTIVE_SESSION_LIMIT)
        .execute();
      return rows.map(toSession);
    });
  }

  updateSession(
    id: string,
    expectedVersion: number,
    patch: SessionPatch,
  ): Promise<SessionUpdateResult> {
    return this.#run(async (db): Promise<SessionUpdateResult> => {
      const valid = parseSessionPatch(patch);
      const now = this.#clock();
      const cutoff = idleCutoff(now, this.#idleDays).toISOString();
      const row = await db
        .updateTable("sessions")
        .set((eb) => ({
          ...(valid.state !== undefined ? { state: toJsonText(valid.state) } : {}),
          ...(valid.messages !== undefined ? { messages: toJsonText(valid.messages) } : {}),
          ...(valid.status !== undefined ? { status: valid.status } : {}),
          ...(valid.title !== undefined ? { title: valid.title } : {}),
          ...(valid.lang !== undefined ? { lang: valid.lang } : {}),
          ...(valid.plan !== undefined ? planColumns(valid.plan) : {}),
          version: eb("version", "+", 1),
          updated_at: now.toISOString(),
        }))
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        // An idle session is not revived by a late write: it counts as expired (see #expireIfIdle).
        .where((eb) => eb.not(eb.and([eb("status", "=", "active"), eb("updated_at", "<", cutoff)])))
        .returningAll()
        .executeTakeFirst();
      if (row) return { ok: true, session: toSession(row) };
      const current = await this.#byId(db, "sessions", id).executeTakeFirst();
      return {
        ok: false,
        current: current ? await this.#expireIfIdle(db, toSession(current)) : null,
      };
    });
  }

  listDueSessions(query: DueQuery): Promise<StoredSession[]> {
    return this.#run(async (db) => {
      const q = dueQuerySchema.parse(query);
      const cutoff = idleCutoff(this.#clock(), this.#idleDays).toISOString();
      const rows = await db
        .selectFrom("sessions")
        .selectAll()
        .where("status", "=", "active")
        .where("due_at", "is not", null)
        .where("due_at", "<=", q.now.toISOString())
        .where("updated_at", ">=", cutoff)
        .orderBy("due_at", "asc")
        .orderBy("id", "asc")
        .limit(q.limit ?? DEFAULT_DUE_LIMIT)
        .execute();
      return rows.map(toSession);
    });
  }

  saveDecision(input: NewDecision): Promise<StoredDecision> {
    return this.#run(async (db) => {
      const valid = parseNewDecision(input);
      const row = {
        id: randomUUID(),
        team_id: valid.teamId,
        channel_id: valid.channelId,
        thread_ts: valid.threadTs,
        thread_link: valid.threadLink ?? null,
        session_id: valid.sessionId ?? null,
        title: valid.title,
        recommendation: valid.recommendation,
        lang: valid.lang,
        summary: toJsonText(valid.summary),
        record_markdown: valid.recordMarkdown,
        participants: toJsonText(valid.participants),
        matrix_version: valid.matrixVersion,
        visibility: valid.visibility,
        created_at: this.#clock().toISOString(),
        status: "proposed",
        status_by: null,
        status_at: null,
        version: 1,
        copies: "[]",
        relied: valid.relied !== undefined ? toJsonText(valid.relied) : null,
        revisit_at: valid.revisitAt ? valid.revisitAt.toISOString() : null,
        facts_changed: null,
      };
      await db.insertInto("decisions").values(row).execute();
      return toDecision(row);
    });
  }

  getDecision(id: string): Promise<StoredDecision | null> {
    return this.#run(async (db) => {
      const row = await this.#byId(db, "decisions", id).executeTakeFirst();
      return row ? toDecision(row) : null;
    });
  }

  listDecisions(query: DecisionQuery): Promise<StoredDecision[]> {
    return this.#run(async (db) => {
      const q = parseDecisionQuery(query);
      let select = db.selectFrom("decisions").selectAll().where("team_id", "=", q.teamId);
      if (q.channelId !== undefined) select = select.where("channel_id", "=", q.channelId);
      const from = q.visibleFrom;
      if (from !== undefined) {
        select = select.where((eb) =>
          eb.or([eb("visibility", "=", "public"), eb("channel_id", "=", from)]),
        );
      }
      const participant = q.participant;
      if (participant !== undefined) {
        select = select.where((eb) =>
          participantFilter(this.#dialect, eb.ref("decisions.participants"), participant),
        );
      }
      const rows = await select
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(q.limit ?? DEFAULT_DECISION_LIMIT)
        .execute();
      return rows.map(toDecision);
    });
  }

  setDecisionStatus(
    id: string,
    expectedVersion: number,
    patch: DecisionStatusPatch,
  ): Promise<DecisionUpdateResult> {
    return this.#run(async (db): Promise<DecisionUpdateResult> => {
      const valid = decisionStatusPatchSchema.parse(patch);
      const row = await db
        .updateTable("decisions")
        .set((eb) => ({
          status: valid.status,
          status_by: valid.statusBy ?? null,
          status_at: valid.statusAt.toISOString(),
          ...(valid.recordMarkdown !== undefined ? { record_markdown: valid.recordMarkdown } : {}),
          version: eb("version", "+", 1),
        }))
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .returningAll()
        .executeTakeFirst();
      if (row) return { ok: true, decision: toDecision(row) };
      const current = await this.#byId(db, "decisions", id).executeTakeFirst();
      return { ok: false, current: current ? toDecision(current) : null };
    });
  }

  addDecisionCopy(id: string, copy: DecisionCopy): Promise<StoredDecision | null> {
    return this.#run(async (db) => {
      const valid = decisionCopySchema.parse(copy);
      // Compare-and-set on the copies text: a concurrent add changes it, so this one retries on
      // what is stored now instead of overwriting the other.
      for (;;) {
        const row = await this.#byId(db, "decisions", id).executeTakeFirst();
        if (!row) return null;
        const decision = toDecision(row);
        if (hasCopy(decision.copies, valid)) return decision;
        const copies = toJsonText([...decision.copies, valid]);
        const updated = await db
          .updateTable("decisions")
          .set({ copies })
          .where("id", "=", id)
          .where("copies", "=", row.copies)
          .returningAll()
          .executeTakeFirst();
        if (updated) return toDecision(updated);
      }
    });
  }

  listLiveDecisions(query: { limit?: number } = {}): Promise<StoredDecision[]> {
    return this.#run(async (db) => {
      const rows = await db
        .selectFrom("decisions")
        .selectAll()
        .where("status", "in", [...LIVE_DECISION_STATUSES])
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(query.limit ?? DEFAULT_LIVE_DECISION_LIMIT)
        .execute();
      return rows.map(toDecision);
    });
  }

  listDueDecisions(query: DueQuery): Promise<StoredDecision[]> {
    return this.#run(async (db) => {
      const q = dueQuerySchema.parse(query);
      const rows = await db
        .selectFrom("decisions")
        .selectAll()
        .where("status", "in", [...LIVE_DECISION_STATUSES])
        .where("revisit_at", "is not", null)
        .where("revisit_at", "<=", q.now.toISOString())
        .orderBy("revisit_at", "asc")
        .orderBy("id", "asc")
        .limit(q.limit ?? DEFAULT_DUE_LIMIT)
        .execute();
      return rows.map(toDecision);
    });
  }

  updateDecisionReview(id: string, patch: DecisionReviewPatch): Promise<StoredDecision | null> {
    return this.#run(async (db) => {
      const valid = decisionReviewPatchSchema.parse(patch);
      const set = {
        ...(valid.revisitAt !== undefined
          ? { revisit_at: valid.revisitAt ? valid.revisitAt.toISOString() : null }
          : {}),
        ...("factsChanged" in valid
          ? { facts_changed: valid.factsChanged == null ? null : toJsonText(valid.factsChanged) }
          : {}),
      };
      if (Object.keys(set).length === 0) {
        const row = await this.#byId(db, "decisions", id).executeTakeFirst();
        return row ? toDecision(row) : null;
      }
      const row = await db
        .updateTable("decisions")
        .set(set)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      return row ? toDecision(row) : null;
    });
  }

  claimEvent(eventId: string, ttlSeconds = DEFAULT_EVENT_TTL_SECONDS): Promise<boolean> {
    return this.#run(async (db) => {
      eventIdSchema.parse(eventId);
      ttlSecondsSchema.parse(ttlSeconds);
      const now = this.#clock();
      const nowIso = now.toISOString();
      const expiresAt = new Date(now.getTime() + ttlSeconds * 1000).toISOString();
      // Insert if absent; take over an expired claim; otherwise touch nothing. Atomic in both
      // dialects (a concurrent PostgreSQL claimer waits on the row and re-checks the WHERE).
      const result = await db
        .insertInto("handled_events")
        .values({ event_id: eventId, expires_at: expiresAt })
        .onConflict((oc) =>
          oc
            .column("event_id")
            .doUpdateSet({ expires_at: expiresAt })
            .where("handled_events.expires_at", "<=", nowIso),
        )
        .executeTakeFirst();
      this.#claims += 1;
      if (this.#claims % this.#pruneEvery === 0) {
        await db.deleteFrom("handled_events").where("expires_at", "<=", nowIso).execute();
      }
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    });
  }

  getChannelLang(teamId: string, channelId: string): Promise<Lang | null> {
    return this.#run(async (db) => {
      const row = await db
        .selectFrom("channel_settings")
        .select("lang")
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .executeTakeFirst();
      return row ? toLang("channel_settings", row.lang) : null;
    });
  }

  setChannelLang(teamId: string, channelId: string, lang: Lang): Promise<void> {
    return this.#run(async (db) => {
      const valid = toLang("setChannelLang", lang);
      await db
        .insertInto("channel_settings")
        .values({ team_id: teamId, channel_id: channelId, lang: valid })
        .onConflict((oc) => oc.columns(["team_id", "channel_id"]).doUpdateSet({ lang: valid }))
        .execute();
    });
  }

  async ping(): Promise<boolean> {
    if (this.#closed) return false;
    try {
      await this.migrate();
      const checkedAt = this.#clock().toISOString();
      await this.#db
        .insertInto("health_probe")
        .values({ id: "probe", checked_at: checkedAt })
        .onConflict((oc) => oc.column("id").doUpdateSet({ checked_at: checkedAt }))
        .execute();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#db.destroy();
  }

  /** Marks an idle active session expired (bumping its version) and returns what is stored now. */
  async #expireIfIdle(db: Kysely<Database>, session: StoredSession): Promise<StoredSession> {
    const now = this.#clock();
    if (!isIdle(session, now, this.#idleDays)) return session;
    const row = await db
      .updateTable("sessions")
      .set((eb) => ({ status: "expired", version: eb("version", "+", 1) }))
      .where("id", "=", session.id)
      .where("status", "=", "active")
      .where("updated_at", "<", idleCutoff(now, this.#idleDays).toISOString())
      .returningAll()
      .executeTakeFirst();
    if (row) return toSession(row);
    // Someone else changed it meanwhile: report what is stored now.
    const current = await this.#byId(db, "sessions", session.id).executeTakeFirstOrThrow();
    return toSession(current);
  }

  /** The row with this id, as a query to execute (takeFirst, or takeFirstOrThrow). */
  #byId(db: Kysely<Database>, table: "sessions", id: string): ById<"sessions">;
  #byId(db: Kysely<Database>, table: "decisions", id: string): ById<"decisions">;
  #byId(
    db: Kysely<Database>,
    table: "sessions" | "decisions",
    id: string,
  ): ById<"sessions"> | ById<"decisions"> {
    // One table at a time for Kysely's types; the overloads give each caller its table's row.
    return db
      .selectFrom(table as "sessions")
      .selectAll()
      .where("id", "=", id);
  }

  async #run<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.#closed) throw new Error("the store is closed");
    await this.migrate();
    return this.#guard(() => work(this.#db));
  }

  async #guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      if (isUnavailable(error)) throw new StoreUnavailableError(error);
      throw error;
    }
  }
}
