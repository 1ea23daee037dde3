import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import type { Lang } from "../core/i18n/lang.js";
import type { WalkthroughDef } from "../core/walkthrough/index.js";
import type { CliIO } from "./io.js";
import { t } from "./messages.js";
import { UsageError } from "./usage.js";

type Warn = (text: string) => void;

const answersFileSchema = z.union([z.record(z.string(), z.string()), z.array(z.string())]);

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

/** One `question=option`, as --answer, a stdin line or an item of an answers list says it. */
function parseAnswer(text: string, where: string, lang: Lang): [string, string] {
  const match = /^([^=\s]+)\s*=\s*([^=\s]+)$/.exec(text.trim());
  if (!match?.[1] || !match[2]) throw new UsageError(t(lang, "badAnswer", { where, text }));
  return [match[1], match[2]];
}

/** The answers, the last one winning when a question is answered twice (which is warned about). */
function lastWins(pairs: [string, string][], lang: Lang, warn: Warn) {
  const given = new Map<string, string[]>();
  for (const [question, option] of pairs)
    given.set(question, [...(given.get(question) ?? []), option]);
  for (const [question, options] of given) {
    if (options.length > 1)
      warn(t(lang, "answerRepeated", { question, options: options.join(", ") }));
  }
  return Object.fromEntries(pairs);
}

function readAnswersFile(file: string, lang: Lang, warn: Warn): Record<string, string> {
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
  if (!Array.isArray(parsed.data)) return parsed.data;
  return lastWins(
    parsed.data.map((item) => parseAnswer(item, file, lang)),
    lang,
    warn,
  );
}

/**
 * The answers given by --answers and --answer (an --answer overrides the file), else by lines of
 * piped stdin; undefined when there are none, so that a terminal asks and a script is told how.
 * Stdin is read only without flags: a script that passes --answer may leave stdin open.
 */
export async function givenAnswers(
  values: { answer?: string[] | undefined; answers?: string | undefined },
  io: CliIO,
  lang: Lang,
): Promise<Record<string, string> | undefined> {
  const flags = values.answer ?? [];
  if (values.answers !== undefined || flags.length > 0) {
    return {
      ...(values.answers ? readAnswersFile(values.answers, lang, io.stderr) : {}),
      ...lastWins(
        flags.map((arg) => parseAnswer(arg, "--answer", lang)),
        lang,
        io.stderr,
      ),
    };
  }
  const lines = (await io.readStdin?.())?.split(/\r?\n/) ?? [];
  const pairs = lines.flatMap((line, i) => {
    const text = line.replace(/#.*/, "").trim();
    return text ? [parseAnswer(text, t(lang, "stdinLine", { line: i + 1 }), lang)] : [];
  });
  return pairs.length > 0 ? lastWins(pairs, lang, io.stderr) : undefined;
}
