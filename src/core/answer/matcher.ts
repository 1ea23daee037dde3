import type { Capability, Matrix } from "../matrix/index.js";
import { categoryLabel } from "../matrix/index.js";
import { type FuzzyHit, FuzzyVocabulary } from "./fuzzy.js";
import { analyze, isKanaWord, isLatinFeature, normalize, type Unit } from "./text.js";

/**
 * How much a match in each field of an entry counts. Titles, aliases and the id say what the entry is
 * about; `uses` names the resources and services involved; the category label is a broad hint.
 * Summaries and implications are prose: indexing them mostly adds noise, so they are left out.
 */
const FIELD_WEIGHT = {
  id: 1.25,
  title: 1.25,
  alias: 1,
  uses: 0.7,
  category: 0.3,
  /**
   * Names of platform events that affect the entry (data/changes.yml: "app mesh", "app runner"),
   * shared among the entries one event affects.
   */
  change: 0.6,
} as const;
/**
 * …and what such a name weighs in a question that speaks of an event ("is App Mesh going away?",
 * 「App Meshが廃止される」): a little more than an alias when the event affects one entry, so that the
 * entry whose card shows it comes first (shared, as above, among the entries it affects).
 */
const CHANGE_EVENT_WEIGHT = 1.1;
/** An event's name counts this much towards its entries' document frequency (as `uses` do). */
const CHANGE_DF = 0.25;

/** A question scores at least this much against an entry before the entry counts as its answer. */
export const MIN_SCORE = 0.7;
/** The lower score that suffices when the entry explains the whole question. */
const MIN_SCORE_COVERED = 0.5;
/**
 * The lower score that suffices when the question names the subject (ECS, EKS, Kubernetes, Fargate,
 * containers, pods, tasks, clusters): it is then almost surely about the matrix, and a weak match is
 * more likely a new phrasing than an off-topic question.
 */
const MIN_SCORE_CONTEXT = 0.5;
/** An answer whose runner-up scores at least this share of it is a tie, not an answer. */
const TIE_RATIO = 0.97;
/** …provided the runner-up scores at most this share of it: a weak and ambiguous match is no answer. */
const CONTEXT_MARGIN = 0.8;
/**
 * A question that does not name the subject must be explained by its best entry for at least half of
 * its meaningful words ("what's the wifi password in the office" is not about secrets), unless the
 * entry scores this much.
 */
const MIN_SCORE_UNEXPLAINED = 1.4;
const FULL_COVERAGE = 0.95;
/**
 * A question without the subject that the best entry explains only through money words must be
 * explained this much by it (「料金」 is; "how do I read my aws bill" is not).
 */
const MONEY_ONLY_COVERAGE = 0.85;
/** Score at which confidence reaches 1 - 1/e ≈ 0.63. */
const SCORE_SCALE = 0.8;
/** The confidence of an answer that just passes: about 0.58. */
const MIN_CONFIDENCE = 1 - Math.exp(-MIN_SCORE / SCORE_SCALE);
/** Runners-up must score at least this share of the best. */
const ALTERNATIVE_RATIO = 0.3;
/** An entry that only uses a resource or service counts this much towards its document frequency. */
const USES_DF = 0.25;
/** A word that is one of k in a phrase weighs k^-PHRASE_EXPONENT of a word standing alone. */
const PHRASE_EXPONENT = 1;
/** How many leading entries are re-weighed by how much of the question they explain. */
const RERANK = 12;
/** An entry explaining none of the question's other words keeps this share of its score. */
const COVERAGE_FLOOR = 0.5;
/** An unknown word weighs this share of the rarest known word when measuring coverage. */
const UNKNOWN_WORD_SHARE = 0.35;
/**
 * Only this much of a message is analysed: a question is a sentence or two, and a pasted log or blob
 * (Slack allows 40,000 characters) must cost no more than a long question.
 */
