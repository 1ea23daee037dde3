import { parseArgs } from "node:util";
import {
  type Decision,
  type DecisionView,
  decide,
  describeDecision,
} from "../core/decision/index.js";
import type { Lang } from "../core/i18n/lang.js";
import { renderRecord } from "../core/record/index.js";
import {
  answer as answerQuestion,
  answersOf,
  back,
  currentQuestion,
  loadWalkthrough,
  progress,
  type SessionState,
  skip,
  start,
  type WalkthroughDef,
} from "../core/walkthrough/index.js";
import { checkAnswers, givenAnswers } from "./answers.js";
import type { CliContext } from "./io.js";
import { t } from "./messages.js";
import { columns, wrap } from "./table.js";
import { COMMON_OPTIONS, commandHelp, FORMATS, pickFormat, pickLang, UsageError } from "./usage.js";

/** decide --help: how to answer, then every question and option of the walkthrough. */
function decideHelp(def: WalkthroughDef, lang: Lang): string {
  const example = def.questions.slice(0, 2).map((q) => `${q.id}=${q.options[0]?.id ?? ""}`);
  const lines = [
    commandHelp(lang, {
      synopsis: t(lang, "synopsisDecide"),
      about: t(lang, "aboutDecide"),
      options: [
        [`--answer ${t(lang, "questionEqualsOption")}`, t(lang, "optAnswer")],
        ["--answers file.yml", t(lang, "optAnswers")],
        ["--format text|markdown|json", t(lang, "optDecideFormat")],
        ['--title "..."', t(lang, "optTitle")],
      ],
      examples: [
        `ecs-vs-eks decide ${example.map((e) => `--answer ${e}`).join(" ")}`,
        `printf '${example.join("\\n")}\\n' | ecs-vs-eks decide --format markdown`,
        "ecs-vs-eks decide",
      ],
    }),
    "",
    `${t(lang, "questionsTitle")}:`,
  ];
  for (const stage of def.stages) {
    lines.push("", `  ${stage.title[lang]}`);
    for (const question of stage.questions) {
      lines.push(`    ${question.id}: ${question.prompt[lang]}`);
      lines.push(
        ...columns(
          question.options.map((o) => [o.id, o.label[lang]] as const),
          "      ",
        ),
      );
    }
  }
  return lines.join("\n");
}

/** Asks the questions one by one on a terminal. */
async function interactive(
  def: WalkthroughDef,
  lang: Lang,
  prompt: (q: string) => Promise<string | undefined>,
  print: (text: string) => void,
  at: Date,
): Promise<Record<string, string>> {
  let state: SessionState = start(def);
  for (;;) {
    const question = currentQuestion(def, state);
    if (!question) break;
    const p = progress(def, state);
    const stage = def.stages.find((s) => s.id === question.stage);
    print(
      `\n${t(lang, "progress", { position: p.position, total: p.total })} · ${stage?.title[lang] ?? ""}`,
    );
    print(wrap(question.prompt[lang]));
    if (question.help) print(wrap(question.help[lang], 88, "  "));
    question.options.forEach((o, i) => {
      print(`  ${i + 1}) ${o.label[lang]}`);
    });
    const reply = (
      await prompt(t(lang, "promptChoose", { count: question.options.length }))
    )?.trim();
    if (reply === undefined || reply.toLowerCase() === "q") break;
    if (reply === "") {
      state = skip(def, state);
      continue;
    }
    if (reply.toLowerCase() === "b") {
      state = back(def, state);
      continue;
    }
    const index = Number(reply);
    const option =
      Number.isInteger(index) && index >= 1
        ? question.options[index - 1]
        : question.options.find((o) => o.id === reply);
    if (!option) continue;
    state = answerQuestion(def, state, question.id, option.id, undefined, at).state;
  }
  return answersOf(state);
}

export function decisionText(view: DecisionView): string {
  const lines: string[] = [view.headline, wrap(view.summary), view.scores.line, ""];
  lines.push(`${view.reasons.title}:`);
  for (const stage of view.reasons.stages) {
    lines.push(`  ${stage.title}`);
    for (const r of stage.items) {
      lines.push(`    - ${r.topic}: ${r.answer} (${r.leanLabel})`);
      lines.push(wrap(r.why, 88, "      "));
      if (r.capabilitiesLine) lines.push(wrap(r.capabilitiesLine, 88, "      "));
    }
  }
  lines.push("", `${view.flips.title}:`);
  if (view.flips.items.length === 0) lines.push(`  ${view.flips.none}`);
  for (const f of view.flips.items) lines.push(wrap(`- ${f.sentence}`, 88, "  "));
  lines.push("", `${view.needs.title}:`);
  if (view.needs.ecs.items.length === 0 && view.needs.eks.items.length === 0) {
    lines.push(`  ${view.needs.none}`);
  }
  for (const list of [view.needs.ecs, view.needs.eks]) {
    if (list.items.length > 0) {
      lines.push(wrap(`${list.title}: ${list.top.join(", ")}`, 88, "  "));
      if (list.more) lines.push(wrap(list.more, 88, "    "));
    }
  }
  if (view.unanswered.items.length > 0) {
    lines.push("", `${view.unanswered.title}:`);
    for (const item of view.unanswered.items) lines.push(wrap(`- ${item}`, 88, "  "));
  }
  lines.push("", view.versions);
  return lines.join("\n");
}

export function decisionJson(decision: Decision, lang: Lang) {
  return {
    recommendation: decision.recommendation,
    lean: decision.lean,
    strength: decision.strength,
    scores: decision.scores,
    reasons: decision.reasons.map((g) => ({
      stage: g.stage,
      items: g.items.map((r) => ({ ...r, why: r.why[lang] })),
    })),
    flips: decision.flips,
    needs: decision.needs,
    unanswered: decision.unanswered,
    answers: decision.answers,
    matrixVersion: decision.matrixVersion,
    walkthroughVersion: decision.walkthroughVersion,
  };
}

export async function runDecide(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...COMMON_OPTIONS,
      answer: { type: "string", multiple: true },
      answers: { type: "string" },
      format: { type: "string" },
      title: { type: "string" },
    },
    strict: true,
  });
  const lang = pickLang(values.lang, ctx.lang);
  const def = loadWalkthrough(undefined, ctx.matrix);
  if (values.help) {
    ctx.io.stdout(decideHelp(def, lang));
    return 0;
  }
  const format = pickFormat(values.format, lang, FORMATS);
  const now = ctx.io.now ?? new Date();
  let answers = await givenAnswers(values, ctx.io, lang);
  if (answers === undefined && ctx.io.prompt) {
    answers = await interactive(def, lang, ctx.io.prompt, ctx.io.stdout, now);
    ctx.io.stdout("");
  }
  if (answers === undefined) throw new UsageError(t(lang, "decideNeedsAnswers"));
  checkAnswers(def, answers, lang);
  const decision = decide(def, ctx.matrix, answers);
  if (format === "json") {
    ctx.io.stdout(JSON.stringify(decisionJson(decision, lang), null, 2));
  } else if (format === "markdown") {
    ctx.io.stdout(
      renderRecord(
        def,
        ctx.matrix,
        decision,
        {
          title: values.title ?? t(lang, "defaultTitle"),
          date: now,
          decisionMakers: [],
          consulted: [],
        },
        lang,
      ),
    );
  } else {
    ctx.io.stdout(decisionText(describeDecision(def, ctx.matrix, decision, lang)));
  }
  return 0;
}
