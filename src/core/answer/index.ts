import { systemClock } from "../clock.js";
import { detectLang, type Lang } from "../i18n/lang.js";
import type { Matrix } from "../matrix/index.js";
import { capabilityCard, noMatch } from "./card.js";
import { MatrixIndex } from "./matcher.js";
import type { Answerer, AnswererOptions, AnswerResult, Scored } from "./types.js";

export { capabilityCard, suggestions } from "./card.js";
export type {
  Answerer,
  AnswererOptions,
  AnswerModel,
  AnswerOptions,
  AnswerResult,
  CapabilityCard,
  NoMatch,
  Scored,
  SideView,
} from "./types.js";

/**
 * Builds the matching index once, on the first question (building it allocates some 13 MB of
 * short-lived garbage that a process keeps as resident memory: a bot that is never asked anything
 * should not pay for it); `answer` is then a pure, fast lookup.
 */
export function createAnswerer(matrix: Matrix, options: AnswererOptions = {}): Answerer {
  const clock = options.clock ?? systemClock;
  let index: MatrixIndex | undefined;
  return {
    answer(question: string, lang?: Lang): AnswerResult {
      const answerLang = lang ?? detectLang(question) ?? "en";
      index ??= new MatrixIndex(matrix);
      const { best, top, alternatives } = index.pick(question);
      const scored: Scored[] = alternatives.map((r) => ({
        capability: r.capability,
        confidence: r.confidence,
      }));
      if (!best) {
        return {
          lang: answerLang,
          capability: null,
          confidence: top?.confidence ?? 0,
          alternatives: scored,
          model: noMatch(
            matrix,
            answerLang,
            alternatives.map((r) => r.capability),
          ),
        };
      }
      return {
        lang: answerLang,
        capability: best.capability,
        confidence: best.confidence,
        alternatives: scored,
        model: capabilityCard(matrix, best.capability, answerLang, {
          now: clock(),
          ...(options.maxAgeDays !== undefined ? { maxAgeDays: options.maxAgeDays } : {}),
          alternatives: alternatives.map((r) => r.capability),
        }),
      };
    },
  };
}
