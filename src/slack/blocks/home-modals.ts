import type { KnownBlock, ModalView } from "@slack/types";
import type { Lang } from "../../core/i18n/lang.js";
import type { Matrix } from "../../core/matrix/index.js";
import { escapeText } from "../escape.js";
import { t } from "../messages/shortcuts-home.js";
import { t as tm } from "../messages.js";
import { encode } from "../payloads.js";
import { SHOW_CAPABILITY_ACTION } from "./answer.js";
import { capBlocks, context, header, LIMITS, plain, section } from "./limits.js";
import { matrixSections } from "./matrix.js";
import type { RenderedMessage } from "./message.js";

export const ASK_MODAL_CALLBACK = "home_ask_modal";
export const ASK_BLOCK = "question";
export const ASK_INPUT = "question_input";
/** Questions longer than this are not questions; the answerer copes, the input refuses. */
export const ASK_MAX_LENGTH = 500;

/** "Ask a question" from App Home: one text input; the answer replaces the modal on submit. */
export function renderAskModal(lang: Lang): ModalView {
  return {
    type: "modal",
    callback_id: ASK_MODAL_CALLBACK,
    private_metadata: encode({ k: "ask", lang }),
    title: plain(t(lang, "askModalTitle")),
    submit: plain(t(lang, "askModalSubmit")),
    close: plain(t(lang, "modalCloseButton")),
    blocks: [
      section(t(lang, "askModalIntro")),
      {
        type: "input",
        block_id: ASK_BLOCK,
        label: plain(t(lang, "askModalLabel"), LIMITS.inputLabel),
        element: {
          type: "plain_text_input",
          action_id: ASK_INPUT,
          max_length: ASK_MAX_LENGTH,
          placeholder: plain(t(lang, "askModalPlaceholder"), LIMITS.placeholder),
        },
      },
    ],
  };
}

/**
 * An answer (a card, the choice, the no-match) as a modal's blocks. A modal has no channel, so the
 * buttons that need one (Share, Start a walkthrough) go; capability buttons become a line of their
 * titles, which the user can ask about next.
 */
function answerBlocksForModal(message: RenderedMessage, lang: Lang): KnownBlock[] {
  const out: KnownBlock[] = [];
  const orphan = tm(lang, "noMatchOr");
  for (const block of message.blocks) {
    if (block.type === "actions") {
      const titles = block.elements
        .filter(
          (e) =>
            e.type === "button" &&
            typeof e.action_id === "string" &&
            e.action_id.startsWith(SHOW_CAPABILITY_ACTION),
        )
        .map((e) => (e.type === "button" ? escapeText(e.text.text) : ""));
      if (titles.length > 0) out.push(context(titles.join(" · ")));
      continue;
    }
    // "Or walk through the whole decision:" introduces a button a modal does not have.
    if (block.type === "section" && block.text?.text === orphan) continue;
    out.push(block);
  }
  return out;
}

/** The answer to the Ask modal's question, replacing the modal (response_action "update"). */
export function renderAnswerModal(
  message: RenderedMessage,
  lang: Lang,
  opts: { command: string; title?: string; note?: string },
): ModalView {
  const footer = context(t(lang, "askModalOnlyYou", { cmd: opts.command }));
  const body = [...(opts.note ? [context(opts.note)] : []), ...answerBlocksForModal(message, lang)];
  return {
    type: "modal",
    title: plain(opts.title ?? t(lang, "askModalTitle")),
    close: plain(t(lang, "modalCloseButton")),
    blocks: [...capBlocks(body, LIMITS.surfaceBlocks, tm(lang, "cardOverflow"), 1), footer],
  };
}

/**
 * "Open the matrix" from App Home: the matrix as sections (tables are for messages), within a
 * modal's 100 blocks.
 */
export function renderMatrixModal(
  matrix: Matrix,
  lang: Lang,
  opts: { command: string },
): ModalView {
  const top: KnownBlock[] = [header(tm(lang, "matrixHeader")), ...matrixSections(matrix, lang)];
  const tail: KnownBlock[] = [
    context(tm(lang, "matrixAskHint", { cmd: opts.command })),
    context(tm(lang, "helpFooter", { version: matrix.version, count: matrix.capabilities.length })),
  ];
  return {
    type: "modal",
    title: plain(t(lang, "matrixModalTitle")),
    close: plain(t(lang, "modalCloseButton")),
    blocks: [
      ...capBlocks(top, LIMITS.surfaceBlocks, tm(lang, "cardOverflow"), tail.length),
      ...tail,
    ],
  };
}
