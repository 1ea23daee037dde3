/**
 * Text → weighted matching features, shared by the index (capability side) and the query side so that
 * both are normalised the same way.
 *
 * - English (any Latin-script run): NFKC, camelCase split (CronJob → cron, job, cronjob), lowercase,
 *   light stemming (plurals, -ing, -ed, final -e), stop words dropped, and adjacent pairs joined
 *   (cron job → cronjob) so spacing differences do not matter.
 * - Japanese: runs split by script; a two-kanji run is a word, a longer one gives the whole run and
 *   its character bigrams, a single kanji with okurigana gives the kanji and its first kana (高い);
 *   katakana runs give the whole word (long-vowel marks removed: サーバー = サーバ) and bigrams;
 *   other hiragana is treated as grammar and dropped.
 * - Every feature of a question also belongs to a unit (a word), used to measure how much of the
 *   question an entry explains.
 */

/** The kind of a feature; it fixes how much one matching feature counts. */
export type FeatureKind =
  | "word"
  | "pair"
  | "kanji"
  | "kanji-bigram"
  | "kanji-single"
  | "kana"
  | "kana-bigram"
  | "kana-segment";

export const KIND_WEIGHT: Record<FeatureKind, number> = {
  word: 1,
  pair: 0.8,
  /** A two-kanji word, or the whole of a longer kanji compound. */
  kanji: 1,
  /** Each bigram of a longer compound (at most; see KANJI_BIGRAMS_TOTAL). */
  "kanji-bigram": 0.55,
  "kanji-single": 0.2,
  kana: 1,
  /** All bigrams of a katakana word together (they only help with variant spellings). */
  "kana-bigram": 0.6,
  /** A known word found inside a longer katakana compound. */
  "kana-segment": 0.9,
};

/** The bigrams of one kanji compound weigh at most this much together. */
const KANJI_BIGRAMS_TOTAL = 1.5;

/** A text's features: feature → weight (the largest, when the same feature arises twice). */
export type Features = Map<string, number>;

/** Stop words that name the subject or its vendor rather than serve grammar (see `Analysis.pairs`). */
const DOMAIN_WORDS =
  "ecs eks k8s kubernetes kube aws amazon container containers containerized cloud platform platforms";
const DOMAIN_WORD = new Set(DOMAIN_WORDS.split(" "));

/**
 * Words that carry no meaning for telling capabilities apart: English function words, question words,
 * and words every question about this subject shares (ecs, eks, kubernetes, aws, container…).
 */
const EN_STOP = new Set(
  `a about above after again all also am an and any are as at be been before being below between both
  but by can could did do does doing done down during each either else etc ever every few for from
  further get gets getting got had has have having he her here hers him his how i if in into is it its
  itself just let lets like ll me might more most much must my need needs no nor not now of off on once
  one only or other our ours out over own per please re same shall she should so some something such than
  that the their them then there these they thing things this those through to too under until up us
  ve very via vs versus was way ways we were what whats when where which while who whom why will with
  would you your yours yes ok okay hi hello hey thanks thank
  ${DOMAIN_WORDS}
  use used uses using run runs running ran make makes want wants wanted work works working option
  options thing equivalent equivalents alternative alternatives compare comparison compared difference
  differences better best good bad support supports supported possible able available feature features
  question know tell show explain help really actually exist exists sort
  put puts find finds give gives set sets add adds handle handles deal write writes
  instead replace replaces replacement replacing today tomorrow yesterday stuff go goes going start try
  happen happens im dont doesnt cant isnt thats theres lot lots many don doesn isn aren wasn didn won
  shouldn couldn wouldn haven app apps application applications workload workloads`
    .split(/\s+/)
    .filter(Boolean),
);

