import type { InputBlock, KnownBlock, ModalView } from "@slack/types";
import type { Lang } from "../../core/i18n/lang.js";
import { mentionChannel } from "../escape.js";
import { t } from "../messages/start.js";
import { encode, type StartModalMetadata } from "../payloads.js";
import { context, LIMITS, plain, section, truncate } from "./limits.js";

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
  const metadata = encode({ k: "start", ...meta });
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
      label: plain(t(lang, "startTitleLabel"), LIMITS.inputLabel),
      element: {
        type: "plain_text_input",
        action_id: TITLE_INPUT,
        max_length: TITLE_MAX_LENGTH,
        ...(opts.title ? { initial_value: truncate(opts.title, TITLE_MAX_LENGTH) } : {}),
        placeholder: plain(t(lang, "startTitlePlaceholder"), LIMITS.placeholder),
      },
    },
    {
      type: "input",
      block_id: OWNER_BLOCK,
      label: plain(t(lang, "startOwnerLabel"), LIMITS.inputLabel),
      hint: plain(t(lang, "startOwnerHint"), LIMITS.inputLabel),
      element: { type: "users_select", action_id: OWNER_INPUT, initial_user: opts.owner },
    },
    {
      type: "input",
      block_id: INVITEES_BLOCK,
      optional: true,
      label: plain(t(lang, "startInviteesLabel"), LIMITS.inputLabel),
      hint: plain(t(lang, "startInviteesHint", { max: MAX_INVITEES }), LIMITS.inputLabel),
      element: {
        type: "multi_users_select",
        action_id: INVITEES_INPUT,
        max_selected_items: MAX_INVITEES,
        placeholder: plain(t(lang, "startInviteesPlaceholder"), LIMITS.placeholder),
      },
    },
    {
      type: "input",
      block_id: DUE_BLOCK,
      optional: true,
      label: plain(t(lang, "startDueLabel"), LIMITS.inputLabel),
      element: {
        type: "datepicker",
        action_id: DUE_INPUT,
        placeholder: plain(t(lang, "startDuePlaceholder"), LIMITS.placeholder),
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
  return encode({ k: "start", ...rest });
}

function whereInput(lang: Lang): InputBlock {
  return {
    type: "input",
    block_id: WHERE_BLOCK,
    label: plain(t(lang, "startWhereLabel"), LIMITS.inputLabel),
    element: {
      type: "conversations_select",
      action_id: WHERE_INPUT,
      default_to_current_conversation: true,
      placeholder: plain(t(lang, "startWherePlaceholder"), LIMITS.placeholder),
      filter: { include: ["public", "private"], exclude_bot_users: true },
    },
  };
}
