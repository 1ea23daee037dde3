import type { KnownBlock } from "@slack/types";
import type { PlatformChoice } from "../../core/answer/index.js";
import { escapeText } from "../escape.js";
import { t } from "../messages.js";
import { encode } from "../payloads.js";
import { capabilityButtons } from "./answer.js";
import { HELP_START_ACTION } from "./help.js";
import { actions, button, context, header, sections, truncate } from "./limits.js";
import type { RenderedMessage } from "./message.js";

export interface ChoiceOptions {
  /** The question as the user typed it (escaped here). */
  question?: string;
  /** Who asked, as a mention, when the card is posted for everyone. */
  askedBy?: string;
  /** Who asked, as a user id: the walkthrough credits them with the answers their question gave. */
  askerId?: string;
}

/**
 * The answer to "should we use ECS or EKS?": the thesis and the three questions, what the question
 * already answers, and "Start a walkthrough" (the help-start action), whose value carries those
 * answers and who gave them.
 */
export function renderChoice(model: PlatformChoice, opts: ChoiceOptions = {}): RenderedMessage {
  const { lang } = model;
  const blocks: KnownBlock[] = [header(escapeText(model.title))];
  if (opts.question) {
    const question = escapeText(truncate(opts.question, 300));
    blocks.push(
      context(
        opts.askedBy
          ? t(lang, "cardAsked", { user: opts.askedBy, question })
          : t(lang, "cardYouAsked", { question }),
      ),
    );
  }
  const stages = model.stages.map((s, i) => `${i + 1}. ${escapeText(s.title)}`).join("\n");
  blocks.push(...sections(`${escapeText(model.thesis)}\n${stages}`));
  if (model.known.length > 0) {
    const known = model.known
      .map((k) => `• ${escapeText(k.topic)}: ${escapeText(k.answer)}`)
      .join("\n");
    blocks.push(...sections(`*${escapeText(model.knownTitle)}*\n${known}`));
  }
  blocks.push(context(escapeText(model.wayIn)));
  blocks.push(
    ...actions([
      button({
        actionId: HELP_START_ACTION,
        text: t(lang, "helpStart"),
        value: encode({
          k: "help",
          lang,
          ...(Object.keys(model.prefill).length > 0 ? { p: model.prefill } : {}),
          ...(opts.askerId ? { a: opts.askerId } : {}),
        }),
        style: "primary",
      }),
    ]),
  );
  if (model.related.length > 0) {
    blocks.push(context(escapeText(model.relatedTitle)));
    blocks.push(...actions(capabilityButtons(model.related, lang)));
  }
  return { text: t(lang, "choiceFallback", { known: model.known.length }), blocks };
}
