import { defineCatalog } from "../core/i18n/catalog.js";

/** The strings of `ecs-vs-eks check` (issue 12), in English and Japanese. */
const en = {
  synopsisCheck: "  ecs-vs-eks check --decision <record.md> [--lang en|ja] [--format text|json]",
  aboutCheck: `Reads a decision record made by ecs-vs-eks (decide --format markdown, or the bot's
"Decision record") and says what changed since in the facts it relied on, and whether the
same answers would now get a different recommendation. The facts are those of MATRIX_DIR when
set (an organisation's own matrix), else the package's.
Exit codes: 0 nothing it relied on changed, 2 something did (or bad usage), 1 error.`,
  optDecision: "the decision record (Markdown with the front matter ecs-vs-eks writes)",
  optCheckFormat: "text (default), or json: {record, matrix, changed, differs, recommendation}",
  checkNeedsDecision: "check needs a decision record: ecs-vs-eks check --decision record.md",
  checkUnreadable: (p: { file: string; detail: string }) => `${p.file}: ${p.detail}`,
  checkNoData: (p: { file: string }) =>
    `${p.file}: no "ecs-vs-eks" block in its front matter. Only records made by ecs-vs-eks (decide --format markdown) say what they were decided from.`,
  checkHeading: (p: { file: string; matrix: string; date: string }) =>
    `Decision record ${p.file}: decided on ${p.date} with matrix ${p.matrix}`,
  checkNow: (p: { matrix: string }) => `Facts loaded now: matrix ${p.matrix}`,
  checkNothing: "Nothing the decision relied on has changed since.",
  checkChanged: (p: { count: number }) =>
    `Changed since, in what the decision relied on (${p.count}):`,
  checkLog: "Change log",
  /** The record's date when it has none. */
  checkUndated: "?",
  /** Between change-log entries: they are sentences with commas of their own, hence "; " in English. */
  checkLogSeparator: "; ",
};

const ja: typeof en = {
  synopsisCheck: "  ecs-vs-eks check --decision <record.md> [--lang en|ja] [--format text|json]",
  aboutCheck: `ecs-vs-eks が作った意思決定記録（decide --format markdown、またはボットの「意思決定記録」）を読み、
決定が前提としていた情報のうち、その後変わったものと、同じ回答でいま判定すると推奨が変わるかどうかを
示します。情報は MATRIX_DIR を設定していればその比較表（組織独自の比較表）、なければパッケージのものを使います。
終了コード: 0 前提に変更なし、2 変更あり（または使い方の誤り）、1 エラー。`,
  optDecision: "意思決定記録（ecs-vs-eks が書くフロントマター付きの Markdown）",
  optCheckFormat: "text（既定）、または json: {record, matrix, changed, differs, recommendation}",
  checkNeedsDecision: "check には意思決定記録が必要です。例: ecs-vs-eks check --decision record.md",
  checkUnreadable: (p) => `${p.file}: ${p.detail}`,
  checkNoData: (p) =>
    `${p.file}: フロントマターに「ecs-vs-eks」のブロックがありません。何をもとに決めたかを記録しているのは、ecs-vs-eks が作った記録（decide --format markdown）だけです。`,
  checkHeading: (p) => `意思決定記録 ${p.file}: ${p.date} に比較表 ${p.matrix} で決定`,
  checkNow: (p) => `いま読み込んでいる情報: 比較表 ${p.matrix}`,
  checkNothing: "決定のあと、前提としていた情報に変更はありません。",
  checkChanged: (p) => `決定のあと、前提としていた情報のうち変わったもの（${p.count} 件）:`,
  checkLog: "変更履歴",
  checkUndated: "日付不明",
  checkLogSeparator: "、",
};

export const t = defineCatalog({ en, ja });
