import { isoDate } from "../clock.js";
import {
  type CompleteDecision,
  completeDecision,
  type Decision,
  type Platform,
  plannedPlatform,
  SETTLED,
} from "../decision/decide.js";
import {
  amidKana,
  beforeKana,
  type DecisionView,
  describeDecision,
  framing,
  insteadText,
  platformName,
} from "../decision/view.js";
import type { Lang } from "../i18n/lang.js";
import type { Matrix } from "../matrix/load.js";
import { type Gist, gistOf, type Relied, recordFacts, reliedOn } from "../review/relied.js";
import { requireOption, requireQuestion } from "../walkthrough/session.js";
import type { Consequence, WalkthroughDef } from "../walkthrough/types.js";
import { yaml } from "../yaml.js";
import { t } from "./messages.js";

export const RECORD_STATUSES = [
  "proposed",
  "accepted",
  "rejected",
  "deprecated",
  "superseded",
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export interface RecordMeta {
  title: string;
  date: Date;
  /** Defaults to "proposed". */
  status?: RecordStatus;
  decisionMakers: string[];
  consulted: string[];
  informed?: string[];
  links?: { label: string; url: string }[];
  /**
   * The version of the thread's decision this one supersedes (a revisit), e.g. 1: said under the
   * title, as MADR says "Supersedes" of an earlier record.
   */
  supersedes?: number;
  /**
   * What the decision relied on (reliedOn of the same walkthrough, matrix and decision), when the
   * caller has it already; computed here otherwise.
   */
  relied?: Relied;
}

/** User text on one line: newlines become spaces, runs of blanks collapse. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** User text as a heading: on one line, and a leading "#" cannot change the heading level. */
export function headingText(text: string, fallback: string): string {
  const line = oneLine(text);
  if (line === "") return fallback;
  return line.replace(/^#+/, (hashes) => hashes.replace(/#/g, "\\#"));
}

function linkLabel(text: string): string {
  return oneLine(text).replace(/[[\]\\]/g, (c) => `\\${c}`);
}

function linkUrl(url: string): string {
  const escapes: Record<string, string> = {
    " ": "%20",
    "(": "%28",
    ")": "%29",
    "<": "%3C",
    ">": "%3E",
  };
  return oneLine(url).replace(/[ ()<>]/g, (c) => escapes[c] ?? c);
}

/**
 * The front matter's own key: what the decision was made from, machine-readable, so that
 * `ecs-vs-eks check --decision <record.md>` can tell what changed since (src/core/review).
 */
export const RECORD_DATA_KEY = "ecs-vs-eks";

/** The record's own front-matter block (RECORD_DATA_KEY): read back by parseRecordData. */
export interface RecordData {
  matrix: string;
  walkthrough: string;
  answers: Record<string, string>;
  /** What was decided: the verdict, recommendation, lean and planned platform. */
  outcome: Gist;
  /** Per relied-on capability, both sides' level and summary hash (src/core/review recordFacts). */
  facts: Record<string, string>;
}

function recordData(decision: CompleteDecision, relied: Relied): RecordData {
  return {
    matrix: decision.matrixVersion,
    walkthrough: decision.walkthroughVersion,
    answers: { ...decision.answers },
    outcome: gistOf(decision),
    facts: recordFacts(relied),
  };
}

/** The record without its data block, for counting words: the block is for machines, not a page. */
function withoutData(md: string): string {
  return md.replace(new RegExp(`^${RECORD_DATA_KEY}:\\n(?:[ ].*\\n)*`, "m"), "");
}

function frontMatter(meta: RecordMeta, own?: RecordData): string {
  const names = (list: string[] | undefined) => (list ?? []).map(oneLine).filter((n) => n !== "");
  const data = {
    status: meta.status ?? "proposed",
    date: isoDate(meta.date),
    "decision-makers": names(meta.decisionMakers),
    consulted: names(meta.consulted),
    informed: names(meta.informed),
    ...(own ? { [RECORD_DATA_KEY]: own } : {}),
  };
  return `---\n${yaml().stringify(data, { lineWidth: 0 })}---`;
}

function bullets(items: string[]): string[] {
  return items.map((item) => `* ${item}`);
}

/** Names that start sentences of the data and keep their capital after "because". */
const PROPER_START =
  /^(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*|Kubernetes|Kubeflow|Karpenter|Kueue|Fargate|Argo|Flux|Windows|Linux|Helm|Istio|Linkerd|Amazon|Auto|Express|Terraform|Pod|Manifests and Helm)\b/;

/** A sentence of the data joined after "because" (English): its first word lower-cased unless a name. */
function afterBecause(text: string, lang: Lang): string {
  if (lang !== "en" || PROPER_START.test(text) || !/^[A-Z]/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "a and b", "a, b and c" (en); 「a、b と c」 (ja). */
function joinTopics(topics: string[], lang: Lang): string {
  if (topics.length <= 1) return topics.join("");
  const last = topics[topics.length - 1] as string;
  const head = topics.slice(0, -1).join(t(lang, "list.separator"));
  return t(lang, "and.two", { a: head, b: last });
}

/**
 * The decision as a Markdown architecture decision record in the shape of MADR 4, on one page: the
 * answers once as drivers, each answer's reason once under the option it favours, the outcome with
 * its hard constraints, capacity option and fees, and what the platform brings whatever the answers;
 * then the bill of materials, what would change the decision and what was left unanswered.
 */
export function renderRecord(
  def: WalkthroughDef,
  matrix: Matrix,
  stored: Decision,
  meta: RecordMeta,
  lang: Lang,
): string {
  const decision = completeDecision(def, matrix, stored);
  // The same for every fit: worked out once.
  const data = recordData(decision, meta.relied ?? reliedOn(def, matrix, decision));
  const front = frontMatter(meta, data);
  const view = describeDecision(def, matrix, decision, lang);
  let md = "";
  for (const fit of FITS) {
    md = render(def, matrix, decision, view, front, meta, lang, fit);
    if (recordWords(md) <= MAX_RECORD_WORDS) break;
  }
  return md;
}

/** A record is one page: at most this many words (see recordWords). */
export const MAX_RECORD_WORDS = 1000;

/**
 * Japanese characters that make one English word's worth of text: translators reckon an English
 * word at 2 to 3 Japanese characters (400 characters for 160 words), so a page holds about the same
 * in both languages.
 */
const JA_CHARS_PER_WORD = 2.5;

/**
 * Words as `wc -w` counts them (every run of non-blank characters, Markdown marks included), except
 * that Japanese text counts one word for every JA_CHARS_PER_WORD characters, and the front matter's
 * data block (RECORD_DATA_KEY) does not count.
 */
export function recordWords(text: string): number {
  // The record's own data block (RECORD_DATA_KEY) is for machines, not part of the page.
  text = withoutData(text);
  let words = 0;
  for (const token of text.split(/\s+/)) {
    if (token === "") continue;
    const cjk = token.match(/[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/g)?.length ?? 0;
    if (cjk === 0) {
      words++;
      continue;
    }
    const latin = token.replace(/[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+/g, " ").trim();
    words += Math.ceil(cjk / JA_CHARS_PER_WORD) + (latin === "" ? 0 : latin.split(/\s+/).length);
  }
  return words;
}

/** How much a record says; a long one is shortened step by step until it fits on one page. */
interface Fit {
  /** The answers as one sentence per stage instead of one bullet per answer. */
  compactDrivers: boolean;
  maxFlips: number;
  /** Each reason's first sentence (or clause) only. */
  shortWhys: boolean;
  /** Each item of the bill of materials with the first clause of its why only. */
  shortNeeds: boolean;
  /** Answers of weight up to this named in one sentence instead of each with its reason. */
  byNameUpTo: number;
  /** At most this many items of the bill of materials (the most important first). */
  maxNeeds: number;
}

const FULL: Fit = {
  compactDrivers: false,
  maxFlips: 5,
  shortWhys: false,
  shortNeeds: false,
  byNameUpTo: 0,
  maxNeeds: 10,
};
const SHORT: Fit = {
  ...FULL,
  compactDrivers: true,
  maxFlips: 3,
  shortWhys: true,
  shortNeeds: true,
};
const FITS: Fit[] = [
  FULL,
  { ...FULL, compactDrivers: true },
  { ...FULL, compactDrivers: true, maxFlips: 3 },
  { ...FULL, compactDrivers: true, maxFlips: 3, shortWhys: true },
  SHORT,
  { ...SHORT, maxFlips: 2, byNameUpTo: 1 },
  { ...SHORT, maxFlips: 2, byNameUpTo: 2, maxNeeds: 8 },
  { ...SHORT, maxFlips: 1, byNameUpTo: 3, maxNeeds: 6 },
  { ...SHORT, maxFlips: 1, byNameUpTo: 3, maxNeeds: 4 },
];

/** The first sentence of a reason, or its first clause when that sentence runs on. */
function firstSentence(text: string, lang: Lang): string {
  if (lang === "ja") {
    const end = text.indexOf("。");
    return end < 0 ? text : text.slice(0, end + 1);
  }
  const sentence = text.split(/(?<=\.)\s/)[0] ?? text;
  const clause = sentence.split("; ")[0] ?? sentence;
  return /[.!?]$/.test(clause) ? clause : `${clause}.`;
}

function render(
  def: WalkthroughDef,
  matrix: Matrix,
  decision: CompleteDecision,
  view: DecisionView,
  /** The front matter, as frontMatter() writes it. */
  front: string,
  meta: RecordMeta,
  lang: Lang,
  fit: Fit,
): string {
  const reasons = decision.reasons.flatMap((g) => g.items);
  const answered = reasons.length;
  const score = t(lang, "score.inline", decision.scores);
  const { verdict } = decision;
  const chosen: Platform | null = plannedPlatform(verdict);
  const frame = framing(decision);
  const current = decision.answers["current-platform"];
  const runs: Platform | null = current === "ecs" || current === "eks" ? current : null;
  const instead = verdict.kind === "neither" ? insteadText(def, decision, lang) : null;

  /** An option's name in this record: "Stay on Amazon ECS" when the team runs it already. */
  const optionName = (platform: Platform) => {
    const name = platformName(platform, lang);
    if (!runs) return name;
    return t(lang, runs === platform ? "option.stay" : "option.migrate", { platform: name });
  };
  const topicOf = (question: string) => requireQuestion(def, question).topic[lang];

  const out: string[] = [];
  out.push(front, "");
  out.push(`# ${headingText(meta.title, "Amazon ECS / Amazon EKS")}`, "");
  if (meta.supersedes !== undefined) {
    out.push(t(lang, "supersedes", { from: meta.supersedes, to: meta.supersedes + 1 }), "");
  }

  // Context
  out.push(`## ${t(lang, "h.context")}`, "");
  out.push(
    runs
      ? t(lang, "context.stay", {
          current: platformName(runs, lang),
          other: platformName(runs === "ecs" ? "eks" : "ecs", lang),
        })
      : t(lang, "context.new"),
    "",
  );
  out.push(t(lang, "context.essay"), "");
  out.push(
    decision.unanswered.length === 0
      ? t(lang, "context.all", { total: def.questions.length })
      : t(lang, "context.answered", {
          answered,
          total: def.questions.length,
          topics: decision.unanswered.map(topicOf).join(t(lang, "list.separator")),
        }),
    "",
  );

  // Drivers: the answers, by stage, each once and without its reason (the reasons follow below).
  out.push(`## ${t(lang, "h.drivers")}`, "");
  if (view.reasons.stages.length === 0) out.push(t(lang, "drivers.none"), "");
  if (fit.compactDrivers) {
    const lines = view.reasons.stages.map((stage) =>
      t(lang, "drivers.stage", {
        stage: stage.title,
        answers: joinTopics(
          stage.items.map((r) => t(lang, "drivers.pair", { topic: r.topic, answer: r.answer })),
          lang,
        ),
      }),
    );
    if (lines.length > 0) out.push(...bullets(lines), "");
  } else {
    for (const stage of view.reasons.stages) {
      out.push(`**${stage.title}**`, "");
      out.push(
        ...bullets(
          stage.items.map((r) => t(lang, "driver.item", { topic: r.topic, answer: r.answer })),
        ),
        "",
      );
    }
  }

  // Options
  out.push(`## ${t(lang, "h.options")}`, "");
  const options = (["ecs", "eks"] as const).map((p) =>
    t(lang, p === "ecs" ? "option.ecs" : "option.eks", { name: optionName(p) }),
  );
  if (instead) {
    options.push(
      t(lang, "option.instead", { name: instead.charAt(0).toUpperCase() + instead.slice(1) }),
    );
  }
  out.push(...bullets(options), "");

  // Outcome
  out.push(`## ${t(lang, "h.outcome")}`, "");
  const outcome: string[] = [];
  const musts = view.must.items;
  const leanNote = (key: "outcome.soFar" | "outcome.without") =>
    verdict.platform
      ? [t(lang, key, { platform: platformName(verdict.platform, lang), score })]
      : [];
  if (answered === 0) {
    outcome.push(t(lang, "outcome.none", { because: t(lang, "because.noAnswers") }));
  } else if (verdict.kind === "neither") {
    outcome.push(
      instead
        ? t(lang, "outcome.neither", { instead })
        : t(lang, "outcome.none", { because: t(lang, "because.eitherEven", { score }) }),
    );
    outcome.push(...musts.flatMap((m) => [m.because]));
    outcome.push(...mustFacts(def, matrix, decision, lang));
    outcome.push(...leanNote("outcome.without"));
  } else if (verdict.kind === "undecided") {
    outcome.push(
      t(lang, "outcome.none", {
        because: t(lang, "because.undecided", {
          answered,
          total: def.questions.length,
          min: SETTLED.MIN_ANSWERED,
        }),
      }),
    );
    outcome.push(...leanNote("outcome.soFar"));
  } else if (chosen === null) {
    outcome.push(t(lang, "outcome.none", { because: t(lang, "because.eitherEven", { score }) }));
  } else if (verdict.kind === "required") {
    outcome.push(t(lang, "outcome.required", { platform: optionName(chosen) }));
    outcome.push(...musts.map((m) => m.because));
    outcome.push(...mustFacts(def, matrix, decision, lang));
    const other: Platform = chosen === "ecs" ? "eks" : "ecs";
    if (decision.scores[other] > decision.scores[chosen]) {
      outcome.push(
        t(lang, "outcome.against", {
          platform: platformName(chosen, lang),
          other: platformName(other, lang),
          score,
        }),
      );
    }
  } else {
    const topics = reasons
      .filter((r) => r.lean === chosen && r.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 2)
      .map((r) => topicOf(r.question));
    const because =
      decision.recommendation === "either"
        ? t(lang, "because.eitherLean", { score })
        : t(lang, "because.platform", {
            score,
            topics:
              lang === "ja"
                ? amidKana(joinTopics(topics, lang), lang).trimEnd()
                : joinTopics(topics, lang),
            strength: t(
              lang,
              decision.strength === "strong" ? "strength.strong" : "strength.clear",
            ),
          });
    outcome.push(t(lang, "outcome.chosen", { option: optionName(chosen), because }));
  }
  if (view.capacity) {
    const c = view.capacity.choice;
    outcome.push(
      t(lang, "outcome.capacity", {
        name: beforeKana(c.name, lang),
        why: afterBecause(c.why, lang),
      }),
    );
    outcome.push(t(lang, "outcome.fee", { fee: c.fee }));
  }
  for (const line of outcome) out.push(line, "");

  // Consequences: what the chosen platform brings whatever the answers.
  out.push(`### ${t(lang, "h.consequences")}`, "");
  const info = chosen && view.capacity ? def.platforms?.[chosen] : undefined;
  if (info && chosen) {
    // A consequence that an answer's reason already gives (its main capability) is not said again:
    // a good one by a reason for the chosen option, a bad one by a reason for the other.
    const saidBy = (side: Platform) =>
      new Set(
        reasons
          .filter((r) => r.lean === side && r.weight > 0)
          .flatMap((r) => r.capabilities.slice(0, 1)),
      );
    const forIt = saidBy(chosen);
    const against = saidBy(chosen === "ecs" ? "eks" : "ecs");
    const fresh = (said: Set<string>) => (c: Consequence) =>
      !(c.capabilities ?? []).some((id) => said.has(id));
    const consequences = [
      ...info.good
        .filter(fresh(forIt))
        .map((g) => t(lang, "good", { text: afterBecause(g[lang], lang) })),
      ...info.bad
        .filter(fresh(against))
        .map((b) => t(lang, "bad", { text: afterBecause(b[lang], lang) })),
    ];
    if (frame?.kind === "migrate") {
      consequences.push(t(lang, "bad", { text: afterBecause(info.migrate[lang], lang) }));
    }
    out.push(
      ...(consequences.length > 0 ? bullets(consequences) : [t(lang, "consequence.said")]),
      "",
    );
  } else if (instead) {
    out.push(t(lang, "consequence.neither", { instead: amidKana(instead, lang) }), "");
  } else {
    out.push(t(lang, "consequence.none"), "");
  }

  // Pros and cons: each answer's reason once, under the option it favours.
  out.push(`## ${t(lang, "h.prosCons")}`, "");
  for (const platform of ["ecs", "eks"] as const) {
    out.push(`### ${optionName(platform)}`, "");
    const favour = reasons.filter(
      (r) => r.lean === platform && !requireOption(def, r.question, r.option).must,
    );
    const minor = favour.filter((r) => r.weight <= fit.byNameUpTo);
    const pros = favour
      .filter((r) => !minor.includes(r))
      .map((r) => {
        const why = fit.shortWhys ? firstSentence(r.why[lang], lang) : r.why[lang];
        return t(lang, "good", { text: afterBecause(why, lang) });
      });
    if (minor.length > 0) {
      pros.push(
        t(lang, "good", {
          text: t(lang, "pro.minor", {
            topics: joinTopics(
              minor.map((r) => topicOf(r.question)),
              lang,
            ),
          }),
        }),
      );
    }
    out.push(
      ...(pros.length > 0
        ? bullets(pros)
        : [t(lang, "prosCons.none", { option: optionName(platform) })]),
      "",
    );
  }

  // More information
  out.push(`## ${t(lang, "h.more")}`, "");
  if (chosen && view.needs.stages.length > 0) {
    const priority = new Map((def.needs ?? []).map((n) => [n.id, n.priority]));
    const kept = new Set(
      decision.bill
        .map((item, index) => ({ id: item.id, rank: priority.get(item.id) ?? 3, index }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .slice(0, fit.maxNeeds)
        .map((x) => x.id),
    );
    out.push(t(lang, "more.needs", { platform: platformName(chosen, lang) }), "");
    for (const stage of view.needs.stages) {
      const items = stage.items.filter((item) => kept.has(item.id));
      if (items.length === 0) continue;
      out.push(`**${t(lang, `stage.${stage.stage}`)}**`, "");
      out.push(
        ...bullets(
          items.map((item) =>
            t(lang, "need.item", {
              name: lang === "en" ? needName(item.name) : beforeKana(item.name, lang),
              why: afterBecause(fit.shortNeeds ? firstSentence(item.why, lang) : item.why, lang),
            }),
          ),
        ),
        "",
      );
    }
  }
  if (view.flips.items.length > 0) {
    out.push(t(lang, "more.flips"), "");
    out.push(...bullets(view.flips.items.slice(0, fit.maxFlips).map((f) => f.sentence)), "");
  } else {
    out.push(view.flips.none, "");
  }
  const links = meta.links ?? [];
  if (links.length > 0) {
    out.push(t(lang, "more.links"), "");
    out.push(...bullets(links.map((l) => `[${linkLabel(l.label)}](${linkUrl(l.url)})`)), "");
  }
  out.push(
    t(lang, "more.versions", {
      matrix: decision.matrixVersion,
      walkthrough: decision.walkthroughVersion,
    }),
    "",
  );
  return `${out.join("\n").trimEnd()}\n`;
}

/** An item's name inside a sentence: "An upgrade plan" → "an upgrade plan". */
function needName(name: string): string {
  return /^(?:An?|The|Subnets)\b/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** The matrix source behind each hard constraint, as sentences. */
function mustFacts(
  def: WalkthroughDef,
  matrix: Matrix,
  decision: CompleteDecision,
  lang: Lang,
): string[] {
  return decision.verdict.musts.flatMap((m) => {
    const fact = requireOption(def, m.question, m.option).must?.fact;
    const cap = fact ? matrix.byId.get(fact.capability) : undefined;
    if (!fact || !cap) return [];
    const source =
      cap.sources.find((s) => s.url === fact.source) ??
      cap.sources.find((s) => s.kind === "primary");
    if (!source) return [];
    return [t(lang, "outcome.fact", { title: source.title, url: source.url, date: cap.verified })];
  });
}

/** The front matter's first line is its status (frontMatter() writes it first). */
const FRONT_MATTER_STATUS = /^---(\r?\n)status: [a-z]+(?=\r?\n)/;

/**
 * The record with its front-matter status set to `status` (the decision's status changed); every
 * other line is kept as it was. A record without that front matter is returned unchanged.
 */
export function withRecordStatus(markdown: string, status: RecordStatus): string {
  return markdown.replace(FRONT_MATTER_STATUS, (_m, eol: string) => `---${eol}status: ${status}`);
}