export const MAX_ANALYSED_CHARS = 2_000;
/** For a no-match, entries scoring at least this much are offered as the closest. */
const CLOSEST_MIN_SCORE = 0.25;
/**
 * An entry that explains only generic words (team, months, 14: Unit.generic) of a question that also
 * has a word the matrix knows keeps this share of its score: "team" must not outweigh "upgrades".
 */
const GENERIC_ONLY_SHARE = 0.5;
/**
 * Two entries tying for a question that both would answer on their own ("how does autoscaling work
 * on each?": tasks or nodes) are offered as "did you mean A or B?" when the second scores at least
 * this share of the first.
 */
const CLARIFY_RATIO = 0.9;
/**
 * A typo correction this sure (one edit in a word of six letters or more) may name an entry; a less
 * sure one ("chang" → "charg") may well be another word, and only adds its doubtful score.
 */
const NAMED_MIN_QUALITY = 0.75;
/** A word explained this much is one of at most three words of an alias or title ("call another service"). */
const PART_OF_NAME = 0.33;

interface Posting extends DocFeature {
  index: number;
}

/** A platform event's names and the entries it affects (see MatrixIndex). */
export interface NamedEvent {
  aliases: readonly string[];
  capabilities: readonly string[];
}

/** How much a feature of an entry counts in a question, with or without an event in it. */
function weightOf(f: DocFeature, event: boolean): number {
  if (!f.changeShare) return f.weight;
  const weight = event ? CHANGE_EVENT_WEIGHT : FIELD_WEIGHT.change;
  const change = (weight * f.changeShare) / (f.changeSpread ?? 1);
  return Math.max(f.weight, change);
}

export interface Ranked {
  capability: Capability;
  score: number;
  /** The share (0..1) of the question's meaningful words the entry explains. */
  coverage: number;
  /** How many of the question's meaningful words the entry explains (at least half of each). */
  evidence: number;
  /** As `evidence`, without the words that are about the matrix only with the subject named. */
  specific: number;
  /** As `evidence`, without generic words (Unit.generic). */
  topical: number;
  /** As `topical`, with the words that name the platform (Fargate, pods…): what it is about. */
  about: number;
  /**
   * True when a word of the question that says what it is about (not generic, not the platform, not
   * the AWS account) is a whole alias, the title or the id of the entry, or two adjacent words of it
   * are ("as code", "service account"): "second region" has "region" in it, but does not name it.
   */
  named: boolean;
  /** As `named`, by a word that is not a money word (Unit.needsSubject: "free", 「料金」). */
  namedSpecific: boolean;
  /**
   * How many such words the entry explains at least in part (PART_OF_NAME): "call service B by
   * name" is explained by "call another service" and "service name" together.
   */
  touched: number;
  confidence: number;
}

export interface Ranking {
  /** Best first; only entries with a positive score. */
  ranked: Ranked[];
  /** True when the question named an entry by its id. */
  exactId: boolean;
  /** True when the question names the subject (ECS, EKS, Kubernetes, containers…). */
  context: boolean;
  /** How many meaningful words (units) the question has. */
  units: number;
  /** How many of them are not generic (Unit.generic): the words that can say what it is about. */
  topicalUnits: number;
  /** …of which not a word naming the platform (task, pod, Fargate). */
  contentUnits: number;
  /** …of which about the AWS account, console, support or docs (Unit.account). */
  accountUnits: number;
  /** True when the question compares things ("X vs Y", 「AとBの違い」). */
  comparison?: boolean;
}

/** Words that make a question a comparison, where two entries matching equally well are both right. */
const COMPARISON =
  /\b(vs\.?|versus|or|compared?|comparison|difference|differences)\b|比較|違い|比べ|どっち|どちら/i;

/**
 * Whether the best entry answers the question: it scores enough, or it explains the whole question
 * (every meaningful word is one of its aliases: "Fargate?", 「EKSは高い？」) and scores fairly, or the
 * question names the subject and the entry is a clear, if weak, leader. Never when two entries tie, nor
 * when a question that does not name the subject is mostly words the entry does not explain, nor when
 * a question that names it has no word that names the entry (`Ranked.named`), nor when a question
 * about the AWS account, console or docs says more than the entry explains.
 */
