import type { HomeView, KnownBlock } from "@slack/types";
import { isoDate } from "../../core/clock.js";
import type { Lang } from "../../core/i18n/lang.js";
import type { Matrix } from "../../core/matrix/index.js";
import type { StoredDecision } from "../../store/index.js";
import { escapeText, link, mentionChannel } from "../escape.js";
import { t as th } from "../messages/shortcuts-home.js";
import { t } from "../messages.js";
import { encode } from "../payloads.js";
import { decisionLine } from "./history.js";
import {
  actions,
  button,
  capBlocks,
  context,
  header,
  LIMITS,
  section,
  sections,
} from "./limits.js";
import { matrixSections } from "./matrix.js";

/** App Home's buttons. Start opens the start modal; Ask and Matrix open modals of their own. */
export const HOME_START_ACTION = "home_start_decision";
export const HOME_ASK_ACTION = "home_ask";
export const HOME_MATRIX_ACTION = "home_matrix";
const HOME_BUTTONS_BLOCK = "home_buttons";

/** The three buttons under "Get started", in the user's language. */
export function homeButtons(lang: Lang): KnownBlock[] {
  const value = encode({ k: "home", lang });
  return actions(
    [
      button({
        actionId: HOME_START_ACTION,
        text: th(lang, "homeButtonStart"),
        value,
        style: "primary",
      }),
      button({ actionId: HOME_ASK_ACTION, text: th(lang, "homeButtonAsk"), value }),
      button({ actionId: HOME_MATRIX_ACTION, text: th(lang, "homeButtonMatrix"), value }),
    ],
    HOME_BUTTONS_BLOCK,
  );
}

/** A walkthrough in progress, as App Home lists it. */
export interface HomeWalkthrough {
  title: string;
  channelId: string;
  startedAt: Date;
  /** The thread's permalink, when Slack gave one. */
  threadLink?: string;
}

/**
 * The App Home tab, in the user's language: buttons to start a decision, ask a question and open
 * the matrix, and how to do each from a channel; the user's walkthroughs in progress and latest
 * decisions with their status and thread; the matrix at a glance.
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
    /** Each listed decision's version in its thread (one line per thread, its latest version). */
    versions?: ReadonlyMap<string, number>;
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
                date: isoDate(w.startedAt),
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
    for (const d of decisions.slice(0, 10))
      decisionBlocks.push(...sections(decisionLine(d, lang, opts.versions?.get(d.id))));

  // A click in App Home carries no channel: its buttons open modals (the start modal picks the
  // channel), and the sections below them say how to do the same from a channel.
  const top: KnownBlock[] = [
    header(t(lang, "helpHeader")),
    section(t(lang, "helpIntro")),
    header(t(lang, "homeGetStarted")),
    ...homeButtons(lang),
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
