import { systemClock } from "../clock.js";
import { detectLang, type Lang } from "../i18n/lang.js";
import type { Capability, Matrix } from "../matrix/index.js";
import { capabilityCard, didYouMean, noMatch } from "./card.js";
import { platformChoice } from "./choice.js";
import { MAX_ANALYSED_CHARS, MatrixIndex } from "./matcher.js";
import { type CueEntry, compileCues, findPrefill, prefillAnswers } from "./prefill.js";
import { choiceSignals, routeOf } from "./route.js";
import type { Answerer, AnswererOptions, AnswerResult, Scored } from "./types.js";

export { capabilityCard, suggestions } from "./card.js";
export { platformChoice } from "./choice.js";
export type { Route } from "./route.js";
export type {
  Answerer,
  AnswererOptions,
  AnswerModel,
  AnswerOptions,
  AnswerResult,
  CapabilityCard,
  NoMatch,
  PlatformChoice,
  Scored,
  SideView,
} from "./types.js";

/**
 * Builds the matching index once, on the first question (building it allocates some 13 MB of
 * short-lived garbage that a process keeps as resident memory: a bot that is never asked anything
 * should not pay for it); `answer` is then a pure, fast lookup.
 *
 * A question goes to a capability, to the platform choice, or to nothing (see route.ts): the
 * platform choice comes with the walkthrough answers the question gives away (prefill.ts).
 */
export function createAnswerer(matrix: Matrix, options: AnswererOptions = {}): Answerer {
  const clock = options.clock ?? systemClock;
  const def = options.walkthrough;
  let index: MatrixIndex | undefined;
  let cues: CueEntry[] | undefined;
  return {
    answer(question: string, lang?: Lang): AnswerResult {
      const answerLang = lang ?? detectLang(question) ?? "en";
      // Platform events (data/changes.yml) name the capabilities they affect: "is App Runner going
      // away?" is answered by the card that shows that change.
      index ??= new MatrixIndex(
        matrix,
        (options.changes?.changes ?? []).map((c) => ({
          aliases: [...c.aliases.en, ...c.aliases.ja],
          capabilities: c.capabilities,
        })),
      );
      // Only the start of a long message is analysed, by the matcher and by the router alike.
      const text = question.slice(0, MAX_ANALYSED_CHARS);
      const ranking = index.rank(text);
      const { best, top, alternatives, clarify } = index.pickFrom(ranking);
      const scored: Scored[] = alternatives.map((r) => ({
        capability: r.capability,
        confidence: r.confidence,
      }));
      const signals = choiceSignals(text, ranking.units);
      cues ??= def ? compileCues(def) : [];
      const given = signals.choice && def ? findPrefill(def, cues, text) : [];
      // Something for a capability to answer besides generic words: "ECS or EKS for our team?" and
      // "is it worth migrating from ECS to EKS?" have none ("team", "migrate" say who and what
      // happens, not what about).
      const topic = [best, ...(clarify ?? [])].some((r) => r && r.about > 0);
      const route = routeOf(signals, topic, given.length > 0);
      if (route === "decide") {
        const prefill = prefillAnswers(given);
        const related: Capability[] = best
          ? [best.capability]
          : (clarify ?? []).map((r) => r.capability);
        return {
          route,
          prefill,
          lang: answerLang,
          capability: null,
          confidence: 1,
          alternatives: [],
          model: platformChoice(answerLang, def, prefill, related),
        };
      }
      if (!best) {
        return {
          route: "none",
          prefill: {},
          lang: answerLang,
          capability: null,
          confidence: top?.confidence ?? 0,
          alternatives: scored,
          model: clarify
            ? didYouMean(answerLang, clarify[0].capability, clarify[1].capability)
            : noMatch(
                matrix,
                answerLang,
                alternatives.map((r) => r.capability),
              ),
        };
      }
      return {
        route: "capability",
        prefill: {},
        lang: answerLang,
        capability: best.capability,
        confidence: best.confidence,
        alternatives: scored,
        model: capabilityCard(matrix, best.capability, answerLang, {
          now: clock(),
          ...(options.maxAgeDays !== undefined ? { maxAgeDays: options.maxAgeDays } : {}),
          ...(options.changes ? { changes: options.changes } : {}),
          alternatives: alternatives.map((r) => r.capability),
        }),
      };
    },
  };
}