function accepted(ranking: Ranking): boolean {
  const [r, second] = ranking.ranked;
  if (!r) return false;
  if (ranking.exactId) return true;
  // Two entries explaining the question equally well: guessing one would be wrong half the time,
  // unless the question compares them ("secrets vs configmap") and both match well: then the best is
  // an answer and the other stands first among the alternatives.
  if (
    second &&
    second.score >= r.score * TIE_RATIO &&
    !(ranking.comparison && second.score >= MIN_SCORE)
  ) {
    return false;
  }
  // An entry that explains only generic words is no answer to a question that says more ("is EKS
  // worth the complexity for a 3-person team?" is not about multi-tenancy).
  // Likewise an entry that explains only the platform's own words ("how do I delete an ECS
  // service?" is not about service discovery).
  if ((r.evidence > 0 || r.about > 0) && r.topical === 0 && ranking.contentUnits > 0) return false;
  // Generic words ("going away", "every 14 months") neither explain a question nor count against it.
  if (!ranking.context && 2 * r.topical < ranking.topicalUnits && r.score < MIN_SCORE_UNEXPLAINED) {
    return false;
  }
  // "how do I read my aws bill", 「Lambdaの料金は？」: money words alone, without ECS or EKS, are about
  // AWS billing in general, not a cluster's fee.
  // A question that is only such a word (「料金」, "Control-plane cost") stays answered.
  if (
    !ranking.context &&
    r.specific === 0 &&
    r.coverage < MONEY_ONLY_COVERAGE &&
    r.score < MIN_SCORE_UNEXPLAINED
  ) {
    return false;
  }
  // Naming ECS or EKS makes a question likely, not certain, to be about the matrix: "what region
  // should I put my EKS cluster in?", "who maintains the ECS agent on GitHub?" rest on one word that
  // is only part of an alias ("second region", "github actions") and ask something no entry answers.
  // Such a question is answered only when one of its words (or two adjacent ones: "as code") is a
  // whole alias, the title or the id of the entry, or the entry explains at least part of two of its
  // words ("call service B by name"), or all of it. Short questions that say what they are about
  // ("EKS upgrades?", 「ECSでcron」) name their entry.
  if (
    ranking.context &&
    !r.named &&
    r.touched <= 1 &&
    r.coverage < FULL_COVERAGE &&
    r.score < MIN_SCORE_UNEXPLAINED
  ) {
    return false;
  }
  // A question about the AWS account, console, support or docs ("change the email on the account
  // that pays for EKS", "my free tier ran out, can I get a refund?", "reset my password for the ECS
  // console") is about using AWS, and its money words are about the AWS bill: it is answered only
  // when a word that is not a money word names the entry and the entry explains, at least in part,
  // every other word it says ("docs for EKS network policies").
  if (
    ranking.accountUnits > 0 &&
    (!r.namedSpecific || r.touched < ranking.contentUnits - ranking.accountUnits) &&
    r.score < MIN_SCORE_UNEXPLAINED
  ) {
    return false;
  }
  if (r.score >= MIN_SCORE) return true;
  if (r.coverage >= FULL_COVERAGE && r.score >= MIN_SCORE_COVERED) return true;
  return (
    ranking.context &&
    r.score >= MIN_SCORE_CONTEXT &&
    r.evidence >= 1 &&
    (second?.score ?? 0) <= r.score * CONTEXT_MARGIN
  );
}

/**
 * "Did you mean A or B?": the two leaders of a question that was not answered because they tie, when
 * each would answer it on its own ("how does autoscaling work on each?": tasks or nodes).
 */
function clarifying(ranking: Ranking): [Ranked, Ranked] | null {
  const [r, second] = ranking.ranked;
  if (!r || !second || ranking.exactId || second.score < r.score * CLARIFY_RATIO) return null;
  const alone = (x: Ranked) => accepted({ ...ranking, ranked: [x] });
  return alone(r) && alone(second) ? [r, second] : null;
}

