import { parseArgs } from "node:util";
import { type AnswerModel, createAnswerer } from "../core/answer/index.js";
import { detectLang, LANGS, type Lang } from "../core/i18n/lang.js";
import { loadMatrix, type Matrix } from "../core/matrix/index.js";
import { runDecide } from "./decide.js";
import { t } from "./messages.js";
import { matrixJson, matrixMarkdown, matrixText } from "./render-matrix.js";
import { wrap } from "./table.js";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads one line from the terminal, or undefined when there is no interactive terminal. */
  prompt?: (question: string) => Promise<string | undefined>;
  env?: Record<string, string | undefined>;
  now?: Date;
}

/** A usage error: printed with what is valid, exit code 2. */
export class UsageError extends Error {}

export interface CliContext {
  io: CliIO;
  matrix: Matrix;
  lang: Lang;
  langGiven: boolean;
}

const FORMATS = ["text", "markdown", "json"] as const;
type Format = (typeof FORMATS)[number];

export function pickLang(value: string | undefined, fallback: Lang): Lang {
  if (value === undefined) return fallback;
  if (value === "en" || value === "ja") return value;
  throw new UsageError(
    t(fallback, "badChoice", { name: "--lang", value, valid: LANGS.join(", ") }),
  );
}

export function pickFormat(value: string | undefined, lang: Lang): Format {
  if (value === undefined) return "text";
  const found = FORMATS.find((f) => f === value);
  if (!found)
    throw new UsageError(
      t(lang, "badChoice", { name: "--format", value, valid: FORMATS.join(", ") }),
    );
  return found;
}

/** The language of the user's environment (LANG=ja_JP.UTF-8 → ja), else English. */
function envLang(env: Record<string, string | undefined>): Lang {
  const value = env.ECS_VS_EKS_LANG ?? env.LC_ALL ?? env.LANG ?? "";
  return value.toLowerCase().startsWith("ja") ? "ja" : "en";
}

/** Runs the CLI and returns its exit code. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const baseLang = envLang(io.env ?? {});
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      const { values } = parseArgs({
        args: rest,
        options: { lang: { type: "string" } },
        strict: false,
      });
      io.stdout(
        t(pickLang(typeof values.lang === "string" ? values.lang : undefined, baseLang), "usage"),
      );
      return command === undefined ? 2 : 0;
    }
    if (command !== "matrix" && command !== "ask" && command !== "decide") {
      throw new UsageError(t(baseLang, "unknownCommand", { command }));
    }
    const matrix = loadMatrix();
    if (command === "matrix") return matrixCommand(rest, io, matrix, baseLang);
    if (command === "ask") return askCommand(rest, io, matrix, baseLang);
    return await runDecide(rest, { io, matrix, lang: baseLang, langGiven: false });
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
      io.stderr(t(baseLang, "badOption", { detail: err.message }));
      return 2;
    }
    io.stderr(`ecs-vs-eks: ${(err as Error).message}`);
    return 1;
  }
}

function matrixCommand(args: string[], io: CliIO, matrix: Matrix, baseLang: Lang): number {
  const { values } = parseArgs({
    args,
    options: { lang: { type: "string" }, format: { type: "string" } },
    strict: true,
  });
  const lang = pickLang(values.lang, baseLang);
  const format = pickFormat(values.format, lang);
  if (format === "json") io.stdout(JSON.stringify(matrixJson(matrix, lang), null, 2));
  else if (format === "markdown") io.stdout(matrixMarkdown(matrix, lang));
  else io.stdout(matrixText(matrix, lang));
  return 0;
}

function askCommand(args: string[], io: CliIO, matrix: Matrix, baseLang: Lang): number {
  const { values, positionals } = parseArgs({
    args,
    options: { lang: { type: "string" }, json: { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  });
  const question = positionals.join(" ").trim();
  const given = values.lang === undefined ? undefined : pickLang(values.lang, baseLang);
  if (!question) throw new UsageError(t(given ?? baseLang, "askNeedsQuestion"));
  const maxAge = Number(io.env?.MATRIX_MAX_AGE_DAYS);
  const now = io.now;
  const answerer = createAnswerer(matrix, {
    ...(now ? { clock: () => now } : {}),
    maxAgeDays: Number.isFinite(maxAge) && maxAge > 0 ? maxAge : undefined,
  });
  const result = answerer.answer(question, given ?? detectLang(question) ?? baseLang);
  if (values.json) {
    io.stdout(
      JSON.stringify(
        {
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
    io.stdout(answerText(result.model, result.confidence));
  }
  return 0;
}

export function answerText(model: AnswerModel, confidence: number): string {
  const lang = model.lang;
  if (model.kind === "no-match") {
    return [
      wrap(model.message),
      "",
      `${t(lang, "trySome")}:`,
      ...model.suggestions.map((s) => `  - ${s.title} (${s.id})`),
    ].join("\n");
  }
  const side = (label: string, s: typeof model.ecs) =>
    [
      `${label}: ${s.mark} ${s.supportLabel}`,
      `  ${t(lang, "uses")}: ${s.uses.join(", ")}`,
      wrap(s.summary, 88, "  "),
    ].join("\n");
  const lines = [
    `${model.title} (${model.id}) · ${model.category} · ${t(lang, "confidence", { percent: Math.round(confidence * 100) })}`,
    "",
    side(t(lang, "howKubernetes"), model.kubernetes),
    "",
    side(t(lang, "howEcs"), model.ecs),
    "",
    `${t(lang, "meaning")}:`,
    wrap(model.implication, 88, "  "),
    "",
    `${t(lang, "sources")} (${t(lang, "checked", { date: model.verified })}):`,
    ...model.sources.map((s) => `  - ${s.title}: ${s.url}`),
  ];
  if (model.staleNote) lines.push("", wrap(model.staleNote));
  if (model.alternatives.length > 0) {
    lines.push(
      "",
      `${t(lang, "seeAlso")}: ${model.alternatives.map((a) => `${a.title} (${a.id})`).join(", ")}`,
    );
  }
  return lines.join("\n");
}
