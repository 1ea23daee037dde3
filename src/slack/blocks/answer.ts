import type { ActionsBlockElement, KnownBlock } from "@slack/types";
import type { AnswerModel, CapabilityCard, NoMatch, SideView } from "../../core/answer/index.js";
import type { Lang } from "../../core/i18n/lang.js";
import { escapeText, link } from "../escape.js";
import { t } from "../messages.js";
import { encode } from "../payloads.js";
import { changeLine } from "./changes.js";
import { renderChoice } from "./choice.js";
import { italic, listSeparator } from "./emphasis.js";
import { HELP_START_ACTION } from "./help.js";
import {
  actions,
  button,
  capBlocks,
  context,
  header,
  LIMITS,
  section,
  sections,
  truncate,
} from "./limits.js";
import type { RenderedMessage } from "./message.js";

export const SHOW_CAPABILITY_ACTION = "answer_show";
export const SHARE_ANSWER_ACTION = "answer_share";

export interface CardOptions {
  /** The question as the user typed it (escaped here). */
  question?: string;
  /** Who asked, as a mention, when the card is posted for everyone. */
  askedBy?: string;
  /** Who shared an ephemeral card with the channel, as a mention. */
  sharedBy?: string;
  /** Ephemeral cards get a "Share in channel" button. */
  shareable?: boolean;
  /**
   * Who asked, as a user id: a platform-choice answer's "Start a walkthrough" credits them with the
   * answers their question gave away.
   */
  askerId?: string;
}

function sideText(lang: Lang, side: SideView): string {
  const uses = side.uses.map((u) => `\`${escapeText(u)}\``).join(listSeparator(lang));
  return [
    `*${escapeText(t(lang, "cardHow", { platform: side.platform }))}* — ${side.mark} ${escapeText(side.supportLabel)}`,
    escapeText(side.summary),
    `${italic(lang, `${t(lang, "cardUses")}:`)} ${uses}`,
  ].join("\n");
}

/** Buttons showing other capabilities (alternatives, suggestions); action ids made unique. */
export function capabilityButtons(
  items: { id: string; title: string }[],
  lang: Lang,
): ActionsBlockElement[] {
  return items.slice(0, 5).map((item, i) =>
    button({
      actionId: `${SHOW_CAPABILITY_ACTION}_${i}`,
      text: item.title,
      value: encode({ k: "cap", id: item.id, lang }),
    }),
  );
}

function renderCard(card: CapabilityCard, opts: CardOptions): RenderedMessage {
  const { lang } = card;
  const blocks: KnownBlock[] = [header(escapeText(card.title))];
  const meta = [`${escapeText(card.category)} · \`${card.id}\``];
  if (opts.sharedBy) {
    meta.push(t(lang, "cardSharedBy", { user: opts.sharedBy }));
    if (opts.question) meta.push(`“${escapeText(truncate(opts.question, 300))}”`);
  } else if (opts.question && opts.askedBy) {
    meta.push(
      t(lang, "cardAsked", {
        user: opts.askedBy,
        question: escapeText(truncate(opts.question, 300)),
      }),
    );
  } else if (opts.question) {
    meta.push(t(lang, "cardYouAsked", { question: escapeText(truncate(opts.question, 300)) }));
  }
  blocks.push(context(...meta));
  blocks.push(...sections(sideText(lang, card.kubernetes)));
  blocks.push(...sections(sideText(lang, card.ecs)));
  blocks.push(...sections(`*${t(lang, "cardImplication")}*\n${escapeText(card.implication)}`));
  const sources = card.sources
    .map((s) => `• ${link(s.url, s.title)}${s.label ? ` (${escapeText(s.label)})` : ""}`)
    .join("\n");
  const note = card.thirdPartyNote ? `\n:warning: ${escapeText(card.thirdPartyNote)}` : "";
  blocks.push(...sections(`*${t(lang, "cardSources")}*\n${sources}${note}`));
  const changes = card.recentChanges ?? [];
  if (changes.length > 0) {
    blocks.push(section(`*${t(lang, "cardRecentChanges")}*`));
    for (const change of changes) blocks.push(context(changeLine(change, lang)));
  }
  const checked = [t(lang, "cardChecked", { date: card.verified, days: card.ageDays })];
  if (card.stale && card.staleNote) checked.push(`:warning: ${escapeText(card.staleNote)}`);
  blocks.push(context(...checked));

  const elements: ActionsBlockElement[] = [];
  if (opts.shareable) {
    elements.push(
      button({
        actionId: SHARE_ANSWER_ACTION,
        text: t(lang, "cardShare"),
        value: encode({
          k: "share",
          id: card.id,
          lang,
          ...(opts.question ? { q: truncate(opts.question, 300) } : {}),
        }),
        style: "primary",
      }),
    );
  }
  elements.push(...capabilityButtons(card.alternatives, lang));
  const tail: KnownBlock[] = [];
  if (card.alternatives.length > 0) tail.push(context(t(lang, "cardAlso")));
  tail.push(...actions(elements));
  const capped = capBlocks(blocks, LIMITS.messageBlocks, t(lang, "cardOverflow"), tail.length);
  return {
    text: t(lang, "cardFallback", {
      title: escapeText(card.title),
      k8s: card.kubernetes.supportLabel,
      ecs: card.ecs.supportLabel,
    }),
    blocks: [...capped, ...(elements.length > 0 ? tail : [])],
  };
}

function renderNoMatch(model: NoMatch, opts: CardOptions): RenderedMessage {
  const { lang } = model;
  const blocks: KnownBlock[] = [];
  if (opts.question) {
    blocks.push(
      context(
        opts.askedBy
          ? t(lang, "cardAsked", {
              user: opts.askedBy,
              question: escapeText(truncate(opts.question, 300)),
            })
          : t(lang, "cardYouAsked", { question: escapeText(truncate(opts.question, 300)) }),
      ),
    );
  }
  blocks.push(...sections(escapeText(model.message)));
  blocks.push(...actions(capabilityButtons(model.suggestions, lang)));
  blocks.push(...sections(t(lang, "noMatchOr")));
  blocks.push(
    ...actions([
      button({
        actionId: HELP_START_ACTION,
        text: t(lang, "helpStart"),
        value: encode({ k: "help", lang }),
        style: "primary",
      }),
    ]),
  );
  return { text: t(lang, "noMatchFallback"), blocks };
}

/** The answer card (or the polite no-match) as a message. */
export function renderAnswer(model: AnswerModel, opts: CardOptions = {}): RenderedMessage {
  if (model.kind === "platform-choice") return renderChoice(model, opts);
  return model.kind === "capability" ? renderCard(model, opts) : renderNoMatch(model, opts);
}