export function scoreToConfidence(score: number): number {
  return 1 - Math.exp(-score / SCORE_SCALE);
}

/** What `pick` found. */
export interface Pick {
  best: Ranked | null;
  top: Ranked | undefined;
  alternatives: Ranked[];
  /** No answer because these two fit equally well: "did you mean A or B?". */
  clarify?: [Ranked, Ranked];
}

/** The precomputed index of a matrix; `rank` scores a question against every entry. */
export class MatrixIndex {
  private readonly caps: readonly Capability[];
  private readonly postings = new Map<string, Posting[]>();
  private readonly idf = new Map<string, number>();
  private readonly fuzzy: FuzzyVocabulary;
  private readonly ids: ReadonlyMap<string, Capability>;
  private readonly docs: Map<string, DocFeature>[] = [];
  private readonly docIndex = new Map<Capability, number>();
  private readonly unknownIdf: number;
  private readonly kanaWords: ReadonlySet<string>;

  /**
   * `events`: platform events (data/changes.yml), whose names become low-weight names of the entries
   * they affect (FIELD_WEIGHT.change), and full names in a question that speaks of an event.
   */
  constructor(matrix: Matrix, events: readonly NamedEvent[] = []) {
    this.caps = matrix.capabilities;
    this.ids = matrix.byId;
    const eventNames = new Map<string, { text: string; spread: number }[]>();
    for (const e of events) {
      for (const id of e.capabilities) {
        const names = eventNames.get(id) ?? [];
        for (const text of e.aliases) names.push({ text, spread: e.capabilities.length });
        eventNames.set(id, names);
      }
    }
    this.caps.forEach((cap, index) => {
      const doc = documentFeatures(cap, eventNames.get(cap.id));
      this.docs.push(doc);
      this.docIndex.set(cap, index);
      for (const [feature, f] of doc) push(this.postings, feature, { index, ...f });
    });
    const n = this.caps.length;
    for (const [feature, list] of this.postings) {
      // Document frequency weighted by field: a word in a category label or `uses` counts less.
      const df = list.reduce((sum, p) => sum + p.df, 0);
      // Normalised so that a word found in one entry only weighs 1 whatever the size of the matrix.
      this.idf.set(feature, Math.log(1 + n / df) / Math.log(1 + n));
    }
    this.unknownIdf = UNKNOWN_WORD_SHARE;
    this.fuzzy = new FuzzyVocabulary([...this.postings.keys()].filter(isLatinFeature));
    this.kanaWords = new Set([...this.postings.keys()].filter(isKanaWord));
  }

