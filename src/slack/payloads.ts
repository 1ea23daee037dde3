import { z } from "zod";
import { langSchema } from "../core/i18n/lang.js";

/**
 * Button values and view private_metadata: small JSON objects with a version field `v`, validated
 * with zod when they come back. An old button (other version) or a malformed value is recognised and
 * answered politely instead of crashing.
 */
export const PAYLOAD_VERSION = 1;

const v = z.literal(PAYLOAD_VERSION);
const id = z.string().min(1).max(200);

/** Show a capability's answer card (alternatives, suggestions). */
export const capabilityValue = z.object({ v, k: z.literal("cap"), id, lang: langSchema });
/** Share an answer card shown ephemerally with the whole channel. */
export const shareValue = z.object({
  v,
  k: z.literal("share"),
  id,
  lang: langSchema,
  /** The question asked, shown on the shared card. */
  q: z.string().max(500).optional(),
});
const kebab = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
/**
 * Help's buttons: start a walkthrough or show the matrix, in a language. A walkthrough started from
 * an answer to "should we use ECS or EKS?" also carries what the question gave away (p: {questionId:
 * optionId}, at most as many as the walkthrough has questions) and who asked it (a), who is credited
 * with those answers. Buttons drawn before p existed have none, and start an empty walkthrough.
 */
export const helpValue = z.object({
  v,
  k: z.literal("help"),
  lang: langSchema,
  p: z
    .record(kebab, kebab)
    .refine((r) => Object.keys(r).length <= 30, "too many answers")
    .optional(),
  a: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,30}$/)
    .optional(),
});
/**
 * A walkthrough option: session, question and option; l is the session's language, so an error
 * (the database is down) can still be told in it. Buttons drawn before l existed have none.
 */
export const optionValue = z.object({
  v,
  k: z.literal("opt"),
  s: id,
  q: id,
  o: id,
  l: langSchema.optional(),
});
/** Back, skip and restart in a walkthrough; q is the question shown when the button was drawn. */
export const navValue = z.object({
  v,
  k: z.literal("nav"),
  s: id,
  q: id.nullable(),
  l: langSchema.optional(),
});
/**
 * Buttons on a finished decision's card: the stored decision. The card's overflow menu carries one
 * value per item, so a says which it is (post, revisit); buttons have none.
 */
export const decisionValue = z.object({
  v,
  k: z.literal("dec"),
  d: id,
  a: z.enum(["post", "revisit", "accept", "reject", "date"]).optional(),
});
/** History: the whole workspace's decisions. */
export const historyValue = z.object({ v, k: z.literal("hist"), lang: langSchema });
/** private_metadata of the "Post to channel" modal. */
export const postModalMetadata = z.object({
  v,
  k: z.literal("post"),
  d: id,
  /** Where the summary button was clicked, to tell the clicker if posting fails. */
  c: id,
  t: z.string().max(40).optional(),
});

/** private_metadata of the "Change revisit date" modal: the decision, where it was opened. */
export const revisitModalMetadata = z.object({
  v,
  k: z.literal("rvd"),
  d: id,
  c: id,
  t: z.string().max(40).optional(),
});

/** App Home's buttons: the language the tab was drawn in. */
export const homeValue = z.object({ v, k: z.literal("home"), lang: langSchema });
/** The Ask modal's private_metadata: the language it was opened in. */
export const askModalMetadata = z.object({ v, k: z.literal("ask"), lang: langSchema });
/** The Remind button's value: the session, and its language for the clicker's private replies. */
export const remindValue = z.object({ v, k: z.literal("remind"), s: id, l: langSchema });

const channelId = z.string().regex(/^[CGD][A-Z0-9]{2,30}$/);
const ts = z.string().regex(/^\d{1,12}\.\d{1,9}$/);

/**
 * The start modal's private_metadata: the language, where to start when the opener's click said so
 * (c: channel, t: thread), and what a question to the bot gave away (p, credited to a), as help's
 * button carries them. No c → the modal asks for a channel.
 */
export const startModalMetadata = z
  .object({
    v,
    k: z.literal("start"),
    lang: langSchema,
    c: channelId.optional(),
    t: ts.optional(),
    p: helpValue.shape.p,
    a: helpValue.shape.a,
  })
  .refine((m) => m.t === undefined || m.c !== undefined, "a thread needs its channel");

export type CapabilityValue = z.infer<typeof capabilityValue>;
export type ShareValue = z.infer<typeof shareValue>;
export type HelpValue = z.infer<typeof helpValue>;
export type OptionValue = z.infer<typeof optionValue>;
export type NavValue = z.infer<typeof navValue>;
export type DecisionValue = z.infer<typeof decisionValue>;
export type HistoryValue = z.infer<typeof historyValue>;
export type PostModalMetadata = z.infer<typeof postModalMetadata>;
export type RevisitModalMetadata = z.infer<typeof revisitModalMetadata>;
export type HomeValue = z.infer<typeof homeValue>;
export type AskModalMetadata = z.infer<typeof askModalMetadata>;
export type RemindValue = z.infer<typeof remindValue>;
export type StartModalMetadata = z.infer<typeof startModalMetadata>;

type Payload =
  | CapabilityValue
  | ShareValue
  | HelpValue
  | OptionValue
  | NavValue
  | DecisionValue
  | HistoryValue
  | PostModalMetadata
  | RevisitModalMetadata
  | HomeValue
  | AskModalMetadata
  | RemindValue
  | StartModalMetadata;
/** A payload as its writer gives it: encode() adds the version, so no caller writes one. */
export type Unversioned<P extends Payload = Payload> = P extends Payload ? Omit<P, "v"> : never;

export function encode(value: Unversioned): string {
  return JSON.stringify({ v: PAYLOAD_VERSION, ...value });
}

/** Parses a button value or metadata string; null when it is malformed or from another version. */
export function decode<S extends z.ZodType>(
  schema: S,
  raw: string | undefined | null,
): z.infer<S> | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 3000) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
