import { z } from "zod";
import { VISIBILITIES } from "../core/access.js";
import { langSchema } from "../core/i18n/lang.js";
import {
  decisionCopySchema,
  decisionStatusSchema,
  sessionMessagesSchema,
  sessionPlanSchema,
  sessionStatusSchema,
} from "./common.js";
import {
  type SessionPlan,
  StoreDataError,
  type StoredDecision,
  type StoredSession,
} from "./types.js";

/** zod schemas for rows read back from the database, and their mapping to the Store types. */

const jsonText = z.string().transform((text, ctx): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    ctx.addIssue({ code: "custom", message: "is not valid JSON" });
    return z.NEVER;
  }
});

const isoDate = z.iso.datetime().transform((s) => new Date(s));
const text = z.string().min(1);

export const sessionRowSchema = z.object({
  id: text,
  team_id: text,
  channel_id: text,
  thread_ts: text,
  title: z.string(),
  started_by: text,
  lang: langSchema,
  state: jsonText,
  messages: jsonText.pipe(sessionMessagesSchema),
  plan: jsonText.pipe(sessionPlanSchema),
  status: sessionStatusSchema,
  version: z.coerce.number().int().positive(),
  created_at: isoDate,
  updated_at: isoDate,
});

export const decisionRowSchema = z.object({
  id: text,
  team_id: text,
  channel_id: text,
  thread_ts: text,
  thread_link: text.nullable(),
  session_id: text.nullable(),
  title: z.string(),
  recommendation: text,
  lang: langSchema,
  summary: jsonText,
  record_markdown: z.string(),
  participants: jsonText.pipe(z.array(text)),
  matrix_version: text,
  visibility: z.enum(VISIBILITIES),
  created_at: isoDate,
  status: decisionStatusSchema,
  status_by: text.nullable(),
  status_at: isoDate.nullable(),
  version: z.coerce.number().int().positive(),
  copies: jsonText.pipe(z.array(decisionCopySchema)),
  relied: jsonText.nullable().optional(),
  revisit_at: isoDate.nullable().optional(),
  facts_changed: jsonText.nullable().optional(),
});

function parseRow<T extends z.ZodType>(schema: T, table: string, row: unknown): z.output<T> {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  const id =
    typeof row === "object" && row !== null && "id" in row ? String(row.id) : "(unknown id)";
  throw new StoreDataError(
    `invalid row in ${table} (id ${id}): ${z.prettifyError(result.error)}`,
    result.error,
  );
}

export function toSession(row: unknown): StoredSession {
  const r = parseRow(sessionRowSchema, "sessions", row);
  return {
    id: r.id,
    teamId: r.team_id,
    channelId: r.channel_id,
    threadTs: r.thread_ts,
    title: r.title,
    startedBy: r.started_by,
    lang: r.lang,
    state: r.state,
    messages: r.messages,
    plan: stripUndefined(r.plan),
    status: r.status,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toDecision(row: unknown): StoredDecision {
  const r = parseRow(decisionRowSchema, "decisions", row);
  return {
    id: r.id,
    teamId: r.team_id,
    channelId: r.channel_id,
    threadTs: r.thread_ts,
    ...(r.thread_link !== null ? { threadLink: r.thread_link } : {}),
    ...(r.session_id !== null ? { sessionId: r.session_id } : {}),
    title: r.title,
    recommendation: r.recommendation,
    lang: r.lang,
    summary: r.summary,
    recordMarkdown: r.record_markdown,
    participants: r.participants,
    matrixVersion: r.matrix_version,
    visibility: r.visibility,
    createdAt: r.created_at,
    status: r.status,
    ...(r.status_by !== null ? { statusBy: r.status_by } : {}),
    ...(r.status_at !== null ? { statusAt: r.status_at } : {}),
    version: r.version,
    copies: r.copies,
    ...(r.relied != null ? { relied: r.relied } : {}),
    ...(r.revisit_at != null ? { revisitAt: r.revisit_at } : {}),
    ...(r.facts_changed != null ? { factsChanged: r.facts_changed } : {}),
  };
}

/** A plan without keys whose value is undefined (zod keeps them), so plans compare as written. */
export function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A plan as JSON text (dueAt as ISO text) and its due date as a column. */
export function planColumns(plan: SessionPlan | undefined): {
  plan: string;
  due_at: string | null;
} {
  const p = plan ?? {};
  return { plan: JSON.stringify(p), due_at: p.dueAt ? p.dueAt.toISOString() : null };
}

export function toLang(table: string, value: unknown) {
  const result = langSchema.safeParse(value);
  if (result.success) return result.data;
  throw new StoreDataError(`invalid lang in ${table}: ${JSON.stringify(value)}`, result.error);
}

/** JSON text for a JSON column; undefined becomes null so it survives the round trip. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value ?? null);
}