  rank(text: string): Ranking {
    const question = text.slice(0, MAX_ANALYSED_CHARS);
    const exact = this.exactId(question);
    const { features: q, units, words, context, event, pairs } = analyze(question, this.kanaWords);
    const scores = new Float64Array(this.caps.length);
    // Each question feature resolved to the index's features: itself, or its typo corrections.
    const resolved = new Map<string, FuzzyHit[]>();
    for (const [feature, qWeight] of q) {
      let hits: FuzzyHit[] | undefined;
      if (this.postings.has(feature)) hits = [{ term: feature, quality: 1 }];
      else if (words.has(feature) && feature.length >= 4) {
        hits = this.fuzzy.lookup(feature).filter((h) => !q.has(h.term));
      }
      if (!hits || hits.length === 0) continue;
      resolved.set(feature, hits);
      for (const hit of hits) this.accumulate(scores, hit.term, qWeight * hit.quality, event);
    }
    let ranked: Ranked[] = [];
    for (let i = 0; i < scores.length; i++) {
      const raw = scores[i] as number;
      if (raw > 0) {
        const capability = this.caps[i] as Capability;
        ranked.push({
          capability,
          score: raw,
          coverage: 0,
          evidence: 0,
          specific: 0,
          topical: 0,
          about: 0,
          named: false,
          namedSpecific: false,
          touched: 0,
          confidence: 0,
        });
      }
    }
    ranked.sort((a, b) => b.score - a.score);
    // Weigh the leaders by how much of the question they explain: an entry that matches one word of
    // a question full of words the matrix does not know is probably not what it is about.
    // A question that says what it is about in a word the matrix knows ("upgrades") is not answered
    // by an entry that explains only its generic words ("team", "every 14 months").
    const topicalUnits = units.filter((u) => !u.generic).length;
    const contentUnits = units.filter((u) => !u.generic && !u.subject).length;
    const accountUnits = units.filter((u) => u.account).length;
    const saysWhat = units.some((u) => !u.generic && !u.subject && resolved.has(u.key));
    ranked = ranked.slice(0, RERANK).map((r) => {
      const c = this.coverage(
        units,
        resolved,
        pairs,
        this.docIndex.get(r.capability) as number,
        event,
      );
      let score = r.score * (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * c.coverage);
      if (saysWhat && c.evidence > 0 && c.topical === 0) score *= GENERIC_ONLY_SHARE;
      return { capability: r.capability, score, ...c, confidence: scoreToConfidence(score) };
    });
    ranked.sort((a, b) => b.score - a.score);
    if (exact) {
      const rest = ranked.filter((r) => r.capability.id !== exact.id);
      const top = Math.max(ranked[0]?.score ?? 0, MIN_SCORE) + SCORE_SCALE * 3;
      return {
        ranked: [
          {
            capability: exact,
            score: top,
            coverage: 1,
            evidence: units.length,
            specific: units.length,
            topical: units.length,
            about: units.length,
            named: true,
            namedSpecific: true,
            touched: units.length,
            confidence: 1,
          },
          ...rest,
        ],
        exactId: true,
        context,
        units: units.length,
        topicalUnits,
        contentUnits,
        accountUnits,
      };
    }
    return {
      ranked,
      exactId: false,
      context,
      units: units.length,
      topicalUnits,
      contentUnits,
      accountUnits,
      comparison: COMPARISON.test(question),
    };
  }

  /**
   * The share (0..1) of the question's meaningful units, by weight, that an entry matches, and how many
   * of them it matches at least half of.
   */
  private coverage(
    units: Unit[],
    resolved: Map<string, FuzzyHit[]>,
    pairs: ReadonlyMap<string, readonly string[]>,
    index: number,
    event: boolean,
  ): Omit<Ranked, "capability" | "score" | "confidence"> {
    const doc = this.docs[index] as Map<string, DocFeature>;
    // Whether a word (as typed, or surely corrected) is a whole alias, the title or the id.
    const names = (key: string): boolean =>
      (resolved.get(key) ?? []).some((h) => {
        const f = h.quality >= NAMED_MIN_QUALITY ? doc.get(h.term) : undefined;
        return f !== undefined && weightOf(f, event) >= FIELD_WEIGHT.alias;
      });
    // The words that can name an entry: what the question is about, not who, when, the platform or
    // the AWS account, unless with the word next to them ("service account" in Kubernetes).
    const content = new Map<string, Unit>();
    const inPair = new Map<string, Unit>();
    for (const u of units) {
      if (!u.generic && !u.subject && !u.account) content.set(u.key, u);
      if (!u.generic && !u.subject) inPair.set(u.key, u);
    }
    let named = false;
    let namedSpecific = false;
    const name = (u: Unit | undefined) => {
      if (!u) return;
      named = true;
      if (!u.needsSubject) namedSpecific = true;
    };
    const pairNamed = new Set<string>();
    for (const [pair, keys] of pairs) {
      const f = doc.get(pair);
      if (!f || weightOf(f, event) < FIELD_WEIGHT.alias) continue;
      for (const k of keys) {
        name(inPair.get(k));
        pairNamed.add(k);
      }
    }
    for (const u of content.values()) {
      // A camelCase word or a katakana compound names the entry when each of its words does (not
      // by the character bigrams that only help with variant spellings).
      const words = u.parts.filter((p) => isLatinFeature(p) || isKanaWord(p));
      const whole = words.length > 0 && words.length === u.parts.length && words.every(names);
      if (names(u.key) || whole) name(u);
    }
    let touched = 0;
    // How well the entry explains a word: fully when it is (one of) its aliases or its title, less
    // when it is only part of a longer alias or only in `uses`. A typo-corrected word counts as
    // matched: its score already carries the doubt.
    const matchOf = (key: string): number => {
      let best = 0;
      for (const h of resolved.get(key) ?? []) {
        const f = doc.get(h.term);
        const w = f ? weightOf(f, event) : 0;
        if (w > best) best = w;
      }
      return Math.min(1, best / FIELD_WEIGHT.alias);
    };
    let total = 0;
    let matched = 0;
    let evidence = 0;
    let specific = 0;
    let topical = 0;
    let about = 0;
    for (const unit of units) {
      const hits = resolved.get(unit.key);
      const idf = hits?.[0] ? (this.idf.get(hits[0].term) ?? 0) : this.unknownIdf;
      const mass = unit.mass * idf;
      // A word about the AWS account is explained only as part of a whole alias ("service account").
      const account = unit.account && !pairNamed.has(unit.key);
      let fraction = account ? 0 : matchOf(unit.key);
      if (fraction === 0 && unit.parts.length > 0 && !account) {
        let sum = 0;
        for (const p of unit.parts) sum += matchOf(p);
        fraction = sum / unit.parts.length;
      }
      total += mass;
      matched += mass * fraction;
      if (content.has(unit.key) && fraction >= PART_OF_NAME) touched++;
      if (fraction >= 0.5 && !unit.generic) about++;
      if (fraction >= 0.5 && !unit.subject) {
        evidence++;
        if (!unit.needsSubject && !unit.generic) specific++;
        if (!unit.generic) topical++;
      }
    }
    return {
      coverage: total > 0 ? matched / total : 1,
      evidence,
      specific,
      topical,
      about,
      named,
      namedSpecific,
      touched,
    };
  }

