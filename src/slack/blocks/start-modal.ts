import type { InputBlock, KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import { type Lang, langSchema } from "../../core/i18n/lang.js";
import { mentionChannel } from "../escape.js";
import { t } from "../messages/start.js";
import { helpValue, PAYLOAD_VERSION } from "../payloads.js";
import { context, LIMITS, section, truncate } from "./limits.js";

export const START_MODAL_CALLBACK = "decide_start_modal";
export const TITLE_BLOCK = "start_title";
export const TITLE_INPUT = "title_input";
export const OWNER_BLOCK = "start_owner";
export const OWNER_INPUT = "owner_select";
export const INVITEES_BLOCK = "start_invitees";
export const INVITEES_INPUT = "invitees_select";
export const DUE_BLOCK = "start_due";
export const DUE_INPUT = "due_date";
export const WHERE_BLOCK = "start_where";
export const WHERE_INPUT = "where_select";

/** The header shows "Decision: <title>" within 150 characters; a longer title would be cut there. */
export const TITLE_MAX_LENGTH = 140;
export const MAX_INVITEES = 20;

const channelId = z.string().regex(/^[CGD][A-Z0-9]{2,30}$/);
const ts = z.string().regex(/^\d{1,12}\.\d{1,9}$/);

/**
 * The start modal's private_metadata: the language, where to start when the opener's click said so
 * (c: channel, t: thread), and what a question to the bot gave away (p, credited to a), as help's
 * button carries them. No c → the modal asks for a channel.
 */
export const startModalMetadata = z
  .object({
    v: z.literal(PAYLOAD_VERSION),
    k: z.literal("start"),
    lang: langSchema,
    c: channelId.optional(),
    t: ts.optional(),
    p: helpValue.shape.p,
    a: helpValue.shape.a,
  })
  .refine((m) => m.t === undefined || m.c !== undefined, "a thread needs its channel");

export type StartModalMetadata = z.infer<typeof startModalMetadata>;

function plain(text: string, max: number) {
  return { type: "plain_text" as const, text: truncate(text, max), emoji: true };
}

/**
 * A title for the modal's input from someone's message (the shortcut): its text as plain words
 * (mentions become names, links their labels), on one line, within the input's length.
 */
export function titleFromText(plainWords: string): string {
  return truncate(plainWords.replace(/\s+/g, " ").trim(), TITLE_MAX_LENGTH);
}

/**
 * "Start a decision": title, owner, people to invite, an optional due date and, when the click
 * that opened it had no channel (App Home), where to start.
 */
export function renderStartModal(
  meta: Omit<StartModalMetadata, "v" | "k">,
  opts: { title: string; owner: string },
): ModalView {
  const { lang } = meta;
  const metadata = JSON.stringify({ v: PAYLOAD_VERSION, k: "start", ...meta });
  const intro = meta.c
    ? meta.t
      ? t(lang, "startIntroThread", { channel: mentionChannel(meta.c) })
      : t(lang, "startIntroChannel", { channel: mentionChannel(meta.c) })
    : t(lang, "startIntroPick");
  const blocks: KnownBlock[] = [section(intro)];
  if (!meta.c) blocks.push(whereInput(lang));
  blocks.push(
    {
      type: "input",
      block_id: TITLE_BLOCK,
      label: plain(t(lang, "startTitleLabel"), 2000),
      element: {
        type: "plain_text_input",
        action_id: TITLE_INPUT,
        max_length: TITLE_MAX_LENGTH,
        ...(opts.title ? { initial_value: truncate(opts.title, TITLE_MAX_LENGTH) } : {}),
        placeholder: plain(t(lang, "startTitlePlaceholder"), 150),
      },
    },
    {
      type: "input",
      block_id: OWNER_BLOCK,
      label: plain(t(lang, "startOwnerLabel"), 2000),
      hint: plain(t(lang, "startOwnerHint"), 2000),
      element: { type: "users_select", action_id: OWNER_INPUT, initial_user: opts.owner },
    },
    {
      type: "input",
      block_id: INVITEES_BLOCK,
      optional: true,
      label: plain(t(lang, "startInviteesLabel"), 2000),
      hint: plain(t(lang, "startInviteesHint", { max: MAX_INVITEES }), 2000),
      element: {
        type: "multi_users_select",
        action_id: INVITEES_INPUT,
        max_selected_items: MAX_INVITEES,
        placeholder: plain(t(lang, "startInviteesPlaceholder"), 150),
      },
    },
    {
      type: "input",
      block_id: DUE_BLOCK,
      optional: true,
      label: plain(t(lang, "startDueLabel"), 2000),
      element: {
        type: "datepicker",
        action_id: DUE_INPUT,
        placeholder: plain(t(lang, "startDuePlaceholder"), 150),
      },
    },
    context(t(lang, "startDueNote")),
  );
  return {
    type: "modal",
    callback_id: START_MODAL_CALLBACK,
    private_metadata: metadata.length <= LIMITS.privateMetadata ? metadata : withoutPrefill(meta),
    title: plain(t(lang, "startModalTitle"), LIMITS.modalTitle),
    submit: plain(t(lang, "startModalSubmit"), LIMITS.modalTitle),
    close: plain(t(lang, "startModalClose"), LIMITS.modalTitle),
    blocks,
  };
}

/** Metadata too long for Slack (a question that gave away very many answers): start without them. */
function withoutPrefill(meta: Omit<StartModalMetadata, "v" | "k">): string {
  const { p: _p, a: _a, ...rest } = meta;
  return JSON.stringify({ v: PAYLOAD_VERSION, k: "start", ...rest });
}

function whereInput(lang: Lang): InputBlock {
  return {
    type: "input",
    block_id: WHERE_BLOCK,
    label: plain(t(lang, "startWhereLabel"), 2000),
    element: {
      type: "conversations_select",
      action_id: WHERE_INPUT,
      default_to_current_conversation: true,
      placeholder: plain(t(lang, "startWherePlaceholder"), 150),
      filter: { include: ["public", "private"], exclude_bot_users: true },
    },
  };
}
