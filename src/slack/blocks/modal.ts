import type { ModalView } from "@slack/types";
import type { Lang } from "../../core/i18n/lang.js";
import { escapeText } from "../escape.js";
import { t } from "../messages.js";
import { encode, type PostModalMetadata, type Unversioned } from "../payloads.js";
import { section, truncate } from "./limits.js";

export const POST_MODAL_CALLBACK = "summary_post_modal";
export const CHANNEL_BLOCK = "channel";
export const CHANNEL_ACTION = "channel_select";

/** "Post to channel…": a channel picker; private_metadata says which decision to post. */
export function renderPostModal(
  meta: Unversioned<PostModalMetadata>,
  title: string,
  lang: Lang,
): ModalView {
  return {
    type: "modal",
    callback_id: POST_MODAL_CALLBACK,
    private_metadata: encode(meta),
    title: { type: "plain_text", text: truncate(t(lang, "modalTitle"), 24) },
    submit: { type: "plain_text", text: truncate(t(lang, "modalSubmit"), 24) },
    close: { type: "plain_text", text: truncate(t(lang, "modalClose"), 24) },
    blocks: [
      section(t(lang, "modalIntro", { title: escapeText(title) })),
      {
        type: "input",
        block_id: CHANNEL_BLOCK,
        label: { type: "plain_text", text: t(lang, "modalChannelLabel") },
        element: {
          type: "conversations_select",
          action_id: CHANNEL_ACTION,
          placeholder: { type: "plain_text", text: t(lang, "modalChannelPlaceholder") },
          filter: { include: ["public", "private"], exclude_bot_users: true },
        },
      },
    ],
  };
}