/** Japanese (kanji/katakana) words as generic as the English stop words. */
const JA_STOP = new Set(
  `方法 場合 使用 利用 必要 何 違 比較 対応 機能 教 可能 今 良 使 場 的 時 事 所 今日
  仕組 仕組み 手順 やり方 基盤 同士 互い 特定 具体的 基本的 一般的 一番 最適 推奨 選択 検討 判断
  導入 実現 実装 作成 用意 準備 採用 構築 相談 質問 理由 意味 注意点 現状 現在 本番 全体
  入れ 入 迷っ 迷 悩ん 悩 困っ 困 知り 知っ 知 分か 思っ 思い 思 考え 比べ 選 選び 決め 向い 作り 作れ
  代替 代わ 後継 作 楽 大変 面倒 難し 手間 得意 苦手 違い 同じ 皆 私 自分 我々 弊社 当社
  コンテナ クバネティス クバネテス イケエス アマゾン メリット デメリット ベスト ポイント ケス パタン`.split(
    /\s+/,
  ),
);

/**
 * Nouns that, used as a verb (設定する, 構成して), only say "set up / do" ("how do I set up an HPA"),
 * not what the question is about: the verb form is dropped, the noun alone (設定ファイル) kept.
 */
const JA_LIGHT_VERB_NOUNS =
  /(?:設定|構成)(?=(?:する|して|した|しま|でき|され|させ|しない|したい|すれ))/g;

const JAPANESE_RUN =
  /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\u3005\u3006\uff66-\uff9f]+/g;
