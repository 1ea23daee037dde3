import { z } from "zod";

/**
 * The shape Bolt dereferences before any listener runs, for every kind of request Slack sends (over
 * HTTP, or as a Socket Mode envelope's payload). A body outside it would crash Bolt ("reading
 * 'ssl_check' of null", an action without a user): it is refused at the edge instead.
 */
const id = z.string().min(1);
const withId = z.looseObject({ id });

/** What Bolt reads of each kind of request before our listeners run. */
const slackBody = z.union([
  z.looseObject({ command: z.string(), team_id: id, channel_id: id, user_id: id }),
  z.looseObject({
    type: z.literal("event_callback"),
    event: z.looseObject({
      type: z.string(),
      channel: z.union([z.string(), withId]).optional(),
      item: z.looseObject({}).optional(),
    }),
  }),
  z.looseObject({ type: z.literal("url_verification"), challenge: z.string() }),
  z.looseObject({
    type: z.literal("block_actions"),
    user: withId,
    actions: z.array(z.looseObject({ action_id: z.string(), type: z.string() })).min(1),
    channel: withId.optional(),
  }),
  z.looseObject({
    type: z.enum(["view_submission", "view_closed"]),
    user: withId,
    view: z.looseObject({ id, callback_id: z.string() }),
  }),
  z.looseObject({ type: z.enum(["shortcut", "message_action", "block_suggestion"]), user: withId }),
  z.looseObject({ ssl_check: z.literal("1") }),
]);

export function isSlackBody(body: unknown): boolean {
  return slackBody.safeParse(body).success;
}

/** A Socket Mode frame: Slack's hello/disconnect, or an envelope whose payload is a Slack body. */
const frame = z.union([
  z.looseObject({ type: z.enum(["hello", "disconnect"]) }),
  z.looseObject({
    type: z.enum(["events_api", "slash_commands", "interactive"]),
    envelope_id: z.string().min(1),
    payload: z.unknown().refine(isSlackBody),
  }),
]);

/** The frame, parsed, when it is one the bot can handle; otherwise its envelope id, if it has one. */
export function parseFrame(
  text: string,
): { ok: true } | { ok: false; envelopeId: string | undefined } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, envelopeId: undefined };
  }
  if (frame.safeParse(parsed).success) return { ok: true };
  const envelopeId =
    typeof parsed === "object" && parsed !== null && "envelope_id" in parsed
      ? parsed.envelope_id
      : undefined;
  return { ok: false, envelopeId: typeof envelopeId === "string" ? envelopeId : undefined };
}
