import type { Decision, Platform } from "../decision/decide.js";
import { touchedCapabilities } from "../decision/decide.js";
import { capabilityTitle, describeDecision, platformName } from "../decision/view.js";
import type { Lang } from "../i18n/lang.js";
import type { Matrix } from "../matrix/load.js";
import type { Support } from "../matrix/schema.js";
import { requireOption, requireQuestion } from "../walkthrough/session.js";
import type { WalkthroughDef } from "../walkthrough/types.js";
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

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const SIDE = { ecs: "ecs", eks: "kubernetes" } as const;

function frontMatter(meta: RecordMeta): string {
  const names = (list: string[] | undefined) => (list ?? []).map(oneLine).filter((n) => n !== "");
  const data = {
    status: meta.status ?? "proposed",
    date: isoDate(meta.date),
    "decision-makers": names(meta.decisionMakers),
    consulted: names(meta.consulted),
    informed: names(meta.informed),
  };
  return `---\n${yaml().stringify(data, { lineWidth: 0 })}---`;
}

function bullets(items: string[]): string[] {
  return items.map((item) => `* ${item}`);
}

/** The decision as a Markdown architecture decision record in the shape of MADR 4. */
export function renderRecord(
  def: WalkthroughDef,
  matrix: Matrix,
  decision: Decision,
  meta: RecordMeta,
  lang: Lang,
): string {
  const view = describeDecision(def, matrix, decision, lang);
  const sep = t(lang, "list.separator");
  const reasons = decision.reasons.flatMap((g) => g.items);
  const answered = reasons.length;
  const score = t(lang, "score.inline", decision.scores);
  const chosen: Platform | null = decision.lean;

  const reasonText = (question: string, option: string) => {
    const q = requireQuestion(def, question);
    const o = requireOption(def, question, option);
    return { topic: q.topic[lang], answer: o.label[lang], why: o.why[lang] };
  };
  // Topics are written for the middle of a sentence ("the workload"); at the start of a line, capitalize.
  const lead = (text: string) =>
    lang === "en" ? text.charAt(0).toUpperCase() + text.slice(1) : text;

  const out: string[] = [];
  out.push(frontMatter(meta), "");
  out.push(`# ${headingText(meta.title, "Amazon ECS / Amazon EKS")}`, "");

  // Context
  out.push(`## ${t(lang, "h.context")}`, "");
  out.push(t(lang, "context.essay"), "");
  out.push(t(lang, "context.answered", { answered, total: def.questions.length }), "");

  // Drivers: the answers, by stage
  out.push(`## ${t(lang, "h.drivers")}`, "");
  if (view.reasons.stages.length === 0) out.push(t(lang, "drivers.none"), "");
  for (const stage of view.reasons.stages) {
    out.push(`**${stage.title}**`, "");
    out.push(
      ...bullets(
        stage.items.map((r) =>
          t(lang, "driver.item", {
            topic: lead(r.topic),
            answer: r.answer,
            why: r.why,
            lean: r.leanLabel,
          }),
        ),
      ),
      "",
    );
  }

  // Options
  out.push(`## ${t(lang, "h.options")}`, "");
  out.push(...bullets([platformName("ecs", lang), platformName("eks", lang)]), "");

  // Outcome
  out.push(`## ${t(lang, "h.outcome")}`, "");
  if (answered === 0) {
    out.push(t(lang, "outcome.none", { because: t(lang, "because.noAnswers") }), "");
  } else if (chosen === null) {
    out.push(t(lang, "outcome.none", { because: t(lang, "because.eitherEven", { score }) }), "");
  } else {
    const because =
      decision.recommendation === "either"
        ? t(lang, "because.eitherLean", { score })
        : t(lang, "because.platform", {
            score,
            strength: t(
              lang,
              decision.strength === "strong" ? "strength.strong" : "strength.clear",
            ),
          });
    out.push(t(lang, "outcome.chosen", { option: platformName(chosen, lang), because }), "");
    const weightiest = reasons
      .filter((r) => r.lean === chosen)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 3);
    if (weightiest.length > 0) {
      out.push(t(lang, "outcome.weightiest"), "");
      out.push(
        ...bullets(
          weightiest.map((r) => {
            const x = reasonText(r.question, r.option);
            return t(lang, "weightiest.item", { ...x, topic: lead(x.topic) });
          }),
        ),
        "",
      );
    }
  }

  // Consequences
  out.push(`### ${t(lang, "h.consequences")}`, "");
  const consequences: string[] = [];
  if (chosen === null) {
    if (answered > 0) consequences.push(t(lang, "neutral", { text: t(lang, "consequence.even") }));
  } else {
    for (const r of reasons.filter((x) => x.lean === chosen)) {
      consequences.push(
        t(lang, "good", { text: t(lang, "consequence.fits", reasonText(r.question, r.option)) }),
      );
    }
    for (const r of reasons.filter((x) => x.lean !== chosen && x.lean !== "neutral")) {
      consequences.push(
        t(lang, "bad", { text: t(lang, "consequence.against", reasonText(r.question, r.option)) }),
      );
    }
    const needs = decision.needs[chosen].slice(0, 8);
    if (needs.length > 0) {
      const key = chosen === "ecs" ? "consequence.ecsNeeds" : "consequence.eksNeeds";
      consequences.push(t(lang, "bad", { text: t(lang, key, { uses: needs.join(sep) }) }));
    }
  }
  if (consequences.length === 0) consequences.push(t(lang, "because.noAnswers"));
  out.push(...bullets(consequences), "");

  // Pros and cons, per option: the answers that favour it, then the capabilities the answers touch.
  out.push(`## ${t(lang, "h.prosCons")}`, "");
  const touched = touchedCapabilities(def, decision.answers);
  for (const platform of ["ecs", "eks"] as const) {
    out.push(`### ${platformName(platform, lang)}`, "");
    out.push(t(lang, platform === "ecs" ? "option.ecs.intro" : "option.eks.intro"), "");
    const good: string[] = [];
    const neutral: string[] = [];
    const bad: string[] = [];
    for (const r of reasons.filter((x) => x.lean === platform)) {
      good.push(t(lang, "consequence.fits", reasonText(r.question, r.option)));
    }
    for (const { id } of touched) {
      const cap = matrix.byId.get(id);
      if (!cap) continue;
      const side = cap[SIDE[platform]];
      const params = { title: capabilityTitle(matrix, id, lang), uses: side.uses.join(sep) };
      const text =
        side.support === "delegated"
          ? t(
              lang,
              platform === "ecs" ? "capability.delegated.ecs" : "capability.delegated.eks",
              params,
            )
          : t(lang, `capability.${side.support}`, params);
      const bucket: Record<Support, string[]> = {
        native: good,
        delegated: neutral,
        partial: neutral,
        none: bad,
      };
      bucket[side.support].push(text);
    }
    const items = [
      ...good.map((text) => t(lang, "good", { text })),
      ...neutral.map((text) => t(lang, "neutral", { text })),
      ...bad.map((text) => t(lang, "bad", { text })),
    ];
    out.push(...(items.length > 0 ? bullets(items) : [t(lang, "prosCons.none")]), "");
  }

  // More information
  out.push(`## ${t(lang, "h.more")}`, "");
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
  out.push(`${view.scores.line}`, "");
  out.push(t(lang, "more.flips"), "");
  out.push(
    ...(view.flips.items.length > 0
      ? bullets(view.flips.items.map((f) => f.sentence))
      : bullets([view.flips.none])),
    "",
  );
  out.push(t(lang, "more.needs"), "");
  if (view.needs.ecs.items.length + view.needs.eks.items.length === 0) {
    out.push(...bullets([view.needs.none]), "");
  } else {
    out.push(
      ...bullets([
        `${view.needs.ecs.title}: ${view.needs.ecs.items.join(sep)}`,
        `${view.needs.eks.title}: ${view.needs.eks.items.join(sep)}`,
      ]),
      "",
    );
  }
  if (view.unanswered.items.length > 0) {
    out.push(t(lang, "more.unanswered"), "");
    out.push(...bullets(view.unanswered.items), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
