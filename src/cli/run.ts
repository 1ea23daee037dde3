import { parseArgs } from "node:util";
import { type AnswerModel, createAnswerer } from "../core/answer/index.js";
import { loadChanges } from "../core/changes/index.js";
import { detectLang, type Lang } from "../core/i18n/lang.js";
import { loadMatrix } from "../core/matrix/index.js";
import { loadWalkthrough } from "../core/walkthrough/index.js";
import { recentChangesText, runChanges } from "./changes.js";
import { runCheck } from "./check.js";
import { t as checkText } from "./check-messages.js";
import { choiceText, decideCommandLine, didYouMeanText } from "./choice.js";
import { runDecide } from "./decide.js";
import type { CliContext, CliIO } from "./io.js";
import { t } from "./messages.js";
import { matrixJson, matrixMarkdown, matrixText } from "./render-matrix.js";
import { wrap } from "./table.js";
import { commandHelp, FORMATS, parseCommand, pickFormat, pickLang, UsageError } from "./usage.js";
import { packageVersion } from "./version.js";

/** The language of the user's environment (LANG=ja_JP.UTF-8 → ja), else English. */
function envLang(env: Record<string, string | undefined>): Lang {
  const value = env.ECS_VS_EKS_LANG ?? env.LC_ALL ?? env.LANG ?? "";
  return value.toLowerCase().startsWith("ja") ? "ja" : "en";
}

function usage(lang: Lang): string {
  return t(lang, "usage", {
    matrix: t(lang, "synopsisMatrix"),
    ask: t(lang, "synopsisAsk"),
    decide: t(lang, "synopsisDecide"),
    changes: t(lang, "synopsisChanges"),
    check: checkText(lang, "synopsisCheck"),
  });
}

