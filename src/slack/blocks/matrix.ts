import type { KnownBlock, RawTextElement, TableBlock } from "@slack/types";
import type { Lang } from "../../core/i18n/lang.js";
import {
  CATEGORIES,
  type Capability,
  categoryLabel,
  type Matrix,
  PLATFORM_LABELS,
  supportLabel,
  supportLegend,
  supportMark,
} from "../../core/matrix/index.js";
import { escapeText } from "../escape.js";
import { t } from "../messages.js";
import { context, header, LIMITS, sections } from "./limits.js";
import type { RenderedMessage } from "./message.js";

function cell(text: string): RawTextElement {
  return { type: "raw_text", text: text.length > 0 ? text : " " };
}

/** Capabilities grouped by category, in the schema's category order. */
export function byCategory(
  matrix: Matrix,
): { category: Capability["category"]; items: Capability[] }[] {
  return CATEGORIES.map((category) => ({
    category,
    items: matrix.capabilities.filter((c) => c.category === category),
  })).filter((group) => group.items.length > 0);
}

/**
 * The matrix at a glance for a message: one `table` block (a message may hold one; at most 100 rows
 * of at most 20 cells), a row per capability with both platforms' marks.
 */
export function renderMatrix(
  matrix: Matrix,
  lang: Lang,
  opts: { command: string },
): RenderedMessage {
  const ordered = byCategory(matrix).flatMap((g) => g.items);
  const room = LIMITS.tableRows - 1; // one row is the header
  const shown = ordered.slice(0, room);
  const rows: RawTextElement[][] = [
    [
      cell(t(lang, "matrixColCapability")),
      cell(PLATFORM_LABELS.kubernetes[lang]),
      cell(PLATFORM_LABELS.ecs[lang]),
      cell(t(lang, "matrixColId")),
    ],
    ...shown.map((c) => [
      cell(`${c.title[lang]} (${categoryLabel(c.category, lang)})`),
      cell(`${supportMark(c.kubernetes.support)} ${supportLabel(c.kubernetes.support, lang)}`),
      cell(`${supportMark(c.ecs.support)} ${supportLabel(c.ecs.support, lang)}`),
      cell(c.id),
    ]),
  ];
  const table: TableBlock = {
    type: "table",
    column_settings: [{ is_wrapped: true }, { align: "left" }, { align: "left" }],
    rows,
  };
  const blocks: KnownBlock[] = [
    header(t(lang, "matrixHeader")),
    context(supportLegend(lang)),
    table,
    context(t(lang, "matrixAskHint", { cmd: opts.command })),
  ];
  if (shown.length < ordered.length) {
    blocks.push(
      context(t(lang, "matrixTruncated", { shown: shown.length, total: ordered.length })),
    );
  }
  return { text: t(lang, "matrixFallback", { count: matrix.capabilities.length }), blocks };
}

/**
 * The matrix as sections (for the Home tab, where tables are not offered): a section per category,
 * one line per capability with the two marks. Returns at most maxBlocks blocks.
 */
export function matrixSections(matrix: Matrix, lang: Lang): KnownBlock[] {
  const blocks: KnownBlock[] = [context(`${supportLegend(lang)} · K8s / ECS`)];
  for (const group of byCategory(matrix)) {
    const lines = group.items.map(
      (c) =>
        `${supportMark(c.kubernetes.support)} ${supportMark(c.ecs.support)}  ${escapeText(c.title[lang])}  \`${c.id}\``,
    );
    blocks.push(
      ...sections(`*${escapeText(categoryLabel(group.category, lang))}*\n${lines.join("\n")}`),
    );
  }
  return blocks;
}
