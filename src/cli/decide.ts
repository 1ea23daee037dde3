import {
  completeDecision,
  type Decision,
  type DecisionView,
  decide,
  describeDecision,
  insteadText,
} from "../core/decision/index.js";
import type { Lang } from "../core/i18n/lang.js";
import type { Matrix } from "../core/matrix/load.js";
import { renderRecord } from "../core/record/index.js";
import {
  answer as answerQuestion,
  answersOf,
  back,
  canonicalAnswers,
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
import { commandHelp, FORMATS, parseCommand, pickFormat, UsageError } from "./usage.js";

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
        ["--decider NAME", t(lang, "optDecider")],
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
  const lines: string[] = [view.headline, wrap(view.summary), view.scores.line];
  if (view.must.items.length > 0) {
    lines.push("", `${view.must.title}:`);
    for (const m of view.must.items) {
      lines.push(wrap(`- ${m.because}`, 88, "  "));
      if (m.fact) lines.push(wrap(m.fact, 88, "    "));
    }
  }
  if (view.capacity) {
    const c = view.capacity.choice;
    lines.push("", `${view.capacity.title}: ${c.name}`);
    lines.push(wrap(c.why, 88, "  "), wrap(c.fee, 88, "  "));
  }
  lines.push("", `${view.needs.title}:`);
  if (view.needs.stages.length === 0) lines.push(wrap(view.needs.none, 88, "  "));
  for (const stage of view.needs.stages) {
    lines.push(`  ${stage.title}`);
    for (const item of stage.items) lines.push(wrap(`- ${item.line}`, 88, "    "));
  }
  lines.push("", `${view.reasons.title}:`);
  for (const stage of view.reasons.stages) {
    lines.push(`  ${stage.title}`);
    for (const r of stage.items) {
      const lean = t(view.lang, "paren", { text: r.leanLabel });
      lines.push(wrap(`- ${r.topic}: ${r.answer}${lean}`, 88, "    "));
      lines.push(wrap(r.why, 88, "      "));
    }
  }
  lines.push("", `${view.flips.title}:`);
  if (view.flips.items.length === 0) lines.push(wrap(view.flips.none, 88, "  "));
  for (const f of view.flips.items) lines.push(wrap(`- ${f.sentence}`, 88, "  "));
  if (view.unanswered.items.length > 0) {
    lines.push("", `${view.unanswered.title}:`);
    for (const item of view.unanswered.items) lines.push(wrap(`- ${item}`, 88, "  "));
  }
  lines.push("", view.versions);
  return lines.join("\n");
}

/** `recommendation` as scripts read it: a platform, either, neither (as asked) or none (yet). */
function jsonRecommendation(view: DecisionView): string {
  if (view.verdict === "neither") return "neither";
  if (view.verdict === "undecided") return "none";
  return view.recommendation;
}

/**
 * The decision as data. The fields of earlier versions stay; `needs` is now the bill of materials
 * of the recommended platform (a list), flips carry their `sentence`, and `verdict`, `capacity` and
 * `recommendation` values `neither` and `none` are new (see the README).
 */
function decisionJson(def: WalkthroughDef, matrix: Matrix, decision: Decision, lang: Lang) {
  const view = describeDecision(def, matrix, decision, lang);
  const complete = completeDecision(def, matrix, decision);
  return {
    recommendation: jsonRecommendation(view),
    verdict: {
      kind: complete.verdict.kind,
      platform: complete.verdict.platform,
      instead: complete.verdict.kind === "neither" ? insteadText(def, complete, lang) : null,
      musts: view.must.items,
    },
    lean: decision.lean,
    strength: decision.strength,
    scores: decision.scores,
    reasons: decision.reasons.map((g) => ({
      stage: g.stage,
      items: g.items.map((r) => ({ ...r, why: r.why[lang] })),
    })),
    flips: view.flips.items,
    capacity: view.capacity
      ? {
          platform: view.capacity.choice.platform,
          option: view.capacity.choice.id,
          name: view.capacity.choice.name,
          why: view.capacity.choice.why,
          fee: view.capacity.choice.fee,
        }
      : null,
    needs: view.needs.stages.flatMap((s) =>
      s.items.map((item) => ({ stage: s.stage, id: item.id, name: item.name, why: item.why })),
    ),
    unanswered: decision.unanswered,
    answers: decision.answers,
    matrixVersion: decision.matrixVersion,
    walkthroughVersion: decision.walkthroughVersion,
  };
}

export async function runDecide(args: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommand(args, ctx, {
    options: {
      answer: { type: "string", multiple: true },
      answers: { type: "string" },
      format: { type: "string" },
      title: { type: "string" },
      decider: { type: "string", multiple: true },
    },
    help: (lang) => decideHelp(loadWalkthrough(undefined, ctx.matrix), lang),
  });
  if (!parsed) return 0;
  const { values, lang } = parsed;
  const def = loadWalkthrough(undefined, ctx.matrix);
  const format = pickFormat(values.format, lang, FORMATS);
  const now = ctx.io.now ?? new Date();
  let answers = await givenAnswers(values, ctx.io, lang);
  if (answers === undefined && ctx.io.prompt) {
    answers = await interactive(def, lang, ctx.io.prompt, ctx.io.stdout, now);
    ctx.io.stdout("");
  }
  if (answers === undefined) throw new UsageError(t(lang, "decideNeedsAnswers"));
  // Old option ids (an option's `was`) map to their current ones before they are checked.
  answers = canonicalAnswers(def, answers);
  checkAnswers(def, answers, lang);
  const decision = decide(def, ctx.matrix, answers);
  if (format === "json") {
    ctx.io.stdout(JSON.stringify(decisionJson(def, ctx.matrix, decision, lang), null, 2));
  } else if (format === "markdown") {
    ctx.io.stdout(
      renderRecord(
        def,
        ctx.matrix,
        decision,
        {
          title: values.title ?? t(lang, "defaultTitle"),
          date: now,
          decisionMakers: values.decider ?? [],
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
