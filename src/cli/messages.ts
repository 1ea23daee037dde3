import { defineCatalog } from "../core/i18n/catalog.js";

const en = {
  usage: (p: { matrix: string; ask: string; decide: string; changes: string; check: string }) =>
    `ecs-vs-eks: choose between Amazon ECS and Amazon EKS, and record why.

Usage:
${p.matrix}
${p.ask}
${p.decide}
${p.changes}
${p.check}
  ecs-vs-eks <command> --help
  ecs-vs-eks --version

Commands:
  matrix   the capability matrix: how Kubernetes/EKS and ECS each provide every capability
  ask      answer a question from the matrix ("does ECS have CronJobs?")
  decide   the platform-choice walkthrough: answers in, a recommendation and its reasons out;
           --format markdown prints the decision record (MADR)
  changes  the dated log of platform changes since 2023: launches, deprecations, end of
           support, pricing and limits, each with its source
  check    what changed since a decision record (--decision record.md) in the facts it relied
           on, and whether the recommendation would differ; exit code 2 when something changed

Exit codes: 0 ok, 1 error, 2 bad usage (unknown command, option, question or answer; no answers).`,
  synopsisMatrix: "  ecs-vs-eks matrix [--lang en|ja] [--format text|markdown|json]",
  synopsisAsk: '  ecs-vs-eks ask "<question>" [--lang en|ja] [--format text|json]',
  synopsisDecide: `  ecs-vs-eks decide [--answer question=option ...] [--answers file.yml] [--title "..."]
                    [--decider NAME ...] [--lang en|ja] [--format text|markdown|json]`,
  usageTitle: "Usage",
  optionsTitle: "Options",
  examplesTitle: "Examples",
  optLang: "the language (default: from ECS_VS_EKS_LANG, LC_ALL or LANG, else English)",
  optHelp: "show this help",
  aboutMatrix: "The capability matrix: how Kubernetes/EKS and ECS each provide every capability.",
  optMatrixFormat: "text: a table for the terminal (default); markdown: every detail; json: data",
  aboutAsk: `Answers a question from the matrix, by capability id or in plain words. Without --lang
the answer is in the language of the question.`,
  optAskFormat:
    "text (default), or json: {route, prefill, command, capability, confidence, alternatives, answer}",
  optJson: "the same as --format json",
  askExample: 'ecs-vs-eks ask "does ECS have CronJobs?"',
  aboutDecide: `The platform-choice walkthrough: answers in, a recommendation (ECS, EKS, either, or
neither fits as asked) and its reasons out, with the capacity option, what you will need and what
would change it. Answers come from --answers and --answer (an --answer overrides the file);
with neither, from lines of question=option piped to stdin (blank lines and # comments are
ignored), or, on a terminal, by asking the questions one by one. A question left out counts as
unanswered; an option's old id still works.`,
  questionEqualsOption: "question=option",
  optAnswer: "answer a question; repeat it for more (the last answer to a question wins)",
  optAnswers: "a YAML map of question: option, or a list of question=option",
  optDecideFormat: "text (default), markdown: the decision record (MADR), json: data",
  optTitle: "the title of the decision record",
  optDecider: "a decision-maker named in the record; repeat it for more",
  questionsTitle: "Questions and their options (question=option)",
  synopsisChanges: `  ecs-vs-eks changes [--since YYYY-MM-DD] [--capability ID] [--lang en|ja]
                     [--format text|json]`,
  aboutChanges: `The dated log of platform events that matter to the choice: launches, deprecations, end
of support, pricing and limits since 2023, newest first, each with its source and the
capabilities it affects. A date still to come is an announced change, marked upcoming.`,
  optSince: "only the changes dated on or after this day",
  optCapability: "only the changes that affect this capability (ids: ecs-vs-eks matrix)",
  optChangesFormat: "text (default), or json: {since, capability, count, changes}",
  changesTitle: (p: { count: number }) =>
    `Platform changes, newest first (${p.count} ${p.count === 1 ? "change" : "changes"})`,
  changesSince: (p: { date: string }) => `since ${p.date}`,
  changesAffecting: (p: { title: string; id: string }) => `affecting ${p.title} (${p.id})`,
  changesNone: "No changes match.",
  affects: "Affects",
  source: "Source",
  recentChanges: "Recent platform changes",
  moreChanges: (p: { id: string }) => `All of them: ecs-vs-eks changes --capability ${p.id}`,
  badDate: (p: { name: string; value: string }) =>
    `Invalid ${p.name} "${p.value}": write a date as YYYY-MM-DD, e.g. 2025-01-01.`,
  unknownCapability: (p: { id: string; valid: string }) =>
    `Unknown capability "${p.id}". Valid capabilities: ${p.valid}.`,
  unknownCommand: (p: { command: string }) =>
    `Unknown command "${p.command}". Valid commands: matrix, ask, decide, changes, check (see --help).`,
  badOption: (p: { detail: string; command: string }) =>
    `${p.detail} (see ecs-vs-eks ${p.command} --help)`,
  badChoice: (p: { name: string; value: string; valid: string }) =>
    `Invalid ${p.name} "${p.value}". Valid: ${p.valid}.`,
  askNeedsQuestion: 'ask needs a question, e.g. ecs-vs-eks ask "does ECS have CronJobs?"',
  capabilityColumn: "Capability",
  legend: "Legend",
  matrixMore:
    "Details of one capability: ecs-vs-eks ask <id>; everything: --format markdown or --format json.",
  matrixTitle: (p: { version: string }) => `ECS vs EKS capability matrix (version ${p.version})`,
  howKubernetes: "Kubernetes / EKS",
  howEcs: "Amazon ECS",
  uses: "Uses",
  meaning: "What it means for the choice",
  sources: "Sources",
  checked: (p: { date: string }) => `Checked ${p.date}`,
  confidence: (p: { percent: number }) => `match confidence ${p.percent}%`,
  seeAlso: "See also",
  trySome: "Try one of these",
  startWith: "Start it with",
  showWith: "Show it with",
  unknownQuestion: (p: { id: string; valid: string }) =>
    `Unknown question "${p.id}". Valid questions: ${p.valid}.`,
  unknownOption: (p: { id: string; option: string; valid: string }) =>
    `Unknown option "${p.option}" for question "${p.id}". Valid options: ${p.valid}.`,
  badAnswer: (p: { where: string; text: string }) =>
    `${p.where}: expected question=option, got "${p.text}".`,
  stdinLine: (p: { line: number }) => `stdin line ${p.line}`,
  answerRepeated: (p: { question: string; options: string }) =>
    `Warning: ${p.question} is answered more than once (${p.options}); the last one wins.`,
  decideNeedsAnswers: `decide needs answers: pass --answer question=option (repeat it for more) or
--answers file.yml, or pipe lines of question=option to stdin; run it on a terminal to be asked.
The questions and their options: ecs-vs-eks decide --help`,
  badAnswersFile: (p: { file: string; detail: string }) =>
    `${p.file}: ${p.detail}. Expected a YAML map of question: option (or a list of question=option).`,
  promptChoose: (p: { count: number }) =>
    `Choose 1-${p.count}, Enter to skip, "b" to go back, "q" to finish: `,
  progress: (p: { position: number; total: number }) => `Question ${p.position}/${p.total}`,
  defaultTitle: "Choose a container platform: Amazon ECS or Amazon EKS",
  /** A parenthetical after a word: half-width with a space in English, full-width in Japanese. */
  paren: (p: { text: string }) => ` (${p.text})`,
  listSeparator: ", ",
};