  /**
   * The best answer (or none) and up to `count` runners-up (or, for none, the closest, and the two
   * to choose from when the question fits both equally: `clarify`).
   */
  pick(question: string, count = 3): Pick {
    return this.pickFrom(this.rank(question), count);
  }

  /** As `pick`, from a ranking already made. */
  pickFrom(ranking: Ranking, count = 3): Pick {
    const { ranked } = ranking;
    const first = ranked[0];
    // Confidence agrees with the decision: an answer is at least as confident as the threshold, and
    // whatever is rejected stays below it.
    const below = (r: Ranked): Ranked => ({
      ...r,
      confidence: Math.min(r.confidence, MIN_CONFIDENCE - 0.01),
    });
    if (!first || !accepted(ranking)) {
      const pair = clarifying(ranking);
      return {
        best: null,
        top: first && below(first),
        alternatives: ranked
          .filter((r) => r.score >= CLOSEST_MIN_SCORE)
          .slice(0, count)
          .map(below),
        ...(pair ? { clarify: [below(pair[0]), below(pair[1])] as [Ranked, Ranked] } : {}),
      };
    }
    const best = { ...first, confidence: Math.max(first.confidence, MIN_CONFIDENCE) };
    const floor = Math.max(first.score * ALTERNATIVE_RATIO, CLOSEST_MIN_SCORE);
    const alternatives = ranked
      .slice(1)
      .filter((r) => r.score >= floor)
      .slice(0, count)
      .map((r) => ({ ...r, confidence: Math.min(r.confidence, best.confidence) }));
    return { best, top: best, alternatives };
  }

  private accumulate(scores: Float64Array, feature: string, qWeight: number, event: boolean): void {
    const idf = this.idf.get(feature) ?? 0;
    for (const p of this.postings.get(feature) ?? []) {
      scores[p.index] = (scores[p.index] as number) + qWeight * idf * weightOf(p, event);
    }
  }

