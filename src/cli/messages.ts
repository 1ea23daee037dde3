import { defineCatalog } from "../core/i18n/catalog.js";

const en = {
  usage: `ecs-vs-eks: choose between Amazon ECS and Amazon EKS, and record why.

Usage:
  ecs-vs-eks matrix [--lang en|ja] [--format text|markdown|json]
  ecs-vs-eks ask "<question>" [--lang en|ja] [--json]
  ecs-vs-eks decide [--answer question=option ...] [--answers file.yml] [--title "..."]
                    [--lang en|ja] [--format text|markdown|json]
  ecs-vs-eks --help

Commands:
  matrix   the capability matrix: how Kubernetes/EKS and ECS each provide every capability
  ask      answer a question from the matrix ("does ECS have CronJobs?")
  decide   the platform-choice walkthrough; with no answers on a terminal it asks the questions,
           --format markdown prints the decision record (MADR)

Exit codes: 0 ok, 1 error, 2 bad usage (unknown command, question or option).`,
  unknownCommand: (p: { command: string }) =>
    `Unknown command "${p.command}". Valid commands: matrix, ask, decide (see --help).`,
  badOption: (p: { detail: string }) => `${p.detail} (see --help)`,
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
  unknownQuestion: (p: { id: string; valid: string }) =>
    `Unknown question "${p.id}". Valid questions: ${p.valid}.`,
  unknownOption: (p: { id: string; option: string; valid: string }) =>
    `Unknown option "${p.option}" for question "${p.id}". Valid options: ${p.valid}.`,
  badAnswerArg: (p: { arg: string }) => `--answer takes question=option, got "${p.arg}".`,
  badAnswersFile: (p: { file: string; detail: string }) =>
    `${p.file}: ${p.detail}. Expected a YAML map of question: option (or a list of question=option).`,
  promptChoose: (p: { count: number }) =>
    `Choose 1-${p.count}, Enter to skip, "b" to go back, "q" to finish: `,
  progress: (p: { position: number; total: number }) => `Question ${p.position}/${p.total}`,
  defaultTitle: "Choose a container platform: Amazon ECS or Amazon EKS",
};

const ja: typeof en = {
  usage: `ecs-vs-eks: Amazon ECS と Amazon EKS のどちらを選ぶかを決め、その理由を記録します。

使い方:
  ecs-vs-eks matrix [--lang en|ja] [--format text|markdown|json]
  ecs-vs-eks ask "<質問>" [--lang en|ja] [--json]
  ecs-vs-eks decide [--answer 質問=選択肢 ...] [--answers file.yml] [--title "..."]
                    [--lang en|ja] [--format text|markdown|json]
  ecs-vs-eks --help

コマンド:
  matrix   機能比較表: 各機能を Kubernetes/EKS と ECS がそれぞれどう実現するか
  ask      比較表から質問に答えます（例: 「ECSにCronJobはある？」）
  decide   プラットフォーム選定のウォークスルー。回答を指定せず端末で実行すると質問します。
           --format markdown で意思決定記録（MADR）を出力します

終了コード: 0 成功、1 エラー、2 使い方の誤り（不明なコマンド・質問・選択肢）。`,
  unknownCommand: (p) =>
    `不明なコマンド「${p.command}」です。使えるコマンド: matrix, ask, decide（--help を参照）。`,
  badOption: (p) => `${p.detail}（--help を参照）`,
  badChoice: (p) => `${p.name} の値「${p.value}」は無効です。使える値: ${p.valid}。`,
  askNeedsQuestion: 'ask には質問が必要です。例: ecs-vs-eks ask "ECSにCronJobはある？"',
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
  unknownQuestion: (p) => `不明な質問「${p.id}」です。使える質問: ${p.valid}。`,
  unknownOption: (p) =>
    `質問「${p.id}」に選択肢「${p.option}」はありません。使える選択肢: ${p.valid}。`,
  badAnswerArg: (p) => `--answer は 質問=選択肢 の形で指定してください（指定値: 「${p.arg}」）。`,
  badAnswersFile: (p) =>
    `${p.file}: ${p.detail}。質問: 選択肢 の YAML マップ（または 質問=選択肢 のリスト）を指定してください。`,
  promptChoose: (p) => `1-${p.count} を選んでください（Enter でスキップ、b で戻る、q で終了）: `,
  progress: (p) => `質問 ${p.position}/${p.total}`,
  defaultTitle: "コンテナ基盤の選定: Amazon ECS か Amazon EKS か",
};

export const t = defineCatalog({ en, ja });
