import type { Option, WalkthroughDef } from "../walkthrough/types.js";
import { type Cue, cueText, matchCue, type PreparedText, parseCue, prepareText } from "./cue.js";
import { isStopWord } from "./text.js";

/**
 * What a question already tells the walkthrough: "ecs or eks for a 4 person team with zero kubernetes
 * experience?" answers k8s-experience (none) and ops-team (none). Each option's cues (data) say which
 * phrases give it away; an option without cues is given away by the phrases of its label. For each
 * walkthrough question the option whose cue covers the most of the text wins (a longer phrase says
 * more: "our SRE team is two people" is a small ops team, not a team of two with no ops).
 */
export interface CueEntry {
  questionId: string;
  optionId: string;
  cue: Cue;
}

export interface PrefillMatch {
  questionId: string;
  optionId: string;
  /** Where in the analysed text the cue matched, and the cue. */
  start: number;
  end: number;
  cue: string;
}

/** Labels that name a platform describe the choice itself ("Amazon ECS"), never a situation. */
const PLATFORM = /\b(?:ecs|eks|kubernetes|k8s|amazon|aws)\b/;

/**
 * Cues read from an option's label when the data gives none: its parts between commas, brackets and
 * "or"/"and" ("Hundreds of services or a large fleet" → "hundreds of services", "large fleet"), each
 * kept when it is specific enough: two words or more, or one word of four letters or more that is not
 * a stop word, and no platform name (「AWS とオンプレミス」 → 「オンプレミス」).
 */
export function labelCues(option: Option): string[] {
  const out: string[] = [];
  for (const label of [option.label.en, option.label.ja]) {
    for (const raw of label.split(/[,、()（）:：;；…・]|\s(?:or|and)\s|と|や/)) {
      const words = cueText(raw)
        .trim()
        .replace(/^(?:a|an|the|our|we|your)\s+/, "")
        .split(" ")
        .filter(Boolean);
      if (words.length === 0 || words.some((w) => PLATFORM.test(w))) continue;
      const phrase = words.join(" ");
      const japanese = /[\u3040-\u30ff\u3400-\u9fff]/.test(phrase);
      const specific = japanese
        ? phrase.replace(/[\u3040-\u309f\s]/g, "").length >= 3
        : words.length >= 2 || ((words[0]?.length ?? 0) >= 4 && !isStopWord(words[0] as string));
      // One alternative per slot; `|`, `…` and `#` would read as cue syntax.
      if (specific && !/[|…#*+]/.test(phrase)) out.push(words.join(" "));
    }
  }
  return out;
}

/** Every cue of a walkthrough, compiled once. */
export function compileCues(def: WalkthroughDef): CueEntry[] {
  const entries: CueEntry[] = [];
  for (const question of def.questions) {
    for (const option of question.options) {
      const given = [...(option.cues?.en ?? []), ...(option.cues?.ja ?? [])];
      const sources = option.cues ? given : labelCues(option);
      for (const source of sources) {
        entries.push({ questionId: question.id, optionId: option.id, cue: parseCue(source) });
      }
    }
  }
  return entries;
}

/** The walkthrough answers a text gives away, at most one per question, in walkthrough order. */
export function findPrefill(
  def: WalkthroughDef,
  cues: readonly CueEntry[],
  text: string | PreparedText,
): PrefillMatch[] {
  const prepared = typeof text === "string" ? prepareText(text) : text;
  const best = new Map<string, PrefillMatch>();
  for (const entry of cues) {
    const span = matchCue(prepared, entry.cue);
    if (!span) continue;
    const known = best.get(entry.questionId);
    const longer = !known || span.end - span.start > known.end - known.start;
    const sameButEarlier =
      known && span.end - span.start === known.end - known.start && span.start < known.start;
    if (longer || sameButEarlier) {
      best.set(entry.questionId, {
        questionId: entry.questionId,
        optionId: entry.optionId,
        start: span.start,
        end: span.end,
        cue: entry.cue.source,
      });
    }
  }
  return def.questions.flatMap((q) => {
    const match = best.get(q.id);
    return match ? [match] : [];
  });
}

/** {questionId: optionId} of the matches. */
export function prefillAnswers(matches: readonly PrefillMatch[]): Record<string, string> {
  return Object.fromEntries(matches.map((m) => [m.questionId, m.optionId]));
}