const LATIN_RUN = /[A-Za-z0-9]+(?:['’][A-Za-z]+)?/g;
const KANJI = /[\u3400-\u4dbf\u4e00-\u9fff\u3005\u3006]/;
const KATAKANA = /[\u30a0-\u30ff\u31f0-\u31ff]/;

/** NFKC (full-width Latin → ASCII, half-width kana → full-width), long-vowel marks dropped. */
export function normalize(text: string): string {
  return text.normalize("NFKC").replace(/[ー－]/g, "");
}

/** Light English stemming: the same word in its common inflections folds to one form. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length >= 6) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && w.length >= 5) w = undouble(w.slice(0, -2));
  if (w.endsWith("e") && w.length >= 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !w.endsWith("ll") && !w.endsWith("ss")
    ? w.slice(0, -1)
    : w;
}

export function isStopWord(word: string): boolean {
  return word.length < 2 || EN_STOP.has(word);
}

function add(features: Features, key: string, weight: number): void {
  const prev = features.get(key);
  if (prev === undefined || prev < weight) features.set(key, weight);
}

/** Latin tokens of a text in order, camelCase parts expanded; lowercased, not stemmed. */
export function latinTokens(text: string): { word: string; parts: string[] }[] {
  const out: { word: string; parts: string[] }[] = [];
  for (const m of text.matchAll(LATIN_RUN)) {
    const raw = m[0].replace(/['’][A-Za-z]+$/, ""); // what's → what, don't → don
    const split = raw
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
      .toLowerCase()
      .split(" ");
    out.push({ word: raw.toLowerCase(), parts: split.length > 1 ? split : [] });
  }
  return out;
}

/**
 * One meaningful unit of a question (an English word, a kanji run, a katakana word), for measuring how
 * much of the question an entry explains. It counts as matched when `key` matches, or in proportion to
 * how many of its `parts` (camelCase parts, bigrams) match.
 */
export interface Unit {
  key: string;
  parts: string[];
  /** How much the unit counts relative to an English word. */
  mass: number;
  /** A word naming the platform (task, pod, cluster, Fargate…), not what the question asks about it. */
  subject?: boolean;
  /**
   * A word that is about the matrix only when the question names the subject: money words ("bill",
   * 「料金」) are as often about AWS billing in general as about a cluster's fee.
   */
  needsSubject?: boolean;
  /**
   * A word that says who, how many, when or what happened (team, people, 14, months, every night,
   * discontinued), not what the question is about: it may still match an entry, but it does not
   * outweigh a word that says what the question is about (GENERIC_WORDS).
   */
  generic?: boolean;
  /** A word about the AWS account, console, support or docs (ACCOUNT_WORDS): no entry explains it. */
  account?: boolean;
}

export interface Analysis {
  features: Features;
  units: Unit[];
  /** The single English words among the features: the ones worth correcting when misspelt. */
  words: Set<string>;
  /**
   * Whether the text names the subject (ECS, EKS, Kubernetes, Fargate, containers, pods, tasks,
   * clusters): such a question is about the matrix even when its other words match weakly.
   */
  context: boolean;
  /**
   * Whether the text speaks of a platform event: something discontinued, deprecated, going away,
   * reaching its end of support (then the names of such events weigh fully: see the matcher).
   */
  event: boolean;
  /**
   * The English pairs of adjacent words ("cron job" → cronjob), each with the keys of the units it
   * joins (stop words have none, and a pair with ECS, AWS… in it joins none): a pair that is an
   * entry's alias names the entry even when each of its words alone is only part of one.
   */
  pairs: Map<string, string[]>;
}

/** Words (as analysed) and phrases that speak of a platform event (Analysis.event). */
const EVENT_WORDS = new Set(
  `discontinu retir sunset deprecat deprecation shutdown eol successor
  廃止 終了 提供終了 非推奨 後継 移行先 新規受付`.split(/\s+/),
);
const EVENT_PHRASE =
  /\b(?:going away|go away|end of (?:life|support|sale)|shut(?:ting)? down|no longer (?:supported|available|offered)|closed to new|being (?:removed|killed))\b|サポ?ト終了|受付終了|なくなる|無くなる/i;

/** Words that place a question in the subject of the matrix (see Analysis.context). */
const CONTEXT_EN =
  /\b(?:ecs|eks|k8s|kubernetes|kube|kubectl|fargate|containers?|containeri[sz]ed|pods?|tasks?|clusters?)\b/i;
const CONTEXT_JA = /コンテナ|クラスタ|タスク|ポッド|クバネティス|クバネテス/;

/**
 * A time of day ("2am", "9:30", "11 p.m.", 「9時」「午前3時半」) says "at a fixed time": it is replaced by
 * one word, so that an entry can list it among its aliases.
 */
export const TIME_OF_DAY_WORD = "oclock";
const TIME_OF_DAY = [
  /\b(?:\d{1,2}\s*)?o['’]?clock\b/gi,
  /\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])/gi,
  /\b\d{1,2}:\d{2}\b/g,
  /\d{1,2}\s*時(?:\s*\d{1,2}\s*分|半)?/g,
];

/**
 * "every night", "each Monday", "once a day", "twice an hour", "every 5 minutes" say "on a schedule",
 * which the period word alone does not ("this week", "last night"): the phrase gets one more word.
 */
export const RECURRING_WORD = "recurring";
const RECURRING =
  /\b(?:every|each|once\s+an?|twice\s+an?|once\s+per|twice\s+per)\s+(?:(?:\d+|few|couple\s+of)\s+)?(?=(?:night|day|morning|evening|afternoon|hour|minute|min|second|week|weekday|weekend|month|quarter|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b)/gi;

/**
 * "we don't want to patch or manage EC2 nodes", "without managing servers", "no more babysitting
 * hosts" say "hands-off infrastructure", which the words alone (manage, nodes) do not: the phrase gets
 * one more word, so that an entry can list it among its aliases.
 */
export const HANDS_OFF_WORD = "handsoff";
const HANDS_OFF =
  /\b(?:don['’]?t|do\s+not|doesn['’]?t|never|without|no\s+(?:more|need\s+to)|not|avoid|stop|zero|less)\s+(?:\w+\s+){0,3}?(?:manag|patch|maintain|operat|babysit|look(?:ing)?\s+after|worry(?:ing)?\s+about|care\s+about|deal(?:ing)?\s+with|think(?:ing)?\s+about)\w*\s+(?:(?:\w+|or|and)\s+){0,3}?(?:nodes?|servers?|instances?|hosts?|vms?|machines?|infra(?:structure)?|ec2)\b/gi;

/**
 * "log in to", "logged in", "sign in": one word, "login" (ACCOUNT_WORDS), so that "how do I log in to
 * the console" is not read as a question about logs. "the log in CloudWatch", "logs on Fargate" stay
 * logs: a bare "log in" is signing in only at the end of a clause.
 */
const SIGN_IN =
  /\b(?:(?:log|sign)[\s-]*into|(?:log|sign)[\s-]+in\s+to|(?:logged|logging|signed|signing|sign)[\s-]+in|log[\s-]+in(?=\s*(?:$|[?.!,;:]|with\b|as\b|again\b)))\b/gi;

function timesOfDay(text: string): string {
  let out = text.replace(SIGN_IN, " login ");
  for (const re of TIME_OF_DAY) out = out.replace(re, ` ${TIME_OF_DAY_WORD} `);
  out = out.replace(HANDS_OFF, (m) => `${m} ${HANDS_OFF_WORD} `);
  return out.replace(RECURRING, `${RECURRING_WORD} `);
}

/** Only the start of a very long message is matched. */
const MAX_TEXT_LENGTH = 1000;

/**
 * Features and units of a text. With a vocabulary of katakana words (the index's), a katakana compound
 * that is not a word of its own but is made of words of the vocabulary (ブルーグリーンデプロイ) also gives
 * those words.
 */
export function analyze(text: string, kanaVocabulary?: ReadonlySet<string>): Analysis {
  const f: Features = new Map();
  const units: Unit[] = [];
  const words = new Set<string>();
  const pairs = new Map<string, string[]>();
  const norm = timesOfDay(normalize(text.slice(0, MAX_TEXT_LENGTH))).replace(
    JA_LIGHT_VERB_NOUNS,
    " ",
  );
  const context = CONTEXT_EN.test(norm) || CONTEXT_JA.test(norm);
  const tokens = latinTokens(norm);
  const allStop = tokens.every((t) => isStopWord(t.word));
  let prev: string | null = null;
  // Words listed with "and"/"or" ("secrets and config") each name a subject of their own.
  const listed = new Set<string>();
  tokens.forEach(({ word }, i) => {
    if (!COORDINATORS.has(word)) return;
    for (const t of [tokens[i - 1], tokens[i + 1]]) if (t) listed.add(stem(t.word));
  });
  for (const { word, parts } of tokens) {
    const stop = isStopWord(word);
    const key = stem(word);
    if (!stop) {
      add(f, key, KIND_WEIGHT.word);
      words.add(key);
    }
    const partKeys: string[] = [];
    for (const p of parts) {
      if (isStopWord(p)) continue;
      const pk = stem(p);
      partKeys.push(pk);
      add(f, pk, KIND_WEIGHT.word);
      words.add(pk);
    }
    if (!stop) units.push({ key, parts: partKeys, mass: 1 });
    // Adjacent pairs: "cron job" = "cronjob", "every night" = "everynight"; two stop words make a
    // pair only in a text of stop words alone ("how much").
    if (prev !== null && (!stop || !isStopWord(prev) || allStop)) {
      const pair = stem(prev + word);
      add(f, pair, KIND_WEIGHT.pair);
      // "as code" is a phrase; "AWS account", "ECS service" are a word with the subject before it.
      const joined = DOMAIN_WORD.has(prev) || DOMAIN_WORD.has(word) ? [] : [prev, word];
      const keys = joined.filter((w) => !isStopWord(w)).map(stem);
      pairs.set(pair, [...(pairs.get(pair) ?? []), ...keys]);
    }
    prev = word;
  }
  for (const m of norm.matchAll(JAPANESE_RUN)) {
    japanese(m[0], f, units, kanaVocabulary);
    mixedPair(norm, m.index, m[0], f);
  }
  // In "Prometheus on Fargate" or 「タスクに権限を付けたい」 the platform word says where, the other
  // words say what: it counts less, unless it is all the question says ("Fargate?").
  let subjects = 0;
  // "per team", 「チームごと」: dividing by team is what multi-tenancy is about, not who asks.
  const perTeam = PER_TEAM_RE.test(norm);
  for (const u of units) {
    if (isGenericWord(u.key) && !(perTeam && TEAM_KEYS.has(u.key))) u.generic = true;
    if (NEEDS_SUBJECT_WORDS.has(u.key)) u.needsSubject = true;
    if (ACCOUNT_WORDS.has(u.key)) u.account = true;
    if (SUBJECT_WORDS.has(u.key)) {
      u.subject = true;
      subjects++;
    }
  }
  if (subjects > 0 && subjects < units.length) {
    for (const u of units) {
      const w = u.subject ? f.get(u.key) : undefined;
      if (w !== undefined) f.set(u.key, w * SUBJECT_WEIGHT);
    }
  }
  // 「ALBの設定」, "ALB config": next to a more specific word, "settings" is that thing's settings
  // (but not in a list: "secrets and config").
  if (units.some((u) => !u.subject && !WEAK_WORDS.has(u.key))) {
    for (const u of units) {
      const w = WEAK_WORDS.has(u.key) && !listed.has(u.key) ? f.get(u.key) : undefined;
      if (w !== undefined) f.set(u.key, w * WEAK_WEIGHT);
    }
  }
  const event = EVENT_PHRASE.test(norm) || units.some((u) => EVENT_WORDS.has(u.key));
  return { features: f, units, words, context, event, pairs };
}

/** Words (as analysed) that name the platform a question is about rather than what it asks. */
const SUBJECT_WORDS = new Set([
  "task",
  "pod",
  "cluster",
  // An ECS service, a Kubernetes Service: a resource of the platform, like a task or a pod.
  "servic",
  "fargat",
  "タスク",
  "ポッド",
  "クラスタ",
  "ファゲト",
]);
/** A listed word as the analysis keys it: an English word stemmed, a Japanese one normalised. */
function asAnalysed(word: string): string {
  return /^[a-z]+$/.test(word) ? stem(word) : normalize(word);
}

/** Words (as analysed) that are about the matrix only in a question naming the subject (Unit.needsSubject). */
const NEEDS_SUBJECT_WORDS = new Set(
  `cost price bill fee charge free cheap cheaper expensive pay paid tco budget invoice spend
  料金 費用 コスト 請求 課金 安い 高い 無料 有料 値段 価格 月額 タダ 予算 請求書`
    .split(/\s+/)
    .map(asAnalysed),
);
/**
 * Words (as analysed) that say who asks, how many, when, or what happened to a product, rather than
 * what the question is about (Unit.generic): people and teams, units of time and the phrases made of
 * them (RECURRING_WORD, TIME_OF_DAY_WORD), and events (discontinued, going away, retired, migrate).
 * "team" is an alias of multi-tenancy and "every 14 months" says "recurring", yet in "how painful are
 * EKS upgrades? heard you have to do it every 14 months" the question is about upgrades.
 */
const GENERIC_WORDS = new Set(
  `team person people engineer developer dev member staff folk startup company org organization
  shop headcount colleague
  second minute hour day week month year quarter decade night morning evening weekend
  ${stem(RECURRING_WORD)} ${stem(TIME_OF_DAY_WORD)}
  discontinu retir sunset deprecat migrat successor shutdown away
  チーム 人 名 人数 メンバ 開発者 エンジニア 担当 担当者 会社 スタトアップ
  年 月 週 日 時間 分 秒 毎年 か月 ヶ月 カ月
  廃止 終了 提供終了 移行 移行先 後継 非推奨`
    .split(/\s+/)
    .map(asAnalysed),
);

/**
 * Words (as analysed) about using AWS as a customer rather than about running containers: the account
 * and its email, the console and signing in to it, support tickets, refunds, documentation, training
 * and exams (Unit.account). A question about them that names ECS or EKS ("I can't log in to the EKS
 * console", 「ECSのドキュメントのURLは？」) is still not about a capability: no entry explains such a
 * word on its own, though a few are parts of aliases ("separate AWS accounts", 「ログイン」 to a
 * container), and unlike GENERIC_WORDS it still counts as a word the answer must explain. A question
 * that also says what it is about ("separate accounts per team", 「コンテナにログインしてデバッグしたい」)
 * is answered by that, and a whole alias of two words still names its entry ("service account").
 */
const ACCOUNT_WORDS = new Set(
  `account email console login logon ticket refund docs documentation tutorial certification exam
  アカウント メール コンソール マネジメントコンソール ログイン サインイン ドキュメント マニュアル 返金
  領収書 窓口 資格 試験`
    .split(/\s+/)
    .map(asAnalysed),
);

const PER_TEAM = normalize(
  "(?:\\b(?:per|each|every|between|across|by|multiple|several|many) teams?\\b|チーム(?:ごと|単位|間|別|毎))",
);
const PER_TEAM_RE = new RegExp(PER_TEAM, "i");
const TEAM_KEYS = new Set(["team", normalize("チーム")]);

/** A generic word (GENERIC_WORDS), or a number ("14", "2026") on its own. */
export function isGenericWord(key: string): boolean {
  return GENERIC_WORDS.has(key) || /^\d+$/.test(key);
}

/**
 * Words (as analysed) that name a subject area only when they stand alone: "config" or 「設定」 next to
 * "ALB" means the ALB's settings.
 */
const WEAK_WORDS = new Set(["config", "setting", "設定", "構成"]);
const WEAK_WEIGHT = 0.5;
/** Words that list subjects side by side. */
const COORDINATORS = new Set(["and", "or", "vs", "versus", "plus"]);
/** The weight of such a word when the question says more than it. */
const SUBJECT_WEIGHT = 0.5;

/** Features of a text (see `analyze`). */
export function features(text: string): Features {
  return analyze(text).features;
}

function japanese(
  run: string,
  f: Features,
  units: Unit[],
  kanaVocabulary: ReadonlySet<string> | undefined,
): void {
  let i = 0;
  while (i < run.length) {
    const ch = run[i] as string;
    const kind = KANJI.test(ch) ? "kanji" : KATAKANA.test(ch) ? "kana" : "hira";
    let j = i + 1;
    while (j < run.length) {
      const c = run[j] as string;
      const k = KANJI.test(c) ? "kanji" : KATAKANA.test(c) ? "kana" : "hira";
      if (k !== kind) break;
      j++;
    }
    const part = run.slice(i, j);
    if (
      kind === "kanji" &&
      part.length === 1 &&
      j < run.length &&
      kindOf(run[j] as string) === "hira" &&
      !PARTICLES.has(run[j] as string)
    ) {
      // One kanji and its okurigana: 高い, 戻す. The kanji with its first kana is the word.
      okurigana(part + (run[j] as string), f, units);
    } else if (kind === "kanji") kanjiFeatures(part, f, units);
    else if (kind === "kana") kanaFeatures(part, f, units, kanaVocabulary);
    i = j;
  }
}

/** Hiragana that after a single kanji are a particle (数に, 数を, 何の), not its okurigana (高い). */
const PARTICLES = new Set(["の", "に", "を", "は", "が", "で", "と", "も", "へ"]);

/**
 * A Latin word written against the Japanese word after it (Pod数, EC2インスタンス, IAMロール) is one
 * compound: the pair is a feature, like an English pair.
 */
function mixedPair(text: string, start: number, run: string, f: Features): void {
  const before = /([A-Za-z0-9]+)$/.exec(text.slice(Math.max(0, start - 30), start));
  if (!before?.[1]) return;
  const first = kindOf(run[0] as string);
  if (first === "hira") return;
  let end = 1;
  while (end < run.length && kindOf(run[end] as string) === first) end++;
  const word = stem(before[1].toLowerCase());
  if (isStopWord(word)) return;
  add(f, `${word}${run.slice(0, end)}`, KIND_WEIGHT.pair);
}

function kindOf(ch: string): "kanji" | "kana" | "hira" {
  return KANJI.test(ch) ? "kanji" : KATAKANA.test(ch) ? "kana" : "hira";
}

function okurigana(word: string, f: Features, units: Unit[]): void {
  const kanji = word[0] as string;
  if (JA_STOP.has(kanji) || JA_STOP.has(word)) return;
  add(f, word, KIND_WEIGHT.kanji);
  add(f, kanji, KIND_WEIGHT["kanji-single"]);
  units.push({ key: word, parts: [kanji], mass: 0.6 });
}

/** Kanji that after a generic word keep it generic (検討中, 具体的, 導入後). */
const GENERIC_SUFFIX = /^[中的後時用上済]$/;

function kanjiFeatures(part: string, f: Features, units: Unit[]): void {
  if (JA_STOP.has(part)) return;
  if (part.length === 3 && JA_STOP.has(part.slice(0, 2)) && GENERIC_SUFFIX.test(part.slice(2)))
    return;
  if (part.length === 1) {
    add(f, part, KIND_WEIGHT["kanji-single"]);
    units.push({ key: part, parts: [], mass: 0.3 });
    return;
  }
  // A two-kanji run is one word; a longer run is a compound, matched whole and by its bigrams.
  if (part.length === 2) {
    add(f, part, KIND_WEIGHT.kanji);
    units.push({ key: part, parts: [], mass: 1 });
    return;
  }
  add(f, part, KIND_WEIGHT.kanji);
  const bigrams: string[] = [];
  for (let k = 0; k + 2 <= part.length; k++) {
    const bg = part.slice(k, k + 2);
    if (!JA_STOP.has(bg)) bigrams.push(bg);
  }
  const each = Math.min(KIND_WEIGHT["kanji-bigram"], KANJI_BIGRAMS_TOTAL / bigrams.length);
  for (const bg of bigrams) add(f, bg, each);
  if (bigrams.length > 0) units.push({ key: part, parts: part.length > 2 ? bigrams : [], mass: 1 });
}

function kanaFeatures(
  part: string,
  f: Features,
  units: Unit[],
  kanaVocabulary: ReadonlySet<string> | undefined,
): void {
  if (part.length < 2 || JA_STOP.has(part)) return;
  add(f, part, KIND_WEIGHT.kana);
  const segments =
    kanaVocabulary && !kanaVocabulary.has(part) ? segment(part, kanaVocabulary) : undefined;
  if (segments) {
    // A compound of known words: each word counts (a little less than standing alone), and the unit is
    // explained by as many of them as an entry matches.
    const parts = segments.filter((w) => !JA_STOP.has(w));
    for (const w of parts) add(f, w, KIND_WEIGHT["kana-segment"]);
    units.push({ key: part, parts, mass: 1 });
    return;
  }
  const bigrams: string[] = [];
  if (part.length >= 4) {
    for (let k = 0; k + 2 <= part.length; k++) bigrams.push(`~${part.slice(k, k + 2)}`);
    for (const bg of bigrams) add(f, bg, KIND_WEIGHT["kana-bigram"] / bigrams.length);
  }
  units.push({ key: part, parts: bigrams, mass: 1 });
}

/**
 * The split of a katakana run into the fewest words of a vocabulary (each at least two characters,
 * together the whole run), or undefined when there is none or the run is a single word.
 */
export function segment(run: string, vocabulary: ReadonlySet<string>): string[] | undefined {
  const n = run.length;
  if (n < 4 || n > 40) return undefined;
  // best[i]: the fewest words covering run[0, i); from[i]: where the last of them starts.
  const best = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const here = best[i] as number;
    if (here === Number.POSITIVE_INFINITY) continue;
    for (let j = i + 2; j <= n; j++) {
      if (j - i === n) continue; // the whole run is not a split
      if (here + 1 < (best[j] as number) && vocabulary.has(run.slice(i, j))) {
        best[j] = here + 1;
        from[j] = i;
      }
    }
  }
  if (best[n] === Number.POSITIVE_INFINITY) return undefined;
  const out: string[] = [];
  for (let j = n; j > 0; j = from[j] as number) out.unshift(run.slice(from[j] as number, j));
  return out;
}

/** Is this feature a katakana word (a candidate part of a katakana compound)? */
export function isKanaWord(feature: string): boolean {
  return /^[\u30a0-\u30ff\u31f0-\u31ff]{2,}$/.test(feature);
}

/** Is this feature an English word (a candidate for typo correction)? */
export function isLatinFeature(feature: string): boolean {
  return /^[a-z0-9]+$/.test(feature);
}
