import type { ModalView } from "@slack/types";
import type { Lang } from "../../core/i18n/lang.js";
import { escapeText } from "../escape.js";
import { t } from "../messages.js";
import { encode, type PostModalMetadata, type Unversioned } from "../payloads.js";
import { LIMITS, plain, section } from "./limits.js";

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
    title: plain(t(lang, "modalTitle"), LIMITS.modalTitle, false),
    submit: plain(t(lang, "modalSubmit"), LIMITS.modalTitle, false),
    close: plain(t(lang, "modalClose"), LIMITS.modalTitle, false),
    blocks: [
      section(t(lang, "modalIntro", { title: escapeText(title) })),
      {
        type: "input",
        block_id: CHANNEL_BLOCK,
        label: plain(t(lang, "modalChannelLabel"), LIMITS.inputLabel, false),
        element: {
          type: "conversations_select",
          action_id: CHANNEL_ACTION,
          placeholder: plain(t(lang, "modalChannelPlaceholder"), LIMITS.placeholder, false),
          filter: { include: ["public", "private"], exclude_bot_users: true },
        },
      },
    ],
  };
}
