/**
 * Table shapes as Kysely sees them. Dates are ISO-8601 UTC strings (Date#toISOString) in both
 * dialects, so they compare correctly as text; JSON columns are text. Every row read back is
 * validated with zod in rows.ts before it leaves the store.
 */
export interface Database {
  sessions: SessionsTable;
  decisions: DecisionsTable;
  handled_events: HandledEventsTable;
  channel_settings: ChannelSettingsTable;
  schema_migrations: SchemaMigrationsTable;
  health_probe: HealthProbeTable;
}

export interface HealthProbeTable {
  id: string;
  checked_at: string;
}

export interface SessionsTable {
  id: string;
  team_id: string;
  channel_id: string;
  thread_ts: string;
  title: string;
  started_by: string;
  lang: string;
  /** JSON text */
  state: string;
  /** JSON text */
  messages: string;
  /** JSON text: { owner?, invitees?, dueAt? } (dueAt as ISO text) */
  plan: string;
  /** The plan's due date, ISO text, for the due-date sweep; null when none. */
  due_at: string | null;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DecisionsTable {
  id: string;
  team_id: string;
  channel_id: string;
  thread_ts: string;
  thread_link: string | null;
  session_id: string | null;
  title: string;
  recommendation: string;
  lang: string;
  /** JSON text */
  summary: string;
  record_markdown: string;
  /** JSON text: an array of Slack user ids */
  participants: string;
  matrix_version: string;
  /** public | private */
  visibility: string;
  created_at: string;
  /** proposed | accepted | rejected | superseded */
  status: string;
  status_by: string | null;
  status_at: string | null;
  version: number;
  /** JSON text: an array of { channel, ts } */
  copies: string;
  /** JSON text or null: what the decision relied on */
  relied: string | null;
  revisit_at: string | null;
  /** JSON text or null: what changed in the facts it relied on */
  facts_changed: string | null;
}

export interface HandledEventsTable {
  event_id: string;
  expires_at: string;
}

export interface ChannelSettingsTable {
  team_id: string;
  channel_id: string;
  lang: string;
}

export interface SchemaMigrationsTable {
  id: string;
  applied_at: string;
}
