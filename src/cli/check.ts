import { readFileSync } from "node:fs";
import path from "node:path";
import { loadChanges } from "../core/changes/index.js";
import { loadMatrix } from "../core/matrix/index.js";
import {
  compareRecordFacts,
  describeFactChange,
  readRecord,
  redecideAnswers,
  redecisionSentence,
} from "../core/review/index.js";
import { loadWalkthrough } from "../core/walkthrough/index.js";
import { t } from "./check-messages.js";
import type { CliContext } from "./io.js";
import { t as cliText } from "./messages.js";
import { wrap } from "./table.js";
import { commandHelp, parseCommand, pickFormat, UsageError } from "./usage.js";

/** Exit code when something the decision relied on changed (0: nothing did; 1: an error). */
const CHANGED_EXIT = 2;

/**
 * `ecs-vs-eks check --decision <record.md>`: what changed since a decision record was made, in the
 * facts it relied on, and whether its answers would now get another recommendation. The data is
 * MATRIX_DIR's when set, else the package's.
 */
export function runCheck(args: string[], ctx: CliContext): number {
  const parsed = parseCommand(args, ctx, {
    options: { decision: { type: "string" }, format: { type: "string" } },
    help: (lang) =>
      commandHelp(lang, {
        synopsis: t(lang, "synopsisCheck"),
        about: t(lang, "aboutCheck"),
        options: [
          ["--decision <record.md>", t(lang, "optDecision")],
          ["--format text|json", t(lang, "optCheckFormat")],
        ],
        examples: [
          "ecs-vs-eks decide --answer workload=web --format markdown > docs/adr/0001-platform.md",
          "ecs-vs-eks check --decision docs/adr/0001-platform.md",
        ],
      }),
  });
  if (!parsed) return 0;
  const { values, lang } = parsed;
  const format = pickFormat(values.format, lang, ["text", "json"]);
  const file = values.decision;
  if (!file) throw new UsageError(t(lang, "checkNeedsDecision"));
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new Error(
      t(lang, "checkUnreadable", {
        file,
        detail: (err as NodeJS.ErrnoException).code ?? String(err),
      }),
    );
  }
  const read = readRecord(text);
  if (!read.ok) {
    throw new Error(
      read.problem === "no-data"
        ? t(lang, "checkNoData", { file })
        : t(lang, "checkUnreadable", { file, detail: read.detail }),
    );
  }
  const { data } = read;
  const dir = ctx.io.env?.MATRIX_DIR?.trim() || undefined;
  const matrix = dir ? loadMatrix(path.resolve(dir)) : ctx.matrix;
  const def = loadWalkthrough(dir, matrix);
  const changes = loadChanges(dir, matrix);
  const since = read.date ? new Date(`${read.date}T00:00:00Z`) : undefined;
  const changed = compareRecordFacts(data.facts, matrix, changes, since);
  // The answers as recorded, decided again on the data now (answers it no longer has are dropped).
  const again = redecideAnswers(def, matrix, data.answers, data.outcome);
  const verdict = redecisionSentence(again, lang);
  const views = changed.map((c) => describeFactChange(c, lang));
  const code = changed.length > 0 || again.differs ? CHANGED_EXIT : 0;
  if (format === "json") {
    ctx.io.stdout(
      JSON.stringify(
        {
          record: file,
          matrix: { decided: data.matrix, now: matrix.version },
          changed: views.map((v, i) => ({ ...v, entries: changed[i]?.entries.map((e) => e.id) })),
          differs: again.differs,
          recommendation: { decided: again.before, now: again.after },
        },
        null,
        2,
      ),
    );
    return code;
  }
  const lines = [
    t(lang, "checkHeading", {
      file,
      matrix: data.matrix,
      date: read.date ?? t(lang, "checkUndated"),
    }),
    t(lang, "checkNow", { matrix: matrix.version }),
    "",
  ];
  if (views.length === 0) lines.push(t(lang, "checkNothing"));
  else lines.push(t(lang, "checkChanged", { count: views.length }));
  for (const v of views) {
    lines.push(`  - ${v.title}${cliText(lang, "paren", { text: v.capabilityId })}`);
    for (const line of v.lines) lines.push(wrap(line, 88, "      "));
    if (v.entries.length > 0)
      lines.push(
        wrap(
          `${t(lang, "checkLog")}: ${v.entries.join(t(lang, "checkLogSeparator"))}`,
          88,
          "      ",
        ),
      );
  }
  lines.push("", wrap(verdict));
  ctx.io.stdout(lines.join("\n"));
  return code;
}