/** Runs the CLI and returns its exit code. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const baseLang = envLang(io.env ?? {});
  const [command, ...rest] = argv;
  try {
    if (command === "--version") {
      io.stdout(packageVersion());
      return 0;
    }
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      const { values } = parseArgs({
        args: rest,
        options: { lang: { type: "string" } },
        strict: false,
      });
      io.stdout(
        usage(pickLang(typeof values.lang === "string" ? values.lang : undefined, baseLang)),
      );
      return command === undefined ? 2 : 0;
    }
    if (
      command !== "matrix" &&
      command !== "ask" &&
      command !== "decide" &&
      command !== "changes" &&
      command !== "check"
    ) {
      throw new UsageError(t(baseLang, "unknownCommand", { command }));
    }
    const ctx: CliContext = { io, matrix: loadMatrix(), lang: baseLang };
    if (command === "matrix") return matrixCommand(rest, ctx);
    if (command === "ask") return askCommand(rest, ctx);
    if (command === "changes") return runChanges(rest, ctx);
    if (command === "check") return runCheck(rest, ctx);
    return await runDecide(rest, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(err.message);
      return 2;
    }
    if (
      err instanceof TypeError &&
      "code" in err &&
      String(err.code).startsWith("ERR_PARSE_ARGS")
    ) {
      io.stderr(t(baseLang, "badOption", { detail: err.message, command: command ?? "" }));
      return 2;
    }
    io.stderr(`ecs-vs-eks: ${(err as Error).message}`);
    return 1;
  }
}

function matrixCommand(args: string[], ctx: CliContext): number {
  const parsed = parseCommand(args, ctx, {
    options: { format: { type: "string" } },
    help: (lang) =>
      commandHelp(lang, {
        synopsis: t(lang, "synopsisMatrix"),
        about: t(lang, "aboutMatrix"),
        options: [["--format text|markdown|json", t(lang, "optMatrixFormat")]],
        examples: ["ecs-vs-eks matrix --lang ja", "ecs-vs-eks matrix --format json"],
      }),
  });
  if (!parsed) return 0;
  const { values, lang } = parsed;
  const { io, matrix } = ctx;
  const format = pickFormat(values.format, lang, FORMATS);
  if (format === "json") io.stdout(JSON.stringify(matrixJson(matrix, lang), null, 2));
  else if (format === "markdown") io.stdout(matrixMarkdown(matrix, lang));
  else io.stdout(matrixText(matrix, lang));
  return 0;
}

function askCommand(args: string[], ctx: CliContext): number {
  const parsed = parseCommand(args, ctx, {
    options: { format: { type: "string" }, json: { type: "boolean" } },
    positionals: true,
    help: (lang) =>
      commandHelp(lang, {
        synopsis: t(lang, "synopsisAsk"),
        about: t(lang, "aboutAsk"),
        options: [
          ["--format text|json", t(lang, "optAskFormat")],
          ["--json", t(lang, "optJson")],
        ],
        examples: [t(lang, "askExample"), "ecs-vs-eks ask secrets --format json"],
      }),
  });
  if (!parsed) return 0;
  const { values, positionals, lang } = parsed;
  const { io, matrix, lang: baseLang } = ctx;
  // Without --lang the answer is in the question's language, not the environment's.
  const given = values.lang === undefined ? undefined : lang;
  const format = values.json ? "json" : pickFormat(values.format, lang, ["text", "json"]);
  const question = positionals.join(" ").trim();
  if (!question) throw new UsageError(t(lang, "askNeedsQuestion"));
  const maxAge = Number(io.env?.MATRIX_MAX_AGE_DAYS);
  const now = io.now;
  const answerer = createAnswerer(matrix, {
    ...(now ? { clock: () => now } : {}),
    maxAgeDays: Number.isFinite(maxAge) && maxAge > 0 ? maxAge : undefined,
    changes: loadChanges(undefined, matrix),
    walkthrough: loadWalkthrough(undefined, matrix),
  });
  const result = answerer.answer(question, given ?? detectLang(question) ?? baseLang);
  if (format === "json") {
    io.stdout(
      JSON.stringify(
        {
          route: result.route,
          prefill: result.prefill,
          ...(result.route === "decide"
            ? { command: decideCommandLine(result.prefill, result.lang, baseLang) }
            : {}),
          capability: result.capability?.id ?? null,
          confidence: Math.round(result.confidence * 1000) / 1000,
          alternatives: result.alternatives.map((a) => ({
            id: a.capability.id,
            confidence: Math.round(a.confidence * 1000) / 1000,
          })),
          answer: result.model,
        },
        null,
        2,
      ),
    );
  } else {
    io.stdout(answerText(result.model, result.confidence, baseLang));
  }
  return 0;
}

function answerText(model: AnswerModel, confidence: number, terminalLang?: Lang): string {
  const lang = model.lang;
  if (model.kind === "platform-choice") return choiceText(model, terminalLang ?? lang);
  if (model.kind === "no-match" && model.didYouMean) {
    return didYouMeanText({ ...model, didYouMean: model.didYouMean });
  }
  if (model.kind === "no-match") {
    return [
      wrap(model.message),
      "",
      `${t(lang, "trySome")}:`,
      ...model.suggestions.map((s) => `  - ${s.title}${t(lang, "paren", { text: s.id })}`),
    ].join("\n");
  }
  const side = (label: string, s: typeof model.ecs) =>
    [
      `${label}: ${s.mark} ${s.supportLabel}`,
      `  ${t(lang, "uses")}: ${s.uses.join(t(lang, "listSeparator"))}`,
      wrap(s.summary, 88, "  "),
    ].join("\n");
  const lines = [
    `${model.title}${t(lang, "paren", { text: model.id })} · ${model.category} · ${t(lang, "confidence", { percent: Math.round(confidence * 100) })}`,
    "",
    side(t(lang, "howKubernetes"), model.kubernetes),
    "",
    side(t(lang, "howEcs"), model.ecs),
    "",
    `${t(lang, "meaning")}:`,
    wrap(model.implication, 88, "  "),
    "",
    `${t(lang, "sources")}${t(lang, "paren", { text: t(lang, "checked", { date: model.verified }) })}:`,
    ...model.sources.map(
      (s) => `  - ${s.title}${s.label ? t(lang, "paren", { text: s.label }) : ""}: ${s.url}`,
    ),
    ...(model.thirdPartyNote ? [`  ${model.thirdPartyNote}`] : []),
  ];
  lines.push(...recentChangesText(model.recentChanges, model.id, lang));
  if (model.staleNote) lines.push("", wrap(model.staleNote));
  if (model.alternatives.length > 0) {
    lines.push(
      "",
      `${t(lang, "seeAlso")}: ${model.alternatives.map((a) => `${a.title}${t(lang, "paren", { text: a.id })}`).join(t(lang, "listSeparator"))}`,
    );
  }
  return lines.join("\n");
}
