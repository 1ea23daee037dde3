import type { KnownBlock } from "@slack/types";
import type { DecisionView } from "../../core/decision/index.js";
import { escapeText, link, mentionUser } from "../escape.js";
import { t } from "../messages.js";
import { encode } from "../payloads.js";
import {
  actions,
  button,
  capBlocks,
  context,
  fieldsSection,
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
 * The finished walkthrough: recommendation and lean, scores, reasons by stage, what would change the
 * answer, what you will need, who took part; with "Post to channel…", "Decision record", "Revisit".
 */
export function renderSummary(view: DecisionView, opts: SummaryOptions): RenderedMessage {
  const { lang } = view;
  const title = escapeText(opts.title);
  const blocks: KnownBlock[] = [
    header(view.headline),
    ...sections(`*${title}*\n${escapeText(view.summary)}`),
    context(escapeText(view.scores.line)),
  ];

  for (const stage of view.reasons.stages) {
    const lines = stage.items.map((r) => {
      const why = escapeText(truncate(r.why, 400));
      return `• ${escapeText(r.topic)}: *${escapeText(r.answer)}* — ${escapeText(r.leanLabel)}\n      _${why}_`;
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
          ? bullets(view.flips.items.slice(0, 12).map((f) => f.sentence))
          : escapeText(view.flips.none)
      }`,
    ),
  );

  if (view.needs.ecs.items.length + view.needs.eks.items.length > 0) {
    blocks.push(...sections(`*${escapeText(view.needs.title)}*`));
    blocks.push(
      ...fieldsSection([
        ...[view.needs.ecs, view.needs.eks].map(
          (list) =>
            `*${escapeText(list.title)}*\n${bullets(list.top) || t(lang, "sumNone")}${list.more ? `\n_${escapeText(list.more)}_` : ""}`,
        ),
      ]),
    );
  } else {
    blocks.push(...sections(`*${escapeText(view.needs.title)}*\n${escapeText(view.needs.none)}`));
  }

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
