import { normalize } from "./text.js";

/**
 * Cues: short patterns that say a question gives away a walkthrough answer ("zero kubernetes
 * experience" → k8s-experience = none). They live in data (data/walkthrough.yml, each option's
 * `cues`), so a new option needs no code. A cue is a sequence of slots separated by spaces:
 *
 * - `word|other|third`: one of these; `+` joins words inside one alternative (`all+in`); a trailing
 *   `*` makes an alternative a prefix (`experienc*`); English alternatives of four letters or more
 *   also match their inflections (service → services, served);
 * - `…` (or `...`): a gap of a few words within the same sentence, with no negation in it;
 * - `#1-10`: a number in that range, written in digits, in English words or in kanji (一〜十).
 *
 * Matching is case-, width- and hyphen-insensitive (multi-cloud = multi cloud). A cue without a
 * negation of its own is dropped when the text negates it ("we don't have a platform team",
 * 「本番で運用したことはない」).
 */

export type Slot =
  | { kind: "words"; alternatives: string[] }
  | { kind: "gap" }
  | { kind: "number"; min: number; max: number };

export interface Cue {
  source: string;
  slots: Slot[];
  /** Whether the cue itself says no ("no ops team", 「経験がない」): then it is not negated again. */
  negative: boolean;
}

/** A gap spans at most this many characters (a few words). */
const GAP_CHARS = 36;
/** What may stand between two adjacent slots. */
const ADJACENT = /^[\s'"“”‘’()（）「」]{0,3}$/;
/** Where a sentence ends: a gap never crosses it. */
const SENTENCE_END = /[.!?。！？\n;；]/;
const LATIN = /[a-z0-9]/;
const INFLECTION = /^(?:s|es|ed|d|ing|er|ers|ly)(?![a-z0-9])/;

const JA_NEGATION = /ない|なし|無い|ません|おらず|未経験|いません/;
/** A negation in English: a negative word or an n't form. */
const EN_NEGATION =
  /(?:^|[^a-z0-9'])(?:no|not|never|none|nobody|zero|without|lack(?:ing)?|neither|nor|[a-z]+n't|dont|doesnt|didnt|havent|hasnt|isnt|arent|wasnt|wont|cant)(?![a-z0-9'])/;
/** 「しかない」「しかありません」 say "only", not "no". */
const JA_ONLY = /しか(?:ない|ありません|いない|いません)/g;

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  dozen: 12,
  couple: 2,
};
const KANJI_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** How a text and a cue are compared: NFKC, lowercase, one kind of apostrophe, hyphens as spaces. */
export function cueText(text: string): string {
  return normalize(text)
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[-_/]+/g, " ")
    .replace(/\s+/g, " ");
}

/** Parses a cue; throws on an empty slot or a cue that starts or ends with a gap. */
export function parseCue(source: string): Cue {
  const slots: Slot[] = [];
  let negative = false;
  for (const token of source.trim().split(/\s+/)) {
    if (token === "…" || token === "...") {
      slots.push({ kind: "gap" });
      continue;
    }
    const number = /^#(\d+)-(\d+)$/.exec(token);
    if (number) {
      slots.push({ kind: "number", min: Number(number[1]), max: Number(number[2]) });
      continue;
    }
    const alternatives = token.split("|").map((a) => cueText(a.replace(/\+/g, " ")).trim());
    if (alternatives.some((a) => a === "" || a === "*")) {
      throw new Error(`cue "${source}": empty alternative in "${token}"`);
    }
    if (alternatives.some((a) => a.startsWith("#") || a.includes("…"))) {
      throw new Error(
        `cue "${source}": a number or a gap is a slot of its own, not an alternative`,
      );
    }
    if (alternatives.some((a) => EN_NEGATION.test(` ${a}`) || JA_NEGATION.test(a))) negative = true;
    slots.push({ kind: "words", alternatives });
  }
  const first = slots[0];
  const last = slots[slots.length - 1];
  if (!first || !last || first.kind === "gap" || last.kind === "gap") {
    throw new Error(`cue "${source}": must start and end with words`);
  }
  if (slots.some((s, i) => s.kind === "gap" && slots[i + 1]?.kind === "gap")) {
    throw new Error(`cue "${source}": two gaps in a row`);
  }
  return { source, slots, negative };
}

/** Whether a cue parses (for data validation). */
export function isValidCue(source: string): boolean {
  try {
    parseCue(source);
    return true;
  } catch {
    return false;
  }
}

interface Span {
  start: number;
  end: number;
}

/** Every place one alternative of a slot occurs, as [start, end) spans. */
function wordSpans(text: string, alternatives: string[]): Span[] {
  const spans: Span[] = [];
  for (const raw of alternatives) {
    const prefix = raw.endsWith("*");
    const alt = prefix ? raw.slice(0, -1) : raw;
    const latinStart = LATIN.test(alt[0] as string);
    const latinEnd = LATIN.test(alt[alt.length - 1] as string);
    for (let at = text.indexOf(alt); at >= 0; at = text.indexOf(alt, at + 1)) {
      if (latinStart && at > 0 && LATIN.test(text[at - 1] as string)) continue;
      let end = at + alt.length;
      if (latinEnd && !prefix && end < text.length && LATIN.test(text[end] as string)) {
        const lastWord = alt.slice(alt.lastIndexOf(" ") + 1);
        const inflection = lastWord.length >= 4 ? INFLECTION.exec(text.slice(end, end + 4)) : null;
        if (!inflection) continue;
        end += inflection[0].length;
      } else if (prefix) {
        while (end < text.length && LATIN.test(text[end] as string)) end++;
      }
      spans.push({ start: at, end });
    }
  }
  return spans;
}

/** Every number in a text within [min, max]: digits, English number words, a kanji digit. */
function numberSpans(text: string, min: number, max: number): Span[] {
  const spans: Span[] = [];
  const inRange = (n: number) => n >= min && n <= max;
  for (const m of text.matchAll(/\d+(?:,\d{3})*/g)) {
    const start = m.index;
    const end = start + m[0].length;
    // "ec2", "k8s", "1.29" are names and versions, not counts.
    if (start > 0 && /[a-z.]/.test(text[start - 1] as string)) continue;
    if (
      end < text.length &&
      /[a-z0-9.]/.test(text[end] as string) &&
      !/^(?:x|k)\b/.test(text.slice(end))
    )
      continue;
    if (inRange(Number(m[0].replace(/,/g, "")))) spans.push({ start, end });
  }
  for (const m of text.matchAll(/[a-z]+/g)) {
    const value = NUMBER_WORDS[m[0]];
    if (value !== undefined && inRange(value))
      spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(/[一二三四五六七八九十]/g)) {
    const value = KANJI_DIGITS[m[0]] as number;
    // Only a kanji digit standing alone (三人), not one inside a word (一番, 十分).
    const next = text[m.index + 1] ?? "";
    if (inRange(value) && /[人名つ個本台]/.test(next)) {
      spans.push({ start: m.index, end: m.index + 1 });
    }
  }
  return spans;
}

function spansOf(text: string, slot: Exclude<Slot, { kind: "gap" }>): Span[] {
  return slot.kind === "number"
    ? numberSpans(text, slot.min, slot.max)
    : wordSpans(text, slot.alternatives);
}

/** A text made ready for matching many cues: where sentences end and where negations stand. */
export interface PreparedText {
  text: string;
  /** sentenceEnds[i]: how many sentence ends stand before position i. */
  sentenceEnds: Int32Array;
  /** negations[i]: how many negations start before position i. */
  negations: Int32Array;
}

export function prepareText(raw: string): PreparedText {
  // 「1人しかいません」 says "only one", not "nobody": blanked, so no cue reads it as a negation.
  const text = cueText(raw).replace(JA_ONLY, (m) => " ".repeat(m.length));
  const n = text.length;
  const sentenceEnds = new Int32Array(n + 1);
  const negationAt = new Uint8Array(n + 1);
  for (const m of text.matchAll(new RegExp(EN_NEGATION.source, "g"))) {
    negationAt[m.index + (/^[a-z0-9']/.test(m[0]) ? 0 : 1)] = 1;
  }
  for (const m of text.matchAll(new RegExp(JA_NEGATION.source, "g"))) negationAt[m.index] = 1;
  const negations = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    sentenceEnds[i + 1] =
      (sentenceEnds[i] as number) + (SENTENCE_END.test(text[i] as string) ? 1 : 0);
    negations[i + 1] = (negations[i] as number) + (negationAt[i] as number);
  }
  return { text, sentenceEnds, negations };
}

const count = (prefix: Int32Array, from: number, to: number) =>
  (prefix[to] as number) - (prefix[from] as number);

/** Whether the text around a match negates it: a negation just before (English) or after (Japanese). */
function negatedAround(p: PreparedText, span: Span): boolean {
  const { text } = p;
  let from = Math.max(0, span.start - 30);
  while (from < span.start && count(p.sentenceEnds, from, span.start) > 0) from++;
  const lastWords = text.slice(from, span.start).trim().split(/\s+/).slice(-3).join(" ");
  if (EN_NEGATION.test(` ${lastWords}`)) return true;
  const after = text.slice(span.end, span.end + 12);
  const cut = after.search(SENTENCE_END);
  const clause = (cut >= 0 ? after.slice(0, cut) : after).replace(JA_ONLY, "");
  return /^[^a-z]{0,6}?(?:ない|なし|無い|ません|おらず)/.test(clause);
}

/**
 * The longest span of the text a cue matches, or null. Each slot's occurrences are found with
 * indexOf, then chained left to right, each occurrence looking back only as far as a gap reaches:
 * the cost is linear in the text for a fixed set of cues.
 */
export function matchCue(p: PreparedText, cue: Cue): Span | null {
  const { text } = p;
  // Chains so far, by where they end: the earliest start of a chain ending there.
  let reach = new Map<number, number>();
  let gapBefore = false;
  let first = true;
  for (const slot of cue.slots) {
    if (slot.kind === "gap") {
      gapBefore = true;
      continue;
    }
    const spans = spansOf(text, slot).sort((a, b) => a.start - b.start);
    const next = new Map<number, number>();
    const limit = gapBefore ? GAP_CHARS : 3;
    for (const span of spans) {
      if (first) {
        keepEarliest(next, span.end, span.start);
        continue;
      }
      for (let end = Math.max(0, span.start - limit); end <= span.start; end++) {
        const start = reach.get(end);
        if (start === undefined) continue;
        const fits = gapBefore
          ? count(p.sentenceEnds, end, span.start) === 0 &&
            (cue.negative || count(p.negations, end, span.start) === 0)
          : ADJACENT.test(text.slice(end, span.start));
        if (fits) keepEarliest(next, span.end, start);
      }
    }
    reach = next;
    first = false;
    gapBefore = false;
    if (reach.size === 0) return null;
  }
  let longest: Span | null = null;
  for (const [end, start] of reach) {
    const span = { start, end };
    if (!cue.negative && negatedAround(p, span)) continue;
    if (!longest || end - start > longest.end - longest.start) longest = span;
  }
  return longest;
}

function keepEarliest(map: Map<number, number>, end: number, start: number): void {
  const known = map.get(end);
  if (known === undefined || start < known) map.set(end, start);
}