  /** An entry id typed as the whole question ("scheduled-jobs"), or inside it as a hyphenated word. */
  /** A capability named by its id: the whole question ("secrets?"), or a hyphenated word in it. */
  private exactId(question: string): Capability | undefined {
    const norm = normalize(question).toLowerCase().trim();
    // Split and look up, rather than a backtracking pattern: linear in the question's length.
    const whole = this.ids.get(
      norm
        .split(/[\s`'"?!.。？！]/u)
        .filter(Boolean)
        .join(" "),
    );
    if (whole) return whole;
    for (const word of norm.split(/[^a-z0-9-]+/)) {
      const cap = word.includes("-") ? this.ids.get(word.replace(/^-+|-+$/g, "")) : undefined;
      if (cap) return cap;
    }
    return undefined;
  }
}

/** How an entry holds a feature. */
export interface DocFeature {
  /** The weight of the strongest field it appears in (times its share of a phrase). */
  weight: number;
  /**
   * How much the entry counts towards the feature's document frequency: fully when the entry is
   * about it (id, title, aliases), little when the entry merely uses it ("AWS Fargate" is in the
   * `uses` of many entries, but only one is about Fargate).
   */
  df: number;
  /** For a word of a platform event's name: its share of the name (a phrase's word counts less). */
  changeShare?: number;
  /** …and how many entries that event affects (the fewest, when several events name it). */
  changeSpread?: number;
}

/** The features of an entry, with the names of the platform events that affect it. */
export function documentFeatures(
  cap: Capability,
  eventNames: readonly { text: string; spread: number }[] = [],
): Map<string, DocFeature> {
  const doc = new Map<string, DocFeature>();
  const addText = (text: string, fieldWeight: number, dfWeight: number, spread = 0) => {
    const { features: f, units } = analyze(text);
    // A word that is one of several in a phrase ("data center", or the parts of "AppConfig") says
    // less on its own than a word that is the whole phrase ("Karpenter"); the phrase itself is
    // rewarded by its joined pairs.
    const shares = new Map<string, number>();
    const setShare = (key: string, share: number) => {
      if (share < (shares.get(key) ?? 1)) shares.set(key, share);
    };
    for (const u of units) {
      if (units.length > 1) setShare(u.key, units.length ** -PHRASE_EXPONENT);
      for (const p of u.parts) {
        // camelCase parts only: the bigrams of a Japanese word are not words of their own.
        if (isLatinFeature(p)) setShare(p, (units.length * u.parts.length) ** -PHRASE_EXPONENT);
      }
    }
    // The feature's kind (word, bigram…) is weighed once, on the question's side.
    for (const feature of f.keys()) {
      const share = shares.get(feature) ?? 1;
      const prev = doc.get(feature) ?? { weight: 0, df: 0 };
      const df = Math.max(prev.df, dfWeight * share);
      if (spread === 0) {
        doc.set(feature, { ...prev, weight: Math.max(prev.weight, fieldWeight * share), df });
      } else {
        doc.set(feature, {
          ...prev,
          df,
          changeShare: Math.max(prev.changeShare ?? 0, share),
          changeSpread: Math.min(prev.changeSpread ?? spread, spread),
        });
      }
    }
  };
  addText(cap.id.replace(/-/g, " "), FIELD_WEIGHT.id, 1);
  addText(cap.title.en, FIELD_WEIGHT.title, 1);
  addText(cap.title.ja, FIELD_WEIGHT.title, 1);
  for (const a of cap.aliases.en) addText(a, FIELD_WEIGHT.alias, 1);
  for (const a of cap.aliases.ja) addText(a, FIELD_WEIGHT.alias, 1);
  for (const u of cap.kubernetes.uses) addText(u, FIELD_WEIGHT.uses, USES_DF);
  for (const u of cap.ecs.uses) addText(u, FIELD_WEIGHT.uses, USES_DF);
  for (const e of eventNames) addText(e.text, FIELD_WEIGHT.change, CHANGE_DF, e.spread);
  addText(categoryLabel(cap.category, "en"), FIELD_WEIGHT.category, FIELD_WEIGHT.category);
  addText(categoryLabel(cap.category, "ja"), FIELD_WEIGHT.category, FIELD_WEIGHT.category);
  return doc;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
