import type { KnownBlock } from "@slack/types";
import type { DecisionView } from "../../core/decision/index.js";
import { escapeText, link, mentionUser } from "../escape.js";
import { t } from "../messages.js";
import { encode } from "../payloads.js";
import { italic } from "./emphasis.js";
import {
  actions,
  button,
  capBlocks,
  context,
  header,
  LIMITS,
  sections,
  truncate,
} from "./limits.js";
import type { RenderedMessage } from "./message.js";

export const POST_SUMMARY_ACTION = "summary_post";
export const RECORD_ACTION = "summary_record";
export const REVISIT_ACTION = "summary_revisit";

export interface SummaryOptions {
  title: string;
  participants: string[];
  /** The stored decision's id: present → the summary carries its buttons. */
  decisionId?: string;
  /** Link back to the walkthrough's thread (for copies posted elsewhere). */
  threadLink?: string;
  /** Who posted a copy to another channel. */
  postedBy?: string;
}

function bullets(items: string[]): string {
  return items.map((i) => `• ${escapeText(i)}`).join("\n");
}

/**
 * The finished walkthrough: recommendation and lean, scores, the hard constraints that decided, how to
 * run it, reasons by stage, what would change the answer, what you will need, who took part; with
 * "Post to channel…", "Decision record", "Revisit".
 */
export function renderSummary(view: DecisionView, opts: SummaryOptions): RenderedMessage {
  const { lang } = view;
  const title = escapeText(opts.title);
  const blocks: KnownBlock[] = [
    header(view.headline),
    ...sections(`*${title}*\n${escapeText(view.summary)}`),
    context(escapeText(view.scores.line)),
  ];
  if (view.must.items.length > 0) {
    const items = view.must.items.map((m) => (m.fact ? `${m.because} ${m.fact}` : m.because));
    blocks.push(...sections(`*${escapeText(view.must.title)}*\n${bullets(items)}`));
  }
  if (view.capacity) {
    const c = view.capacity.choice;
    blocks.push(
      ...sections(
        `*${escapeText(view.capacity.title)}: ${escapeText(c.name)}*\n${escapeText(c.why)} ${escapeText(c.fee)}`,
      ),
    );
  }

  for (const stage of view.reasons.stages) {
    const lines = stage.items.map((r) => {
      const why = escapeText(truncate(r.why, 400));
      return `• ${escapeText(r.topic)}: *${escapeText(r.answer)}* — ${escapeText(r.leanLabel)}\n      ${italic(lang, why)}`;
    });
    blocks.push(
      ...sections(
        `*${escapeText(view.reasons.title)} · ${escapeText(stage.title)}*\n${lines.join("\n")}`,
      ),
    );
  }

  blocks.push(
    ...sections(
      `*${escapeText(view.flips.title)}*\n${
        view.flips.items.length > 0
          ? bullets(view.flips.items.map((f) => f.sentence))
          : escapeText(view.flips.none)
      }`,
    ),
  );

  // The bill of materials, by stage, one line each; the record has the why of every item.
  const needs = view.needs.stages.map(
    (stage) =>
      `${italic(lang, escapeText(stage.title))}\n${bullets(stage.items.map((item) => truncate(item.line, 300)))}`,
  );
  blocks.push(
    ...sections(
      `*${escapeText(view.needs.title)}*\n${needs.length > 0 ? needs.join("\n") : escapeText(view.needs.none)}`,
    ),
  );

  if (view.unanswered.items.length > 0) {
    blocks.push(
      ...sections(`*${escapeText(view.unanswered.title)}*\n${bullets(view.unanswered.items)}`),
    );
  }

  const footer: string[] = [];
  if (opts.participants.length > 0) {
    footer.push(t(lang, "sumTookPart", { users: opts.participants.map(mentionUser).join(", ") }));
  }
  if (opts.threadLink)
    footer.push(t(lang, "sumDecidedIn", { link: link(opts.threadLink, t(lang, "sumThread")) }));
  if (opts.postedBy) footer.push(t(lang, "sumPostedBy", { user: mentionUser(opts.postedBy) }));
  footer.push(escapeText(view.versions));

  const tail: KnownBlock[] = [context(...footer)];
  if (opts.decisionId) {
    const value = encode({ k: "dec", d: opts.decisionId });
    tail.push(
      ...actions([
        button({ actionId: POST_SUMMARY_ACTION, text: t(lang, "sumPostToChannel"), value }),
        button({ actionId: RECORD_ACTION, text: t(lang, "sumRecord"), value }),
        button({ actionId: REVISIT_ACTION, text: t(lang, "sumRevisit"), value }),
      ]),
    );
  }
  return {
    text: t(lang, "sumFallback", { title, headline: escapeText(view.headline) }),
    blocks: [...capBlocks(blocks, LIMITS.messageBlocks, "…", tail.length), ...tail],
  };
}
