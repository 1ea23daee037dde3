/**
 * Typo-tolerant lookup of English words in a fixed vocabulary: a word that is not in the vocabulary is
 * matched to the vocabulary words within a small edit distance (optimal string alignment: insertions,
 * deletions, substitutions, adjacent transpositions) or that it is a near prefix of (deploy ↔ deployment).
 *
 * Built like SymSpell: every vocabulary word is stored under each of its deletion variants, so a lookup
 * only generates the deletions of the query word and checks the few candidates found.
 */

export interface FuzzyHit {
  term: string;
  /** 0..1: how sure the correction is. */
  quality: number;
}

/** How many edits a word of this length may have. */
function maxEdits(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
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

function deletions(word: string, depth: number, out: Set<string>): void {
  if (depth === 0) return;
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(d)) {
      out.add(d);
      deletions(d, depth - 1, out);
    }
  }
}

/** Optimal string alignment distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] as number;
}

export class FuzzyVocabulary {
  private readonly words: Set<string>;
  private readonly byDeletion = new Map<string, string[]>();
  private readonly byPrefix = new Map<string, string[]>();
  private readonly cache = new Map<string, FuzzyHit[]>();

  constructor(vocabulary: Iterable<string>) {
    this.words = new Set(vocabulary);
    for (const word of this.words) {
      const variants = new Set<string>([word]);
      deletions(word, maxEdits(word.length), variants);
      for (const v of variants) push(this.byDeletion, v, word);
      for (let k = Math.max(MIN_PREFIX, word.length - MAX_PREFIX_GAP); k < word.length; k++) {
        push(this.byPrefix, word.slice(0, k), word);
      }
    }
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** The closest vocabulary words to a word that is not in the vocabulary (best first, may be empty). */
  lookup(word: string): FuzzyHit[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const hits = this.compute(word);
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(word, hits);
    return hits;
  }

  private compute(word: string): FuzzyHit[] {
    const best = new Map<string, number>();
    if (word.length > MAX_WORD_LENGTH) return [];
    const limit = maxEdits(word.length);
    if (limit > 0) {
      const variants = new Set<string>([word]);
      deletions(word, limit, variants);
      for (const v of variants) {
        for (const term of this.byDeletion.get(v) ?? []) {
          if (best.has(term)) continue;
          const allowed = Math.min(limit, maxEdits(term.length));
          const d = editDistance(word, term, allowed);
          if (d <= allowed) best.set(term, quality(word.length, d));
        }
      }
    }
    // The word is the start of a vocabulary word, or a vocabulary word is the start of it.
    if (word.length >= MIN_PREFIX) {
      for (const term of this.byPrefix.get(word) ?? []) {
        if (!best.has(term)) best.set(term, 0.7);
      }
      for (let k = Math.max(MIN_PREFIX, word.length - MAX_PREFIX_GAP); k < word.length; k++) {
        const p = word.slice(0, k);
        if (this.words.has(p) && !best.has(p)) best.set(p, 0.7);
      }
    }
    const hits = [...best].map(([term, quality]) => ({ term, quality }));
    if (hits.length === 0) return hits;
    const top = Math.max(...hits.map((h) => h.quality));
    return hits.filter((h) => h.quality === top);
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
