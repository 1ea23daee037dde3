import type { Lang } from "../i18n/lang.js";
import type { Capability } from "../matrix/index.js";
import { STAGE_IDS } from "../walkthrough/schema.js";
import type { WalkthroughDef } from "../walkthrough/types.js";
import { t } from "./messages.js";
import type { PlatformChoice } from "./types.js";

const STAGE_KEYS = ["choiceStage1", "choiceStage2", "choiceStage3"] as const;

/** A question's topic, written for sentences ("the current platform"), as a list heading. */
function heading(topic: string, lang: Lang): string {
  if (lang !== "en") return topic;
  const bare = topic.replace(/^the /, "");
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/**
 * The platform-choice answer: the essay's thesis, the three questions (the walkthrough's stages), what
 * the question already answers, and the way in. Without a walkthrough the stages are the catalog's
 * and nothing is known.
 */
export function platformChoice(
  lang: Lang,
  def: WalkthroughDef | undefined,
  prefill: Record<string, string>,
  related: readonly Capability[] = [],
): PlatformChoice {
  const stages = def
    ? def.stages.map((s) => ({ id: s.id, title: s.title[lang] }))
    : STAGE_IDS.map((id, i) => ({
        id,
        title: t(lang, STAGE_KEYS[i] as (typeof STAGE_KEYS)[number]),
      }));
  const known: PlatformChoice["known"] = [];
  for (const question of def?.questions ?? []) {
    const option = question.options.find((o) => o.id === prefill[question.id]);
    if (!option) continue;
    known.push({
      questionId: question.id,
      optionId: option.id,
      topic: heading(question.topic[lang], lang),
      answer: option.label[lang],
    });
  }
  const total = def?.questions.length ?? 0;
  return {
    kind: "platform-choice",
    lang,
    title: t(lang, "choiceTitle"),
    thesis: t(lang, "choiceThesis"),
    stages,
    known,
    prefill: Object.fromEntries(known.map((k) => [k.questionId, k.optionId])),
    total,
    wayIn: t(lang, "choiceWayIn", { total, known: known.length }),
    related: related.map((c) => ({ id: c.id, title: c.title[lang] })),
    knownTitle: t(lang, "choiceKnown"),
    relatedTitle: t(lang, "choiceRelated"),
  };
}
