import type { Lang } from "../../core/i18n/lang.js";
import type { Matrix } from "../../core/matrix/index.js";
import { t } from "../messages.js";
import { encode } from "../payloads.js";
import { actions, button, context, header, section } from "./limits.js";
import type { RenderedMessage } from "./message.js";

export const HELP_START_ACTION = "help_start";
export const HELP_MATRIX_ACTION = "help_matrix";

/** What the bot does, how to use it, and buttons to start a walkthrough or show the matrix. */
export function renderHelp(
  matrix: Matrix,
  lang: Lang,
  opts: { command: string; botMention: string; withButtons?: boolean },
): RenderedMessage {
  const value = encode({ k: "help", lang });
  return {
    text: t(lang, "helpFallback"),
    blocks: [
      header(t(lang, "helpHeader")),
      section(t(lang, "helpIntro")),
      section(t(lang, "helpUsage", { cmd: opts.command, bot: opts.botMention })),
      ...(opts.withButtons === false
        ? []
        : actions([
            button({
              actionId: HELP_START_ACTION,
              text: t(lang, "helpStart"),
              value,
              style: "primary",
            }),
            button({ actionId: HELP_MATRIX_ACTION, text: t(lang, "helpMatrix"), value }),
          ])),
      context(
        t(lang, "helpFooter", { version: matrix.version, count: matrix.capabilities.length }),
      ),
    ],
  };
}
