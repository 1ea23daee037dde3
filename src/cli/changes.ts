import {
  type ChangeDetail,
  type ChangeItem,
  changeDetail,
  t as changeWords,
  loadChanges,
  queryChanges,
} from "../core/changes/index.js";
import type { Lang } from "../core/i18n/lang.js";
import type { Matrix } from "../core/matrix/index.js";
import type { CliContext } from "./io.js";
import { t } from "./messages.js";
import { wrap } from "./table.js";
import { commandHelp, parseCommand, pickFormat, UsageError } from "./usage.js";

/** "2025-11-21  Launch" or "2027-02-25  End of support · upcoming". */
function dateAndKind(item: ChangeItem, lang: Lang): string {
  const upcoming = item.upcoming ? ` · ${changeWords(lang, "upcoming")}` : "";
  return `${item.date}  ${item.kindLabel}${upcoming}`;
}

function sourceLine(item: ChangeItem, lang: Lang): string {
  const label = item.source.label ? t(lang, "paren", { text: item.source.label }) : "";
  return `${item.source.title}${label}: ${item.source.url}`;
}

/** The change log as text: a heading naming the filters, then one block per change. */
function changesText(
  list: readonly ChangeDetail[],
  matrix: Matrix,
  lang: Lang,
  filter: { since?: string | undefined; capability?: string | undefined },
): string {
  const heading = [t(lang, "changesTitle", { count: list.length })];
  if (filter.since) heading.push(t(lang, "changesSince", { date: filter.since }));
  if (filter.capability) {
    const title = matrix.byId.get(filter.capability)?.title[lang] ?? filter.capability;
    heading.push(t(lang, "changesAffecting", { title, id: filter.capability }));
  }
  const lines = [heading.join(" · ")];
  if (list.length === 0) lines.push("", t(lang, "changesNone"));
  for (const item of list) {
    const affects = item.capabilities
      .map((id) => `${matrix.byId.get(id)?.title[lang] ?? id}${t(lang, "paren", { text: id })}`)
      .join(t(lang, "listSeparator"));
    lines.push(
      "",
      dateAndKind(item, lang),
      `  ${item.title}${t(lang, "paren", { text: item.id })}`,
      wrap(item.summary, 88, "  "),
      wrap(`${t(lang, "affects")}: ${affects}`, 88, "  "),
      `  ${t(lang, "source")}: ${sourceLine(item, lang)}`,
    );
  }
  return lines.join("\n");
}

/** An answer card's recent changes, for `ask`'s text output (nothing when there are none). */
export function recentChangesText(
  items: readonly ChangeItem[] | undefined,
  capabilityId: string,
  lang: Lang,
): string[] {
  if (!items || items.length === 0) return [];
  return [
    "",
    `${t(lang, "recentChanges")}:`,
    ...items.flatMap((item) => [
      `  - ${dateAndKind(item, lang)}  ${item.title}`,
      `    ${sourceLine(item, lang)}`,
    ]),
    `  ${t(lang, "moreChanges", { id: capabilityId })}`,
  ];
}

/** `ecs-vs-eks changes [--since YYYY-MM-DD] [--capability ID] [--format text|json]` */
export function runChanges(args: string[], ctx: CliContext): number {
  const parsed = parseCommand(args, ctx, {
    options: {
      format: { type: "string" },
      since: { type: "string" },
      capability: { type: "string" },
    },
    help: (lang) =>
      commandHelp(lang, {
        synopsis: t(lang, "synopsisChanges"),
        about: t(lang, "aboutChanges"),
        options: [
          ["--since YYYY-MM-DD", t(lang, "optSince")],
          ["--capability ID", t(lang, "optCapability")],
          ["--format text|json", t(lang, "optChangesFormat")],
        ],
        examples: [
          "ecs-vs-eks changes --since 2025-01-01",
          "ecs-vs-eks changes --capability service-mesh --lang ja",
          "ecs-vs-eks changes --format json",
        ],
      }),
  });
  if (!parsed) return 0;
  const { values, lang } = parsed;
  const { io, matrix } = ctx;
  const format = pickFormat(values.format, lang, ["text", "json"]);
  const { since, capability } = values;
  const result = queryChanges(loadChanges(undefined, matrix), matrix, { since, capability });
  if (!result.ok && result.refused === "bad-date") {
    throw new UsageError(t(lang, "badDate", { name: "--since", value: result.value }));
  }
  if (!result.ok) {
    const valid = matrix.capabilities.map((c) => c.id).join(", ");
    throw new UsageError(t(lang, "unknownCapability", { id: result.value, valid }));
  }
  const now = io.now ?? new Date();
  const list = result.changes.map((c) => changeDetail(c, lang, now));
  if (format === "json") {
    io.stdout(
      JSON.stringify(
        { since: since ?? null, capability: capability ?? null, count: list.length, changes: list },
        null,
        2,
      ),
    );
  } else {
    io.stdout(changesText(list, matrix, lang, { since, capability }));
  }
  return 0;
}
