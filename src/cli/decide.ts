import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { z } from "zod";
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
import { t } from "./messages.js";
import { type CliContext, pickFormat, pickLang, UsageError } from "./run.js";
import { wrap } from "./table.js";

const answersFileSchema = z.union([
  z.record(z.string(), z.string()),
  z.array(z.string()).transform((list, ctx) => {
    const out: Record<string, string> = {};
    for (const item of list) {
      const [q, o, ...rest] = item.split("=");
      if (!q || !o || rest.length > 0) {
        ctx.addIssue({ code: "custom", message: `"${item}" is not question=option` });
        return z.NEVER;
      }
      out[q.trim()] = o.trim();
    }
    return out;
  }),
]);

/** Checks every question and option id, so a typo is a usage error naming what is valid. */
export function checkAnswers(def: WalkthroughDef, answers: Record<string, string>, lang: Lang) {
  for (const [id, option] of Object.entries(answers)) {
    const question = def.byId.get(id);
    if (!question) {
      throw new UsageError(
        t(lang, "unknownQuestion", { id, valid: def.questions.map((q) => q.id).join(", ") }),
      );
    }
    if (!question.options.some((o) => o.id === option)) {
      throw new UsageError(
        t(lang, "unknownOption", {
          id,
          option,
          valid: question.options.map((o) => o.id).join(", "),
        }),
      );
    }
  }
}

function readAnswersFile(file: string, lang: Lang): Record<string, string> {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new UsageError(t(lang, "badAnswersFile", { file, detail: (err as Error).message }));
  }
  const parsed = answersFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new UsageError(
      t(lang, "badAnswersFile", { file, detail: parsed.error.issues[0]?.message ?? "invalid" }),
    );
  }
  return parsed.data;
}

function parseAnswerArgs(args: string[], lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const arg of args) {
    const match = /^([^=\s]+)=([^=\s]+)$/.exec(arg.trim());
    if (!match?.[1] || !match[2]) throw new UsageError(t(lang, "badAnswerArg", { arg }));
    out[match[1]] = match[2];
  }
  return out;
}

/** Asks the questions one by one on a terminal. */
async function interactive(
  def: WalkthroughDef,
  lang: Lang,
  prompt: (q: string) => Promise<string | undefined>,
  print: (text: string) => void,
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
    state = answerQuestion(def, state, question.id, option.id).state;
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
      answer: { type: "string", multiple: true },
      answers: { type: "string" },
      lang: { type: "string" },
      format: { type: "string" },
      title: { type: "string" },
    },
    strict: true,
  });
  const lang = pickLang(values.lang, ctx.lang);
  const format = pickFormat(values.format, lang);
  const def = loadWalkthrough(undefined, ctx.matrix);
  let answers: Record<string, string> = {
    ...(values.answers ? readAnswersFile(values.answers, lang) : {}),
    ...parseAnswerArgs(values.answer ?? [], lang),
  };
  checkAnswers(def, answers, lang);
  const given = values.answers !== undefined || (values.answer ?? []).length > 0;
  if (!given && ctx.io.prompt) {
    answers = await interactive(def, lang, ctx.io.prompt, ctx.io.stdout);
    ctx.io.stdout("");
  }
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
          date: ctx.io.now ?? new Date(),
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
