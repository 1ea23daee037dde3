import type { Lang } from "../core/i18n/lang.js";
import {
  type Capability,
  categoryLabel,
  type Matrix,
  supportLabel,
  supportLegend,
  supportMark,
} from "../core/matrix/index.js";
import { t } from "./messages.js";
import { displayWidth, markdownTable, textTable } from "./table.js";

function side(cap: Capability, which: "kubernetes" | "ecs", lang: Lang): string {
  const s = cap[which];
  return `${supportMark(s.support)} ${supportLabel(s.support, lang)}: ${s.uses.join(t(lang, "listSeparator"))}`;
}

function rows(matrix: Matrix, lang: Lang): string[][] {
  return matrix.capabilities.map((cap) => [
    `${cap.title[lang]}${t(lang, "paren", { text: cap.id })}`,
    side(cap, "kubernetes", lang),
    side(cap, "ecs", lang),
  ]);
}

/** Terminal rows: the mark and what is used, cut to a width so the table fits a wide terminal. */
function shortRows(matrix: Matrix, lang: Lang, width = 44): string[][] {
  const cell = (cap: Capability, which: "kubernetes" | "ecs") =>
    truncate(`${supportMark(cap[which].support)} ${cap[which].uses.join(", ")}`, width);
  return matrix.capabilities.map((cap) => [
    truncate(`${cap.title[lang]}${t(lang, "paren", { text: cap.id })}`, width),
    cell(cap, "kubernetes"),
    cell(cap, "ecs"),
  ]);
}

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (displayWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}

function header(lang: Lang): string[] {
  return [t(lang, "capabilityColumn"), t(lang, "howKubernetes"), t(lang, "howEcs")];
}

export function matrixText(matrix: Matrix, lang: Lang): string {
  return [
    t(lang, "matrixTitle", { version: matrix.version }),
    "",
    textTable(header(lang), shortRows(matrix, lang)),
    "",
    `${t(lang, "legend")}: ${supportLegend(lang)}`,
    t(lang, "matrixMore"),
  ].join("\n");
}

export function matrixMarkdown(matrix: Matrix, lang: Lang): string {
  return [
    `# ${t(lang, "matrixTitle", { version: matrix.version })}`,
    "",
    markdownTable(header(lang), rows(matrix, lang)),
    "",
    `${t(lang, "legend")}: ${supportLegend(lang)}`,
    "",
  ].join("\n");
}

/** The matrix as data, in one language, for scripts. */
export function matrixJson(matrix: Matrix, lang: Lang) {
  return {
    version: matrix.version,
    lang,
    capabilities: matrix.capabilities.map((cap) => ({
      id: cap.id,
      category: cap.category,
      categoryLabel: categoryLabel(cap.category, lang),
      title: cap.title[lang],
      kubernetes: {
        support: cap.kubernetes.support,
        uses: cap.kubernetes.uses,
        summary: cap.kubernetes.summary[lang],
      },
      ecs: { support: cap.ecs.support, uses: cap.ecs.uses, summary: cap.ecs.summary[lang] },
      implication: cap.implication[lang],
      sources: cap.sources,
      verified: cap.verified,
    })),
  };
}
