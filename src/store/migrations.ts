import { type Kysely, sql } from "kysely";
import type { DialectKind } from "./dialect.js";
import type { Database } from "./schema.js";

/**
 * One ordered list of migrations for both dialects. Never edit or reorder an applied migration;
 * append a new one. Only portable schema-builder calls belong here (text, integer, indexes).
 */
export interface Migration {
  id: string;
  up(db: Kysely<Database>): Promise<void>;
}

export const migrations: readonly Migration[] = [
  {
    id: "0001_initial",
    async up(db) {
      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("team_id", "text", (c) => c.notNull())
        .addColumn("channel_id", "text", (c) => c.notNull())
        .addColumn("thread_ts", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("started_by", "text", (c) => c.notNull())
        .addColumn("lang", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("messages", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("sessions_thread_idx")
        .on("sessions")
        .columns(["team_id", "channel_id", "thread_ts"])
        .execute();

      await db.schema
        .createTable("decisions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("team_id", "text", (c) => c.notNull())
        .addColumn("channel_id", "text", (c) => c.notNull())
        .addColumn("thread_ts", "text", (c) => c.notNull())
        .addColumn("thread_link", "text")
        .addColumn("session_id", "text")
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("recommendation", "text", (c) => c.notNull())
        .addColumn("lang", "text", (c) => c.notNull())
        .addColumn("summary", "text", (c) => c.notNull())
        .addColumn("record_markdown", "text", (c) => c.notNull())
        .addColumn("participants", "text", (c) => c.notNull())
        .addColumn("matrix_version", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("decisions_channel_created_idx")
        .on("decisions")
        .columns(["team_id", "channel_id", "created_at"])
        .execute();
      await db.schema
        .createIndex("decisions_team_created_idx")
        .on("decisions")
        .columns(["team_id", "created_at"])
        .execute();

      await db.schema
        .createTable("handled_events")
        .addColumn("event_id", "text", (c) => c.primaryKey())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("handled_events_expires_idx")
        .on("handled_events")
        .column("expires_at")
        .execute();

      await db.schema
        .createTable("channel_settings")
        .addColumn("team_id", "text", (c) => c.notNull())
        .addColumn("channel_id", "text", (c) => c.notNull())
        .addColumn("lang", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("channel_settings_pk", ["team_id", "channel_id"])
        .execute();
    },
  },
  {
    // One row that ping() rewrites: a health check must prove the store can write, not only read
    // (a read-only file system still answers `select 1`).
    id: "0002_health_probe",
    async up(db) {
      await db.schema
        .createTable("health_probe")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("checked_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  {
    // Whether a decision's channel is private: such a decision is listed and shared only there.
    // Decisions saved before this are treated as private (we never asked).
    id: "0003_decision_visibility",
    async up(db) {
      await db.schema
        .alterTable("decisions")
        .addColumn("visibility", "text", (c) => c.notNull().defaultTo("private"))
        .execute();
    },
  },
  {
    // A decision's status lifecycle (proposed → accepted | rejected, superseded by a revisit), its
    // version for optimistic status changes, and the messages that show its card. Decisions saved
    // before this start as proposed, with no remembered copies. One column per statement: SQLite
    // adds one column per ALTER TABLE.
    id: "0004_decision_status",
    async up(db) {
      await db.schema
        .alterTable("decisions")
        .addColumn("status", "text", (c) => c.notNull().defaultTo("proposed"))
        .execute();
      await db.schema.alterTable("decisions").addColumn("status_by", "text").execute();
      await db.schema.alterTable("decisions").addColumn("status_at", "text").execute();
      await db.schema
        .alterTable("decisions")
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .alterTable("decisions")
        .addColumn("copies", "text", (c) => c.notNull().defaultTo("[]"))
        .execute();
    },
  },
  {
    // A walkthrough's plan (owner, invitees, due date) and its due date as a column for the
    // reminder sweep; a decision's relied-on facts, revisit date and noticed fact changes.
    id: "0005_plans_and_reviews",
    async up(db) {
      await db.schema
        .alterTable("sessions")
        .addColumn("plan", "text", (c) => c.notNull().defaultTo("{}"))
        .execute();
      await db.schema.alterTable("sessions").addColumn("due_at", "text").execute();
      await db.schema.alterTable("decisions").addColumn("relied", "text").execute();
      await db.schema.alterTable("decisions").addColumn("revisit_at", "text").execute();
      await db.schema.alterTable("decisions").addColumn("facts_changed", "text").execute();
      await db.schema
        .createIndex("sessions_due_at")
        .on("sessions")
        .columns(["status", "due_at"])
        .execute();
      await db.schema
        .createIndex("decisions_revisit_at")
        .on("decisions")
        .columns(["status", "revisit_at"])
        .execute();
    },
  },
];

const LOCK_NAME = "ecs-vs-eks:migrations:";

/**
 * Applies every pending migration in one transaction, safe against concurrent openers:
 * PostgreSQL serialises them with a transaction-scoped advisory lock (keyed by the current schema, so
 * separate schemas do not wait on each other), SQLite with BEGIN IMMEDIATE plus the busy timeout.
 * The second opener then finds everything applied and does nothing. Returns the ids applied now.
 */
export async function migrate(
  db: Kysely<Database>,
  dialect: DialectKind,
  list: readonly Migration[] = migrations,
): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql.raw(dialect === "sqlite" ? "begin immediate" : "begin").execute(conn);
    try {
      if (dialect === "postgres") {
        await sql`select pg_advisory_xact_lock(hashtext(${LOCK_NAME} || coalesce(current_schema(), '')))`.execute(
          conn,
        );
      }
      await conn.schema
        .createTable("schema_migrations")
        .ifNotExists()
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("applied_at", "text", (c) => c.notNull())
        .execute();
      const done = new Set(
        (await conn.selectFrom("schema_migrations").select("id").execute()).map((r) => r.id),
      );
      const applied: string[] = [];
      for (const migration of list) {
        if (done.has(migration.id)) continue;
        await migration.up(conn);
        await conn
          .insertInto("schema_migrations")
          .values({ id: migration.id, applied_at: new Date().toISOString() })
          .execute();
        applied.push(migration.id);
      }
      await sql`commit`.execute(conn);
      return applied;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}
