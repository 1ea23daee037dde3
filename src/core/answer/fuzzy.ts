import { LRUCache } from "lru-cache";

/**
 * Typo-tolerant lookup of English words in a fixed vocabulary: a word that is not in the vocabulary is
 * matched to the vocabulary words within a small edit distance (optimal string alignment: insertions,
 * deletions, substitutions, adjacent transpositions) or that it is a near prefix of (deploy ↔ deployment).
 *
 * A plain scan: the vocabulary is a few thousand words, bucketed by length, and a word may only be
 * within two edits of words at most two letters longer or shorter; the bounded distance gives up after
 * a few letters for almost every candidate. No index to build or keep in memory.
 */
export interface FuzzyHit {
  term: string;
  /** 0..1: how sure the correction is. */
  quality: number;
}

/** How many edits a word of this length may have. */
function maxEdits(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

/**
 * How sure a correction is: one edit in a long word is almost surely a typo; in a short word it may
 * well be a different word ("lunch" is not "launch").
 */
function quality(length: number, edits: number): number {
  if (edits >= 2) return 0.6;
  if (length >= 8) return 0.85;
  if (length >= 6) return 0.75;
  return 0.55;
}

const MIN_PREFIX = 5;
/** Longer "words" (pasted hashes, URLs) are not corrected. */
const MAX_WORD_LENGTH = 30;
const MAX_PREFIX_GAP = 4;
/** The longest extension of a word of MIN_PREFIX letters. */
const SHORT_PREFIX_GAP = 2;
/** Lookups remembered: a team's questions repeat their words. */
const CACHE_SIZE = 4096;
const NO_HITS: readonly FuzzyHit[] = Object.freeze([]);

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal string alignment distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  if (rowA.length <= n) {
    const size = 2 * (n + 1);
    rowA = new Int32Array(size);
    rowB = new Int32Array(size);
    rowC = new Int32Array(size);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) {
    prev2[j] = 0;
    prev[j] = j;
    cur[j] = 0;
  }
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n] as number;
}

export class FuzzyVocabulary {
  private readonly words: Set<string>;
  /** The vocabulary in its given order: a word's number is its place here. */
  private readonly terms: string[];
  /** Word numbers by word length. */
  private readonly byLength: number[][] = [];
  /** Word numbers sorted by word, for prefix searches. */
  private readonly sorted: number[];
  private readonly cache = new LRUCache<string, readonly FuzzyHit[]>({ max: CACHE_SIZE });

  constructor(vocabulary: Iterable<string>) {
    this.words = new Set(vocabulary);
    this.terms = [...this.words];
    this.terms.forEach((t, index) => {
      const bucket = this.byLength[t.length];
      if (bucket) bucket.push(index);
      else this.byLength[t.length] = [index];
    });
    const terms = this.terms;
    this.sorted = [...terms.keys()].sort((a, b) => {
      const x = terms[a] as string;
      const y = terms[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** The closest vocabulary words to a word that is not in the vocabulary (best first, may be empty). */
  lookup(word: string): readonly FuzzyHit[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const hits = this.compute(word);
    this.cache.set(word, hits);
    return hits;
  }

  /** Vocabulary words that start with `word` and are 1 to MAX_PREFIX_GAP characters longer, in vocabulary order. */
  private extensions(word: string): number[] {
    const { sorted, terms } = this;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((terms[sorted[mid] as number] as string) < word) lo = mid + 1;
      else hi = mid;
    }
    // A five-letter word is often a whole word of its own ("stand" is not "standard").
    const maxGap = word.length > MIN_PREFIX ? MAX_PREFIX_GAP : SHORT_PREFIX_GAP;
    const found: number[] = [];
    for (let i = lo; i < sorted.length; i++) {
      const index = sorted[i] as number;
      const term = terms[index] as string;
      if (!term.startsWith(word)) break;
      const gap = term.length - word.length;
      if (gap >= 1 && gap <= maxGap) found.push(index);
    }
    return found.sort((a, b) => a - b);
  }

  private compute(word: string): readonly FuzzyHit[] {
    if (word.length > MAX_WORD_LENGTH) return NO_HITS;
    const best = new Map<string, number>();
    const limit = maxEdits(word.length);
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const index of this.byLength[length] ?? []) {
        const term = this.terms[index] as string;
        // Both words must be long enough for the edits: "lunch" is not one edit from "launch" here.
        const allowed = Math.min(limit, maxEdits(term.length));
        const d = editDistance(word, term, allowed);
        if (d <= allowed) best.set(term, quality(word.length, d));
      }
    }
    // The word is the start of a vocabulary word, or a vocabulary word is the start of it.
    if (word.length >= MIN_PREFIX) {
      for (const index of this.extensions(word)) {
        const term = this.terms[index] as string;
        if (!best.has(term)) best.set(term, 0.7);
      }
      for (let k = Math.max(MIN_PREFIX, word.length - MAX_PREFIX_GAP); k < word.length; k++) {
        const p = word.slice(0, k);
        if (this.words.has(p) && !best.has(p)) best.set(p, 0.7);
      }
    }
    if (best.size === 0) return NO_HITS;
    let top = 0;
    for (const q of best.values()) if (q > top) top = q;
    const hits: FuzzyHit[] = [];
    for (const [term, q] of best) if (q === top) hits.push({ term, quality: q });
    return hits;
  }
}