const ja: typeof en = {
  usage: (p) => `ecs-vs-eks: Amazon ECS と Amazon EKS のどちらを選ぶかを決め、その理由を記録します。

使い方:
${p.matrix}
${p.ask}
${p.decide}
${p.changes}
${p.check}
  ecs-vs-eks <コマンド> --help
  ecs-vs-eks --version

コマンド:
  matrix   機能比較表です。各機能を Kubernetes/EKS と ECS がそれぞれどう実現するかを示します
  ask      比較表から質問に答えます（例: 「ECSにCronJobはありますか？」）
  decide   プラットフォーム選定のウォークスルーです。回答から推奨とその理由を示します。
           --format markdown で意思決定記録（MADR）を出力します
  changes  2023 年以降のプラットフォームの変更履歴です。提供開始、非推奨化、サポート終了、
           料金、上限の変更を、それぞれの出典とともに日付順に示します
  check    意思決定記録（--decision record.md）のあと、前提とした情報のうち変わったものと、
           推奨が変わるかどうかを示します。変更があれば終了コード 2 を返します

終了コード: 0 成功、1 エラー、2 使い方の誤り（不明なコマンド・オプション・質問・回答、回答なし）。`,
  synopsisMatrix: "  ecs-vs-eks matrix [--lang en|ja] [--format text|markdown|json]",
  synopsisAsk: '  ecs-vs-eks ask "<質問>" [--lang en|ja] [--format text|json]',
  synopsisDecide: `  ecs-vs-eks decide [--answer 質問=選択肢 ...] [--answers file.yml] [--title "..."]
                    [--decider 名前 ...] [--lang en|ja] [--format text|markdown|json]`,
  usageTitle: "使い方",
  optionsTitle: "オプション",
  examplesTitle: "例",
  optLang: "表示言語（既定: 環境変数 ECS_VS_EKS_LANG、LC_ALL、LANG の順、なければ英語）",
  optHelp: "このヘルプを表示します",
  aboutMatrix:
    "機能比較表です。各機能を Kubernetes/EKS と ECS がそれぞれどう実現するかを示します。",
  optMatrixFormat: "text: 端末向けの表（既定）、markdown: すべての詳細、json: データ",
  aboutAsk: `機能 ID または自然な文の質問に、比較表から答えます。--lang を指定しない場合は
質問と同じ言語で答えます。`,
  optAskFormat:
    "text（既定）、または json: {route, prefill, command, capability, confidence, alternatives, answer}",
  optJson: "--format json と同じです",
  askExample: 'ecs-vs-eks ask "ECSにCronJobはありますか？"',
  aboutDecide: `プラットフォーム選定のウォークスルーです。回答から推奨（ECS、EKS、どちらでも可、または
いまの条件ではどちらも適さない）とその理由を、動かし方、必要になるもの、結論が変わる条件とともに
示します。回答は --answers と --answer で指定します（--answer がファイルより優先されます）。
どちらもない場合は、標準入力にパイプで渡した 質問=選択肢 の行を読みます（空行と # のコメントは
無視します）。端末で実行すると質問を一つずつ尋ねます。指定しなかった質問は未回答として扱い、
以前の選択肢 ID もそのまま使えます。`,
  questionEqualsOption: "質問=選択肢",
  optAnswer: "質問に答えます。繰り返し指定できます（同じ質問には最後の回答を使います）",
  optAnswers: "質問: 選択肢 の YAML マップ、または 質問=選択肢 のリスト",
  optDecideFormat: "text（既定）、markdown: 意思決定記録（MADR）、json: データ",
  optTitle: "意思決定記録のタイトル",
  optDecider: "意思決定記録に載せる意思決定者の名前。繰り返し指定できます",
  questionsTitle: "質問と選択肢（質問=選択肢）",
  synopsisChanges: `  ecs-vs-eks changes [--since YYYY-MM-DD] [--capability ID] [--lang en|ja]
                     [--format text|json]`,
  aboutChanges: `選定に関わるプラットフォームの出来事を日付順にまとめた変更履歴です。2023 年以降の提供開始、
非推奨化、サポート終了、料金、上限の変更を新しい順に、出典と影響する機能とともに示します。
日付が未来のものは発表済みでこれから起きる変更で、「予定」と表示します。`,
  optSince: "この日以降の変更だけを表示します",
  optCapability: "この機能に関する変更だけを表示します（ID は ecs-vs-eks matrix で確認できます）",
  optChangesFormat: "text（既定）、または json: {since, capability, count, changes}",
  changesTitle: (p) => `プラットフォームの変更履歴（新しい順、${p.count} 件）`,
  changesSince: (p) => `${p.date} 以降`,
  changesAffecting: (p) => `${p.title}（${p.id}）に関するもの`,
  changesNone: "条件に合う変更はありません。",
  affects: "影響する機能",
  source: "出典",
  recentChanges: "最近のプラットフォームの変更",
  moreChanges: (p) => `すべての変更: ecs-vs-eks changes --capability ${p.id}`,
  badDate: (p) =>
    `${p.name} の値「${p.value}」は日付として無効です。2025-01-01 のように YYYY-MM-DD の形で指定してください。`,
  unknownCapability: (p) => `不明な機能「${p.id}」です。使える機能: ${p.valid}。`,
  unknownCommand: (p) =>
    `不明なコマンド「${p.command}」です。使えるコマンド: matrix, ask, decide, changes, check（--help を参照）。`,
  badOption: (p) => `${p.detail}（ecs-vs-eks ${p.command} --help を参照）`,
  badChoice: (p) => `${p.name} の値「${p.value}」は無効です。使える値: ${p.valid}。`,
  askNeedsQuestion: 'ask には質問が必要です。例: ecs-vs-eks ask "ECSにCronJobはありますか？"',
  capabilityColumn: "機能",
  legend: "凡例",
  matrixMore: "各機能の詳細: ecs-vs-eks ask <id>、全項目: --format markdown または --format json。",
  matrixTitle: (p) => `ECS と EKS の機能比較表（バージョン ${p.version}）`,
  howKubernetes: "Kubernetes / EKS",
  howEcs: "Amazon ECS",
  uses: "使うもの",
  meaning: "選定への影響",
  sources: "出典",
  checked: (p) => `確認日 ${p.date}`,
  confidence: (p) => `一致度 ${p.percent}%`,
  seeAlso: "関連",
  trySome: "次のような質問に答えられます",
  startWith: "次のコマンドで始められます",
  showWith: "次のコマンドで表示できます",
  unknownQuestion: (p) => `不明な質問「${p.id}」です。使える質問: ${p.valid}。`,
  unknownOption: (p) =>
    `質問「${p.id}」に選択肢「${p.option}」はありません。使える選択肢: ${p.valid}。`,
  badAnswer: (p) => `${p.where}: 質問=選択肢 の形で指定してください（指定値: 「${p.text}」）。`,
  stdinLine: (p) => `標準入力の ${p.line} 行目`,
  answerRepeated: (p) =>
    `注意: 質問「${p.question}」に複数の回答があります（${p.options}）。最後の回答を使います。`,
  decideNeedsAnswers: `decide には回答が必要です。--answer 質問=選択肢（複数の質問には繰り返し指定）か
--answers file.yml を指定するか、質問=選択肢 の行を標準入力にパイプで渡してください。端末で実行すると
質問を一つずつ尋ねます。質問と選択肢の一覧: ecs-vs-eks decide --help`,
  badAnswersFile: (p) =>
    `${p.file}: ${p.detail}。質問: 選択肢 の YAML マップ（または 質問=選択肢 のリスト）を指定してください。`,
  promptChoose: (p) => `1-${p.count} を選んでください（Enter でスキップ、b で戻る、q で終了）: `,
  progress: (p) => `質問 ${p.position}/${p.total}`,
  defaultTitle: "コンテナ基盤の選定: Amazon ECS か Amazon EKS か",
  paren: (p) => `（${p.text}）`,
  listSeparator: "、",
};

export const t = defineCatalog({ en, ja });
