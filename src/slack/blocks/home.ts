import type { HomeView, KnownBlock } from "@slack/types";
import type { Lang } from "../../core/i18n/lang.js";
import type { Matrix } from "../../core/matrix/index.js";
import type { StoredDecision } from "../../store/index.js";
import { t } from "../messages.js";
import { decisionLine } from "./history.js";
import { capBlocks, context, header, LIMITS, section, sections } from "./limits.js";
import { matrixSections } from "./matrix.js";

/** The App Home tab: how to use the bot, the matrix at a glance, the user's latest decisions. */
export function renderHome(
  matrix: Matrix,
  decisions: StoredDecision[] | null,
  lang: Lang,
  opts: { command: string; botMention: string },
): HomeView {
  const decisionBlocks: KnownBlock[] = [header(t(lang, "homeDecisions"))];
  if (decisions === null) decisionBlocks.push(section(t(lang, "errStore")));
  else if (decisions.length === 0) decisionBlocks.push(section(t(lang, "homeNoDecisions")));
  else
    for (const d of decisions.slice(0, 10)) decisionBlocks.push(...sections(decisionLine(d, lang)));

  const top: KnownBlock[] = [
    header(t(lang, "helpHeader")),
    section(t(lang, "helpIntro")),
    section(t(lang, "helpUsage", { cmd: opts.command, bot: opts.botMention })),
    { type: "divider" },
    ...decisionBlocks,
    { type: "divider" },
    header(t(lang, "matrixHeader")),
  ];
  const matrixBlocks = matrixSections(matrix, lang);
  const footer = context(
    t(lang, "helpFooter", { version: matrix.version, count: matrix.capabilities.length }),
  );
  const blocks = capBlocks(
    [...top, ...matrixBlocks],
    LIMITS.surfaceBlocks,
    t(lang, "cardOverflow"),
    1,
  );
  return { type: "home", blocks: [...blocks, footer] };
}
