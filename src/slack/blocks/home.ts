import type { HomeView, KnownBlock } from "@slack/types";
import type { Lang } from "../../core/i18n/lang.js";
import type { Matrix } from "../../core/matrix/index.js";
import type { StoredDecision } from "../../store/index.js";
import { escapeText, link, mentionChannel } from "../escape.js";
import { t } from "../messages.js";
import { decisionLine } from "./history.js";
import { capBlocks, context, header, LIMITS, section, sections } from "./limits.js";
import { matrixSections } from "./matrix.js";

/** A walkthrough in progress, as App Home lists it. */
export interface HomeWalkthrough {
  title: string;
  channelId: string;
  startedAt: Date;
  /** The thread's permalink, when Slack gave one. */
  threadLink?: string;
}

/**
 * The App Home tab, in the user's language: how to start a decision, ask a question and read the
 * matrix; the user's latest decisions with their status and thread; the matrix at a glance.
 */
export function renderHome(
  matrix: Matrix,
  decisions: StoredDecision[] | null,
  lang: Lang,
  opts: {
    command: string;
    botMention: string;
    /** Walkthroughs the user started that are in progress; null when the store failed. */
    active?: HomeWalkthrough[] | null;
  },
): HomeView {
  const activeBlocks: KnownBlock[] = [];
  if (opts.active !== undefined) {
    activeBlocks.push(header(t(lang, "homeActive")));
    if (opts.active === null) activeBlocks.push(section(t(lang, "errStore")));
    else if (opts.active.length === 0) activeBlocks.push(section(t(lang, "homeNoActive")));
    else
      activeBlocks.push(
        ...sections(
          opts.active
            .slice(0, 10)
            .map((w) =>
              t(lang, "homeActiveLine", {
                title: escapeText(w.title),
                where: w.threadLink
                  ? `${mentionChannel(w.channelId)} ${link(w.threadLink, t(lang, "historyOpenThread"))}`
                  : mentionChannel(w.channelId),
                date: w.startedAt.toISOString().slice(0, 10),
              }),
            )
            .join("\n"),
        ),
      );
    activeBlocks.push({ type: "divider" });
  }
  const decisionBlocks: KnownBlock[] = [header(t(lang, "homeDecisions"))];
  if (decisions === null) decisionBlocks.push(section(t(lang, "errStore")));
  else if (decisions.length === 0) decisionBlocks.push(section(t(lang, "homeNoDecisions")));
  else
    for (const d of decisions.slice(0, 10)) decisionBlocks.push(...sections(decisionLine(d, lang)));

  // No buttons here: starting a walkthrough or showing the matrix needs a channel to post in, and
  // a click in App Home carries none. The Home tab says how instead, and shows the matrix itself.
  const top: KnownBlock[] = [
    header(t(lang, "helpHeader")),
    section(t(lang, "helpIntro")),
    header(t(lang, "homeGetStarted")),
    section(t(lang, "homeStart", { cmd: opts.command })),
    section(t(lang, "homeAsk", { cmd: opts.command, bot: opts.botMention })),
    section(t(lang, "homeMatrix", { cmd: opts.command })),
    { type: "divider" },
    ...activeBlocks,
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
