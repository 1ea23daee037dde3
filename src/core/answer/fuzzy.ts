/**
 * Typo-tolerant lookup of English words in a fixed vocabulary: a word that is not in the vocabulary is
 * matched to the vocabulary words within a small edit distance (optimal string alignment: insertions,
 * deletions, substitutions, adjacent transpositions) or that it is a near prefix of (deploy ↔ deployment).
 *
 * Built like SymSpell: every vocabulary word is indexed under each of its deletion variants, so a lookup
 * only generates the deletions of the query word and checks the few candidates found. To stay small,
 * the index holds no strings: each (variant, word) pair is a 32-bit hash of the variant and the word's
 * number, in two typed arrays sorted by hash. A lookup finds a variant's words by binary search and
 * checks that the variant really is one of the word's (a hash may collide), so the candidates, their
 * order and the hits are exactly those of a map from variant strings to words.
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
/** The longest extension of a word of MIN_PREFIX letters. */
const SHORT_PREFIX_GAP = 2;
/** Lookups remembered (a question's words repeat); the cache is emptied when it is full. */
const CACHE_SIZE = 4096;
const NO_HITS: readonly FuzzyHit[] = Object.freeze([]);

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

// FNV-1a over UTF-16 code units, skipping up to two positions (-1: none), without building the string.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashSkipping(word: string, skip1: number, skip2: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    if (i === skip1 || i === skip2) continue;
    h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

function hash(word: string): number {
  return hashSkipping(word, -1, -1);
}

/** Whether `variant` is `term` with at most `depth` characters deleted. */
function isDeletionOf(variant: string, term: string, depth: number): boolean {
  const gap = term.length - variant.length;
  if (gap < 0 || gap > depth) return false;
  let skipped = 0;
  let j = 0;
  for (let i = 0; i < term.length; i++) {
    if (j < variant.length && term.charCodeAt(i) === variant.charCodeAt(j)) j++;
    else if (++skipped > gap) return false;
  }
  return j === variant.length;
}

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
  /** Hashes of the deletion variants, ascending; `variantTerms[i]` is the word `variantHashes[i]` is a variant of. */
  private readonly variantHashes: Uint32Array;
  private readonly variantTerms: Uint32Array;
  /** Word numbers sorted by word, for prefix searches. */
  private readonly sorted: Uint32Array;
  private readonly cache = new Map<string, readonly FuzzyHit[]>();

  constructor(vocabulary: Iterable<string>) {
    this.words = new Set(vocabulary);
    this.terms = [...this.words];
    const terms = this.terms;
    let count = 0;
    for (const t of terms) {
      const n = t.length;
      const depth = maxEdits(n);
      count += 1 + (depth >= 1 ? n : 0) + (depth >= 2 ? (n * (n - 1)) / 2 : 0);
    }
    // hash · 2^21 + word number (exact in a double): one numeric sort orders by hash, then by word
    // number, which is the vocabulary's order.
    const HIGH = 2 ** 21;
    if (terms.length > HIGH) throw new RangeError(`vocabulary too large (${terms.length} words)`);
    const keys = new Float64Array(count);
    let k = 0;
    terms.forEach((t, index) => {
      const n = t.length;
      const depth = maxEdits(n);
      keys[k++] = hash(t) * HIGH + index;
      if (depth >= 1) {
        for (let i = 0; i < n; i++) keys[k++] = hashSkipping(t, i, -1) * HIGH + index;
      }
      if (depth >= 2) {
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) keys[k++] = hashSkipping(t, i, j) * HIGH + index;
        }
      }
    });
    keys.sort();
    let unique = 0;
    for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) unique++;
    this.variantHashes = new Uint32Array(unique);
    this.variantTerms = new Uint32Array(unique);
    let u = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      if (i > 0 && key === keys[i - 1]) continue;
      const h = Math.floor(key / HIGH);
      this.variantHashes[u] = h;
      this.variantTerms[u] = key - h * HIGH;
      u++;
    }
    this.sorted = Uint32Array.from(terms.keys()).sort((a, b) => {
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
    if (this.cache.size >= CACHE_SIZE) this.cache.clear();
    this.cache.set(word, hits);
    return hits;
  }

  /** The first index of `h` in `variantHashes` (or where it would be). */
  private lowerBound(h: number): number {
    const hashes = this.variantHashes;
    let lo = 0;
    let hi = hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((hashes[mid] as number) < h) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
    if (limit > 0) {
      const { variantHashes, variantTerms, terms } = this;
      const variants = new Set<string>([word]);
      deletions(word, limit, variants);
      for (const v of variants) {
        const h = hash(v);
        for (let i = this.lowerBound(h); i < variantHashes.length && variantHashes[i] === h; i++) {
          const term = terms[variantTerms[i] as number] as string;
          if (best.has(term)) continue;
          const depth = maxEdits(term.length);
          if (!isDeletionOf(v, term, depth)) continue;
          const allowed = Math.min(limit, depth);
          const d = editDistance(word, term, allowed);
          if (d <= allowed) best.set(term, quality(word.length, d));
        }
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
