import { z } from "zod";
import { VISIBILITIES } from "../core/access.js";
import { DECISION_STATUSES, IN_FORCE_STATUSES } from "../core/decision/status.js";
import { langSchema } from "../core/i18n/lang.js";
import type {
  DecisionCopy,
  DecisionQuery,
  NewDecision,
  NewSession,
  SessionPatch,
  SessionStatus,
  StoredSession,
} from "./types.js";

/** Shared by every Store implementation: defaults, input validation, idle expiry. */

export { type Clock, systemClock } from "../core/clock.js";

export const DEFAULT_SESSION_IDLE_DAYS = 30;
export const DEFAULT_EVENT_TTL_SECONDS = 86_400;
export const DEFAULT_DECISION_LIMIT = 20;
export const MAX_DECISION_LIMIT = 200;
/** listActiveSessions' default limit. */
export const DEFAULT_ACTIVE_SESSION_LIMIT = 10;
/** listDueSessions' and listDueDecisions' default limit. */
export const DEFAULT_DUE_LIMIT = 100;
/** listLiveDecisions' default limit. */
export const DEFAULT_LIVE_DECISION_LIMIT = 1000;

const DAY_MS = 86_400_000;

export const sessionStatusSchema = z.enum(["active", "finished", "expired"]);

export const sessionMessagesSchema = z.strictObject({
  rootTs: z.string().min(1).optional(),
  questionTs: z.string().min(1).optional(),
  summaryTs: z.string().min(1).optional(),
});

const id = z.string().min(1);

/**
 * Text from users as stored: NUL and the other control characters (tab and newlines kept) are dropped.
 * PostgreSQL refuses a NUL in text, and none of them means anything in a title or a record.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
export function storedText(text: string): string {
  return text.replace(CONTROL, "");
}
const text = z.string().transform(storedText);

export const sessionPlanSchema = z.strictObject({
  owner: id.optional(),
  invitees: z.array(id).max(100).optional(),
  dueAt: z.coerce.date().optional(),
});

export const newSessionSchema = z.object({
  id: z.uuid().optional(),
  teamId: id,
  channelId: id,
  threadTs: id,
  title: text,
  startedBy: id,
  lang: langSchema,
  state: z.unknown(),
  messages: sessionMessagesSchema,
  plan: sessionPlanSchema.optional(),
});

export const sessionPatchSchema = z.object({
  state: z.unknown().optional(),
  messages: sessionMessagesSchema.optional(),
  status: sessionStatusSchema.optional(),
  title: text.optional(),
  lang: langSchema.optional(),
  plan: sessionPlanSchema.optional(),
});

export const newDecisionSchema = z.object({
  teamId: id,
  channelId: id,
  threadTs: id,
  threadLink: text.pipe(z.string().min(1)).optional(),
  sessionId: id.optional(),
  title: text,
  recommendation: z.string().min(1),
  lang: langSchema,
  summary: z.unknown(),
  recordMarkdown: text,
  participants: z.array(id),
  matrixVersion: z.string().min(1),
  visibility: z.enum(VISIBILITIES).default("private"),
  relied: z.unknown().optional(),
  revisitAt: z.date().optional(),
});

export const decisionReviewPatchSchema = z.object({
  revisitAt: z.date().nullable().optional(),
  factsChanged: z.unknown().optional(),
});

export const dueQuerySchema = z.object({
  now: z.date(),
  limit: z.number().int().min(1).max(1000).optional(),
});

/** Decisions still in force: what the fact check and the revisit reminder look at. */
export const LIVE_DECISION_STATUSES = IN_FORCE_STATUSES;

export const decisionStatusSchema = z.enum(DECISION_STATUSES);

export const decisionCopySchema = z.strictObject({
  channel: id,
  ts: id,
  thread: z.boolean().optional(),
});

export const decisionStatusPatchSchema = z.object({
  status: decisionStatusSchema,
  statusBy: id.optional(),
  statusAt: z.date(),
  recordMarkdown: text.optional(),
});

/** True when the list already holds this copy. */
export function hasCopy(copies: readonly DecisionCopy[], copy: DecisionCopy): boolean {
  return copies.some((c) => c.channel === copy.channel && c.ts === copy.ts);
}

export const decisionQuerySchema = z.object({
  teamId: id,
  channelId: id.optional(),
  participant: id.optional(),
  visibleFrom: id.optional(),
  limit: z.number().int().min(1).max(MAX_DECISION_LIMIT).optional(),
});

export const eventIdSchema = id;
export const ttlSecondsSchema = z.number().positive().finite();

export function parseNewSession(input: NewSession): NewSession {
  return newSessionSchema.parse(input);
}
export function parseSessionPatch(patch: SessionPatch): SessionPatch {
  return sessionPatchSchema.parse(patch);
}
export function parseNewDecision(
  input: NewDecision,
): NewDecision & Required<Pick<NewDecision, "visibility">> {
  return newDecisionSchema.parse(input);
}
export function parseDecisionQuery(query: DecisionQuery): DecisionQuery {
  return decisionQuerySchema.parse(query);
}

/** The moment before which an active session counts as idle (expired). */
export function idleCutoff(now: Date, idleDays: number): Date {
  return new Date(now.getTime() - idleDays * DAY_MS);
}

/** True when an active session has not been touched for longer than idleDays. */
export function isIdle(
  session: { status: SessionStatus; updatedAt: Date },
  now: Date,
  idleDays: number,
): boolean {
  return session.status === "active" && session.updatedAt < idleCutoff(now, idleDays);
}

export function cloneSession(session: StoredSession): StoredSession {
  return structuredClone(session);
}
