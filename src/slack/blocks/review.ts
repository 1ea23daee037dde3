import type { KnownBlock, ModalView } from "@slack/types";
import type { Lang } from "../../core/i18n/lang.js";
import type { FactChangeView } from "../../core/review/index.js";
import { escapeText } from "../escape.js";
import { t } from "../messages/review.js";
import { encode, type RevisitModalMetadata, type Unversioned } from "../payloads.js";
import { actions, button, capBlocks, context, LIMITS, plain, section, truncate } from "./limits.js";
import type { RenderedMessage } from "./message.js";
import { REVISIT_ACTION } from "./summary.js";

export const REVISIT_DATE_CALLBACK = "summary_revisit_date";
export const DATE_BLOCK = "revisit_date";
export const DATE_ACTION = "revisit_date_pick";

/** One changed fact: its title and id, a line per side that changed, and its change-log entries. */
function changeText(change: FactChangeView, lang: Lang): string {
  const id = `\`${escapeText(change.capabilityId)}\``;
  const lines = [`• *${escapeText(change.title)}*${lang === "ja" ? `（${id}）` : ` (${id})`}`];
  for (const line of change.lines) lines.push(`    ${escapeText(truncate(line, 400))}`);
  if (change.entries.length > 0) {
    lines.push(
      `    ${t(lang, "factsLog")}: ${change.entries.map((e) => escapeText(e)).join(lang === "ja" ? "、" : "; ")}`,
    );
  }
  return lines.join("\n");
}

function revisitButton(decisionId: string, lang: Lang) {
  return actions([
    button({
      actionId: REVISIT_ACTION,
      text: t(lang, "revisitButton"),
      value: encode({ k: "dec", d: decisionId }),
    }),
  ]);
}

/**
 * The message a decision's thread gets when facts it relied on changed: what changed (old → new),
 * the change log for each, whether the recommendation would now differ, and a Revisit button.
 */
export function renderFactsAlert(o: {
  decisionId: string;
  title: string;
  lang: Lang;
  matrixBefore: string;
  matrixAfter: string;
  changes: FactChangeView[];
  verdict: string;
}): RenderedMessage {
  const { lang } = o;
  const head = `*${t(lang, "factsTitle")}*`;
  const blocks: KnownBlock[] = [
    section(head),
    ...o.changes.map((c) => section(changeText(c, lang))),
    section(escapeText(o.verdict)),
    context(escapeText(t(lang, "factsMatrix", { before: o.matrixBefore, after: o.matrixAfter }))),
    ...revisitButton(o.decisionId, lang),
  ];
  return {
    text: truncate(
      `${t(lang, "factsFallback", { title: escapeText(o.title) })}. ${escapeText(o.verdict)}`,
      LIMITS.fallbackText,
    ),
    blocks: capBlocks(blocks, LIMITS.messageBlocks, "…", 0),
  };
}

/** The reminder on a decision's revisit date, with what changed since it was made. */
export function renderRevisitReminder(o: {
  decisionId: string;
  title: string;
  lang: Lang;
  date: string;
  changes: FactChangeView[];
  /** Change-log lines since the decision for what it relied on (when no fact changed). */
  logged: string[];
  verdict: string | null;
}): RenderedMessage {
  const { lang } = o;
  const blocks: KnownBlock[] = [section(`*${t(lang, "reminderTitle", { date: o.date })}*`)];
  if (o.changes.length > 0) {
    blocks.push(section(t(lang, "reminderChanged")));
    blocks.push(...o.changes.map((c) => section(changeText(c, lang))));
    if (o.verdict) blocks.push(section(escapeText(o.verdict)));
  } else {
    blocks.push(section(t(lang, "reminderNoChange")));
    if (o.logged.length > 0) {
      blocks.push(
        section(
          `${t(lang, "reminderLog")}\n${o.logged.map((l) => `• ${escapeText(l)}`).join("\n")}`,
        ),
      );
    }
  }
  blocks.push(...revisitButton(o.decisionId, lang));
  return {
    text: truncate(
      t(lang, "reminderFallback", { title: escapeText(o.title) }),
      LIMITS.fallbackText,
    ),
    blocks: capBlocks(blocks, LIMITS.messageBlocks, "…", 0),
  };
}

/** "Change revisit date": a date picker set to the current date; the metadata names the decision. */
export function renderRevisitDateModal(
  meta: Unversioned<RevisitModalMetadata>,
  o: { title: string; lang: Lang; initialDate?: string },
): ModalView {
  const { lang } = o;
  return {
    type: "modal",
    callback_id: REVISIT_DATE_CALLBACK,
    private_metadata: encode(meta),
    title: plain(t(lang, "dateModalTitle"), LIMITS.modalTitle, false),
    submit: plain(t(lang, "dateModalSubmit"), LIMITS.modalTitle, false),
    close: plain(t(lang, "dateModalClose"), LIMITS.modalTitle, false),
    blocks: [
      section(t(lang, "dateModalIntro", { title: escapeText(truncate(o.title, 200)) })),
      {
        type: "input",
        block_id: DATE_BLOCK,
        label: plain(t(lang, "dateModalLabel"), LIMITS.inputLabel, false),
        element: {
          type: "datepicker",
          action_id: DATE_ACTION,
          ...(o.initialDate ? { initial_date: o.initialDate } : {}),
        },
      },
    ],
  };
}
