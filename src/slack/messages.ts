import { defineCatalog } from "../core/i18n/catalog.js";

/**
 * Every user-facing string of the Slack app, in English and Japanese. Parameters that carry user
 * text arrive already escaped (escapeText) or as Slack mentions built by escape.ts.
 */
const en = {
  // help
  helpHeader: "ECS or EKS? Let's work it out",
  helpIntro:
    "I help your team choose between *Amazon ECS* and *Amazon EKS (Kubernetes)*, and record why. Ask me how either platform handles something, or walk through the decision together in a thread.",
  helpUsage: (p: { cmd: string; bot: string }) =>
    [
      `• \`${p.cmd} <question>\` — how Kubernetes and ECS each do it, e.g. \`${p.cmd} how do I run a cron job?\``,
      `• \`${p.cmd} matrix\` — every capability at a glance`,
      `• \`${p.cmd} decide [title]\` — a walkthrough in this channel; anyone in the thread can answer`,
      `• \`${p.cmd} history\` — decisions made in this channel (\`history all\` for the workspace)`,
      `• \`${p.cmd} changes [since YYYY-MM-DD|capability-id]\` — dated platform changes: launches, deprecations, end of support, pricing`,
      `• \`${p.cmd} lang en|ja\` — the language I use in this channel`,
      `• Mention ${p.bot} in any thread: \`${p.bot} <question>\`, \`${p.bot} decide\`, \`${p.bot} summary\`, or just ${p.bot} to answer the thread's first message`,
    ].join("\n"),
  helpStart: "Start a walkthrough",
  helpMatrix: "Show the matrix",
  helpFooter: (p: { version: string; count: number }) =>
    `Capability matrix ${p.version} · ${p.count} capabilities, each with its sources and the date it was checked`,
  helpFallback: "ECS or EKS? Ask me a question, or start a walkthrough with /ecs-vs-eks decide",

  // matrix
  matrixHeader: "ECS vs EKS: the capability matrix",
  matrixFallback: (p: { count: number }) =>
    `The ECS vs EKS capability matrix: ${p.count} capabilities, with Kubernetes / EKS and Amazon ECS support for each.`,
  matrixColCapability: "Capability",
  matrixColId: "Ask with",
  matrixAskHint: (p: { cmd: string }) =>
    `Ask about any row: \`${p.cmd} <id or question>\`, e.g. \`${p.cmd} secrets\``,
  matrixTruncated: (p: { shown: number; total: number }) =>
    `Showing ${p.shown} of ${p.total} capabilities; see the App Home tab or the CLI for the rest.`,

  // answer card
  cardFallback: (p: { title: string; k8s: string; ecs: string }) =>
    `${p.title} — Kubernetes / EKS: ${p.k8s}; Amazon ECS: ${p.ecs}`,
  cardHow: (p: { platform: string }) => `How ${p.platform} does it`,
  cardUses: "Uses",
  cardImplication: "What it means for the choice",
  cardSources: "Sources",
  cardChecked: (p: { date: string; days: number }) =>
    `Checked against the sources on ${p.date} (${p.days} ${p.days === 1 ? "day" : "days"} ago)`,
  cardYouAsked: (p: { question: string }) => `You asked: “${p.question}”`,
  cardSharedBy: (p: { user: string }) => `Shared by ${p.user}`,
  cardAsked: (p: { user: string; question: string }) => `${p.user} asked: “${p.question}”`,
  cardAlso: "Related:",
  cardShare: "Share in channel",
  cardOverflow: "More in the matrix: /ecs-vs-eks matrix",
  cardRecentChanges: "Recent platform changes",

  // change log
  changesHeader: "Platform changes",
  changesFallback: (p: { count: number }) =>
    `Platform changes: ${p.count} ${p.count === 1 ? "change" : "changes"}, newest first`,
  changesCount: (p: { count: number }) =>
    `${p.count} ${p.count === 1 ? "change" : "changes"}, newest first`,
  changesSince: (p: { date: string }) => `since ${p.date}`,
  changesAffecting: (p: { title: string; id: string }) => `affecting ${p.title} (\`${p.id}\`)`,
  changesEmpty: "No changes match.",
  changesHint: (p: { cmd: string }) =>
    `Narrow it down: \`${p.cmd} changes since 2025-01-01\` or \`${p.cmd} changes service-mesh\``,
  changesOverflow: (p: { shown: number; total: number }) =>
    `Showing the newest ${p.shown} of ${p.total}; the CLI lists them all: \`ecs-vs-eks changes\``,
  changesBadDate: (p: { value: string; cmd: string }) =>
    `“${p.value}” is not a date I can read. Write it as YYYY-MM-DD, e.g. \`${p.cmd} changes since 2025-01-01\`.`,
  changesUnknownCapability: (p: { id: string; cmd: string }) =>
    `I don't know a capability called “${p.id}”. \`${p.cmd} matrix\` lists their ids; for example \`${p.cmd} changes service-mesh\`.`,
  noMatchFallback:
    "I couldn't match that to the capability matrix; here are some things I can answer.",
  noMatchOr: "Or walk through the whole decision:",

  // language
  langSet: (p: { lang: string }) => `Got it: I'll answer in ${p.lang} in this channel from now on.`,
  langUsage: "Say `lang en` or `lang ja` to choose the language I use in this channel.",
  langName: "English",

  // history
  historyHeaderChannel: "Decisions made in this channel",
  historyHeaderAll: "Decisions across the workspace",
  historyEmptyChannel:
    "No decisions have been recorded in this channel yet. Start one with `/ecs-vs-eks decide`.",
  historyEmptyAll: "No decisions have been recorded in this workspace yet.",
  historyShowAll: "Show the whole workspace",
  historyLine: (p: {
    title: string;
    rec: string;
    date: string;
    where: string;
    users: string;
    status: string;
  }) => `*${p.title}* → *${p.rec}* · ${p.status}\n${p.date} · ${p.where} · ${p.users}`,
  historyOpenThread: "thread",
  historyFallback: (p: { count: number }) => `${p.count} recorded decisions`,

  // recommendation names
  recEcs: "Amazon ECS",
  recEks: "Amazon EKS",
  recEither: "Either platform",
  recRequired: (p: { platform: string }) => `${p.platform} (required)`,
  recNeither: "Neither fits as asked",
  recUndecided: "No decision yet",

  // walkthrough
  wtDefaultTitle: "ECS or EKS?",
  wtRootHeader: (p: { title: string }) => `Decision: ${p.title}`,
  wtRootBody: (p: { user: string; title: string }) =>
    `${p.user} started a walkthrough to decide *${p.title}*. The questions are in this thread; anyone here can answer, and a later answer replaces an earlier one.`,
  wtRootContext: (p: { questions: number; stages: number; bot: string }) =>
    `${p.questions} questions in ${p.stages} stages · mention ${p.bot} \`summary\` in the thread for the state so far`,
  wtRootFallback: (p: { user: string; title: string }) =>
    `${p.user} started a walkthrough: ${p.title}`,
  wtRevisit: (p: { user: string }) =>
    `${p.user} is revisiting the decision: the earlier answers are filled in; change any of them.`,
  wtPrefilled: (p: { user: string; count: number }) =>
    `${p.user}'s question already answered ${p.count === 1 ? "1 question" : `${p.count} questions`}: ${p.count === 1 ? "that answer is" : "those answers are"} filled in and credited to them; change any of them.`,
  choiceFallback: (p: { known: number }) =>
    p.known === 0
      ? "ECS or EKS is a choice of platform: a walkthrough of short questions decides it."
      : `ECS or EKS is a choice of platform: a walkthrough decides it, with ${p.known} ${p.known === 1 ? "answer" : "answers"} already filled in from the question.`,
  wtStage: (p: { n: number; total: number; title: string }) =>
    `Stage ${p.n} of ${p.total} · ${p.title}`,
  wtProgress: (p: { position: number; total: number; answered: number }) =>
    `Question ${p.position} of ${p.total} · ${p.answered} answered`,
  wtQuestionFallback: (p: { prompt: string }) => `Walkthrough question: ${p.prompt}`,
  wtBack: "◀ Back",
  wtSkip: "Skip",
  wtRestart: "Restart",
  wtRestartConfirmTitle: "Restart the walkthrough?",
  wtRestartConfirmText: "Every answer given so far in this thread will be cleared.",
  wtRestartConfirmYes: "Restart",
  wtCancel: "Cancel",
  wtAnswersSoFar: "Answers so far",
  wtJump: "Go to question…",
  wtFinishNow: "Done: show the result",
  wtAnsweredBy: (p: { user: string }) => `by ${p.user}`,
  wtSkippedMark: "skipped",
  wtNoAnswersYet: "No answers yet.",
  wtAnswered: (p: { user: string; question: string; option: string }) =>
    `${p.user} answered “${p.question}”: *${p.option}*`,
  wtReplaced: (p: { user: string; option: string; prevOption: string; prevUser: string }) =>
    `${p.user} changed the answer to *${p.option}* (it was *${p.prevOption}*, ${p.prevUser}).`,
  wtSkippedBy: (p: { user: string; question: string }) => `${p.user} skipped “${p.question}”.`,
  wtBackBy: (p: { user: string }) => `${p.user} went back to the previous question.`,
  wtRestartedBy: (p: { user: string }) => `${p.user} restarted the walkthrough.`,
  wtSomeone: "someone",
  wtFinishedQuestion: "All questions are done. The result is at the top of this thread.",
  wtAlreadyRunning:
    "A walkthrough is already running in this thread. Answer its questions, or mention me with `summary` to see where it stands.",
  wtConflict: (p: { user: string; option: string }) =>
    `${p.user} answered this question just before you (*${p.option}*). The message now shows the next question; use Back if you'd like to change that answer.`,
  wtConflictGeneric:
    "Someone else changed the walkthrough at the same moment, so your click was not applied. Check the question message in the thread and try again.",
  wtStale:
    "That button belongs to a walkthrough that has finished or been replaced, so it no longer does anything. Start a new one with `/ecs-vs-eks decide`.",
  wtOldButton:
    "That button is from an older version of this app and no longer works. Please use the buttons on the latest message.",
  accessElsewhere:
    "That button belongs to a walkthrough or decision of another channel, so it does nothing here. Use the buttons in that channel's thread.",
  accessPrivateShare:
    "This decision was made in a private channel, so it can only be shared in that channel.",
  wtNothingToGoBack: "This is the first question; there is nothing to go back to.",
  wtMovedOn:
    "The walkthrough has already moved past that question, so your click was not applied. The question message in the thread shows where it is now.",
  wtQuestionsOpen:
    "Some questions are still open, so the walkthrough can't finish yet. Answer or skip them first.",
  wtNoneHere:
    "There's no walkthrough in this thread yet. Mention me with `decide` to start one here.",
  wtStateHeader: (p: { title: string }) => `Where we are: ${p.title}`,
  wtStateFallback: (p: { title: string; answered: number; total: number }) =>
    `${p.title}: ${p.answered} of ${p.total} questions answered`,
  wtCurrentQuestion: (p: { prompt: string }) => `Current question: *${p.prompt}*`,
  wtLeaningNow: (p: { rec: string; ecs: number; eks: number }) =>
    `Leaning so far: *${p.rec}* (ECS ${p.ecs} · EKS ${p.eks})`,

  // summary
  sumFallback: (p: { title: string; headline: string }) => `${p.title}: ${p.headline}`,
  sumHeader: (p: { title: string }) => `Result: ${p.title}`,
  sumScores: "Scores",
  sumReasons: "Why",
  sumFlips: "What would change the answer",
  sumNeeds: "What you will need",
  sumUnanswered: "Not answered",
  sumTookPart: (p: { users: string }) => `Took part: ${p.users}`,
  sumDecidedIn: (p: { link: string }) => `Decided in ${p.link}`,
  sumThread: "this thread",
  sumPostToChannel: "Post to…",
  sumRecord: "Decision record",
  sumRevisit: "Revisit",
  sumRecordComment: (p: { user: string }) =>
    `The decision record (MADR), requested by ${p.user}. Commit it to your repository's docs/decisions/.`,
  sumPostedBy: (p: { user: string }) => `Posted by ${p.user}`,
  sumPosted: (p: { channel: string }) => `Posted the result card to ${p.channel}.`,
  sumNone: "—",

  // result card
  rcDecided: (p: { choice: string; title: string }) => `Decided: ${p.choice} — ${p.title}`,
  rcOn: (p: { platform: string; capacity: string }) => `${p.platform} on ${p.capacity}`,
  rcRequired: (p: { platform: string; title: string }) => `${p.platform} required — ${p.title}`,
  rcEither: (p: { title: string }) => `Either platform fits — ${p.title}`,
  rcEitherLean: (p: { platform: string; title: string }) =>
    `Either platform fits, leaning ${p.platform} — ${p.title}`,
  rcNeither: (p: { title: string }) => `Neither fits as asked — ${p.title}`,
  rcUndecided: (p: { title: string }) => `No decision yet — ${p.title}`,
  rcStatus: "Status: *Proposed*",
  statusLabel: (p: { status: "proposed" | "accepted" | "rejected" | "superseded" }) =>
    ({
      proposed: "Proposed",
      accepted: "Accepted",
      rejected: "Rejected",
      superseded: "Superseded by a revisit",
    })[p.status],
  rcStatusLine: (p: { label: string; by: string; date: string }) =>
    `Status: *${p.label}*${p.by ? ` by ${p.by}` : ""}${p.date ? ` on ${p.date}` : ""}`,
  rcAccept: "Accept",
  rcReject: "Reject",
  statusAlready: (p: { label: string }) => `This decision's status is already ${p.label}.`,
  statusSuperseded:
    "A revisit superseded this decision, so its status can no longer change. The newer decision is in the same thread.",
  statusConflict:
    "Someone changed this decision's status at the same moment. Please check the card and try again.",
  historyStatus: (p: { label: string }) => `Status: ${p.label}`,
  rcPeopleCount: (p: { count: number }) =>
    `${p.count} ${p.count === 1 ? "person" : "people"} took part`,
  rcWhy: "Why",
  rcChange: (p: { sentence: string }) => `*What would change it:* ${p.sentence}`,
  rcOpen: (p: { count: number }) => `${p.count} skipped or unanswered`,
  rcAllAnswered: "Every question answered",
  rcMatrix: (p: { version: string }) => `Matrix ${p.version}`,
  rcThread: "Open the thread",
  rcFull: "Full reasoning",
  rcFallback: (p: { headline: string; title: string }) => `${p.title}: ${p.headline}`,
  rcModalTitle: "Full reasoning",
  rcModalClose: "Close",
  rcSeeCard: (p: { link: string }) =>
    `This thread's walkthrough has finished: see its ${p.link}. Its “Full reasoning” button shows every answer and why.`,
  rcCard: "result card",

  // post-to-channel modal
  modalTitle: "Post the decision",
  modalSubmit: "Post",
  modalClose: "Cancel",
  modalChannelLabel: "Channel",
  modalChannelPlaceholder: "Pick a channel",
  modalIntro: (p: { title: string }) =>
    `The result card of *${p.title}* will be posted there, with a link back to the thread.`,

  // App Home
  homeGetStarted: "Get started",
  homeStart: (p: { cmd: string }) =>
    `*Start a decision*\nIn the channel where your team talks, run \`${p.cmd} decide [title]\`. I ask a few questions in a thread; anyone there can answer, and the result is recorded.`,
  homeAsk: (p: { cmd: string; bot: string }) =>
    `*Ask a question*\nIn any channel, run \`${p.cmd} <question>\` (only you see the answer) or mention ${p.bot} with your question, e.g. \`${p.cmd} how do I run a cron job?\``,
  homeMatrix: (p: { cmd: string }) =>
    `*Open the matrix*\nEvery capability at a glance is below; \`${p.cmd} matrix\` shows it in a channel.`,
  homeActive: "Your active walkthroughs",
  homeNoActive: "No walkthrough you started is in progress.",
  homeActiveLine: (p: { title: string; where: string; date: string }) =>
    `• *${p.title}* — ${p.where}, started ${p.date}`,
  homeDecisions: "Your latest decisions",
  homeNoDecisions:
    "You haven't taken part in a decision yet. Run `/ecs-vs-eks decide` in a channel to start one.",

  // errors
  errNotInChannel: (p: { bot: string }) =>
    `I'm not a member of that channel, so I can't post there. Invite me with \`/invite ${p.bot}\` and try again.`,
  errChannelNotFound:
    "I can't find that channel. It may be private or archived; invite me to it first.",
  errRateLimited: "Slack is asking me to slow down. Please try again in a minute.",
  errSlackDown: "Slack isn't answering me right now. Please try again in a minute.",
  errStore: "I can't reach my database right now. Please try again in a moment.",
  errGeneric: "Sorry, something went wrong on my side. Please try again.",
  errNoParent: "I couldn't read the first message of this thread. Ask me your question directly.",
  errEmptyThreadParent:
    "The first message of this thread has no text I can answer. Ask me your question directly.",
};

type En = typeof en;

const ja: En = {
  helpHeader: "ECS か EKS か、一緒に考えましょう",
  helpIntro:
    "*Amazon ECS* と *Amazon EKS（Kubernetes）* のどちらを選ぶかをチームで決め、その理由を記録するお手伝いをします。それぞれの基盤で何かをどう実現するかを質問するか、スレッドで一緒に意思決定を進めてください。",
  helpUsage: (p) =>
    [
      `• \`${p.cmd} <質問>\` — Kubernetes と ECS それぞれのやり方。例: \`${p.cmd} 定期実行したいバッチがある\``,
      `• \`${p.cmd} matrix\` — すべての機能の比較表`,
      `• \`${p.cmd} decide [タイトル]\` — このチャンネルでウォークスルーを始めます。スレッドの誰でも回答できます`,
      `• \`${p.cmd} history\` — このチャンネルでの決定（ワークスペース全体は \`history all\`）`,
      `• \`${p.cmd} changes [since YYYY-MM-DD|機能ID]\` — 日付付きのプラットフォームの変更（提供開始、非推奨化、サポート終了、料金など）`,
      `• \`${p.cmd} lang en|ja\` — このチャンネルで使う言語`,
      `• どのスレッドでも ${p.bot} をメンションできます: \`${p.bot} <質問>\`、\`${p.bot} 決めたい\`、\`${p.bot} まとめ\`。${p.bot} だけなら、スレッドの最初のメッセージに回答します`,
    ].join("\n"),
  helpStart: "意思決定を始める",
  helpMatrix: "比較表を見る",
  helpFooter: (p) => `機能比較表 ${p.version} · ${p.count} 項目。各項目に出典と確認日があります`,
  helpFallback: "ECS か EKS か。質問するか、/ecs-vs-eks decide で意思決定を始めてください",

  matrixHeader: "ECS と EKS の機能比較表",
  matrixFallback: (p) =>
    `ECS と EKS の機能比較表: ${p.count} 項目。それぞれ Kubernetes / EKS と Amazon ECS の対応状況です。`,
  matrixColCapability: "機能",
  matrixColId: "質問するには",
  matrixAskHint: (p) =>
    `どの行についても質問できます: \`${p.cmd} <ID または質問>\`（例: \`${p.cmd} secrets\`）`,
  matrixTruncated: (p) =>
    `${p.total} 項目中 ${p.shown} 項目を表示しています。残りはホームタブか CLI でご覧ください。`,

  cardFallback: (p) => `${p.title} — Kubernetes / EKS: ${p.k8s}、Amazon ECS: ${p.ecs}`,
  cardHow: (p) => `${p.platform} でのやり方`,
  cardUses: "使うもの",
  cardImplication: "選択への影響",
  cardSources: "出典",
  cardChecked: (p) => `${p.date} に出典と照合済み（${p.days} 日前）`,
  cardYouAsked: (p) => `質問:「${p.question}」`,
  cardSharedBy: (p) => `${p.user} が共有しました`,
  cardAsked: (p) => `${p.user} の質問:「${p.question}」`,
  cardAlso: "関連:",
  cardShare: "チャンネルに共有",
  cardOverflow: "続きは比較表で: /ecs-vs-eks matrix",
  cardRecentChanges: "最近のプラットフォームの変更",

  changesHeader: "プラットフォームの変更履歴",
  changesFallback: (p) => `プラットフォームの変更履歴: ${p.count} 件（新しい順）`,
  changesCount: (p) => `${p.count} 件、新しい順`,
  changesSince: (p) => `${p.date} 以降`,
  changesAffecting: (p) => `${p.title}（\`${p.id}\`）に関するもの`,
  changesEmpty: "条件に合う変更はありません。",
  changesHint: (p) =>
    `絞り込み: \`${p.cmd} changes since 2025-01-01\` または \`${p.cmd} changes service-mesh\``,
  changesOverflow: (p) =>
    `新しい ${p.shown} 件を表示しています（全 ${p.total} 件）。すべて見るには CLI の \`ecs-vs-eks changes\` をお使いください。`,
  changesBadDate: (p) =>
    `「${p.value}」は日付として読み取れません。\`${p.cmd} changes since 2025-01-01\` のように YYYY-MM-DD の形で指定してください。`,
  changesUnknownCapability: (p) =>
    `「${p.id}」という機能は見つかりません。機能の ID は \`${p.cmd} matrix\` で確認できます（例: \`${p.cmd} changes service-mesh\`）。`,
  noMatchFallback:
    "比較表の中に当てはまる項目が見つかりませんでした。以下は答えられる項目の例です。",
  noMatchOr: "または、意思決定を最初から一緒に進めることもできます:",

  langSet: (p) => `わかりました。このチャンネルでは今後 ${p.lang} でお答えします。`,
  langUsage: "`lang en` または `lang ja` で、このチャンネルで使う言語を選べます。",
  langName: "日本語",

  historyHeaderChannel: "このチャンネルでの決定",
  historyHeaderAll: "ワークスペース全体の決定",
  historyEmptyChannel:
    "このチャンネルにはまだ記録された決定がありません。`/ecs-vs-eks decide` で始められます。",
  historyEmptyAll: "このワークスペースにはまだ記録された決定がありません。",
  historyShowAll: "ワークスペース全体を見る",
  historyLine: (p) =>
    `*${p.title}* → *${p.rec}* · ${p.status}\n${p.date} · ${p.where} · ${p.users}`,
  historyOpenThread: "スレッド",
  historyFallback: (p) => `記録された決定 ${p.count} 件`,

  recEcs: "Amazon ECS",
  recEks: "Amazon EKS",
  recEither: "どちらでも可",
  recRequired: (p) => `${p.platform}（必須）`,
  recNeither: "いまの条件ではどちらも適しません",
  recUndecided: "まだ決まっていません",

  wtDefaultTitle: "ECS か EKS か",
  wtRootHeader: (p) => `意思決定: ${p.title}`,
  wtRootBody: (p) =>
    `${p.user} が「*${p.title}*」を決めるための質問を始めました。質問はこのスレッドにあります。誰でも回答でき、後からの回答が前の回答を置き換えます。`,
  wtRootContext: (p) =>
    `${p.stages} 段階・${p.questions} 問 · 途中経過を見るには、スレッドで「${p.bot} まとめ」とメンションしてください`,
  wtRootFallback: (p) => `${p.user} が意思決定を始めました: ${p.title}`,
  wtRevisit: (p) =>
    `${p.user} が決定を見直しています。前回の回答が入力済みです。どれでも変更できます。`,
  wtPrefilled: (p) =>
    `${p.user} の質問の内容から ${p.count} 問の回答を入力済みです。回答者は ${p.user} になっています。どれでも変更できます。`,
  choiceFallback: (p) =>
    p.known === 0
      ? "ECS か EKS かはプラットフォームの選択です。短い質問に答えるウォークスルーで決められます。"
      : `ECS か EKS かはプラットフォームの選択です。ウォークスルーで決められます。ご質問の内容から ${p.known} 問の回答を入力済みです。`,
  wtStage: (p) => `段階 ${p.n}/${p.total} · ${p.title}`,
  wtProgress: (p) => `質問 ${p.position}/${p.total} · 回答済み ${p.answered}`,
  wtQuestionFallback: (p) => `質問: ${p.prompt}`,
  wtBack: "◀ 戻る",
  wtSkip: "スキップ",
  wtRestart: "最初から",
  wtRestartConfirmTitle: "最初からやり直しますか？",
  wtRestartConfirmText: "このスレッドでのこれまでの回答はすべて消えます。",
  wtRestartConfirmYes: "やり直す",
  wtCancel: "キャンセル",
  wtAnswersSoFar: "これまでの回答",
  wtJump: "質問へ移動…",
  wtFinishNow: "完了して結果を見る",
  wtAnsweredBy: (p) => `回答: ${p.user}`,
  wtSkippedMark: "スキップ",
  wtNoAnswersYet: "まだ回答はありません。",
  wtAnswered: (p) => `${p.user} が「${p.question}」に回答しました: *${p.option}*`,
  wtReplaced: (p) =>
    `${p.user} が回答を *${p.option}* に変更しました（前の回答は *${p.prevOption}*、${p.prevUser}）。`,
  wtSkippedBy: (p) => `${p.user} が「${p.question}」をスキップしました。`,
  wtBackBy: (p) => `${p.user} が前の質問に戻りました。`,
  wtRestartedBy: (p) => `${p.user} が最初からやり直しました。`,
  wtSomeone: "誰か",
  wtFinishedQuestion: "すべての質問が終わりました。結果はこのスレッドの先頭にあります。",
  wtAlreadyRunning:
    "このスレッドではすでに意思決定が進行中です。質問に回答するか、「まとめ」とメンションして途中経過を確認してください。",
  wtConflict: (p) =>
    `${p.user} があなたの直前にこの質問に回答しました（*${p.option}*）。メッセージは次の質問に進んでいます。回答を変えたい場合は「戻る」を使ってください。`,
  wtConflictGeneric:
    "ほぼ同時に別の人が操作したため、今の操作は反映されませんでした。スレッドの質問メッセージを確認して、もう一度お試しください。",
  wtStale:
    "このボタンは終了したか置き換えられた意思決定のものなので、もう使えません。`/ecs-vs-eks decide` で新しく始めてください。",
  wtOldButton:
    "このボタンは古いバージョンのアプリのもので、もう使えません。最新のメッセージのボタンを使ってください。",
  accessElsewhere:
    "このボタンは別のチャンネルの意思決定のものなので、ここでは何もしません。そのチャンネルのスレッドにあるボタンを使ってください。",
  accessPrivateShare:
    "この意思決定はプライベートチャンネルで行われたため、そのチャンネルの中でだけ共有できます。",
  wtNothingToGoBack: "最初の質問なので、戻る先はありません。",
  wtMovedOn:
    "意思決定はすでにその質問より先に進んでいるため、今の操作は反映されませんでした。現在の状況はスレッドの質問メッセージで確認できます。",
  wtQuestionsOpen:
    "回答もスキップもしていない質問が残っているため、まだ完了できません。先に回答するかスキップしてください。",
  wtNoneHere:
    "このスレッドにはまだ意思決定がありません。「決めたい」とメンションすると、ここで始められます。",
  wtStateHeader: (p) => `途中経過: ${p.title}`,
  wtStateFallback: (p) => `${p.title}: ${p.total} 問中 ${p.answered} 問に回答済み`,
  wtCurrentQuestion: (p) => `現在の質問: *${p.prompt}*`,
  wtLeaningNow: (p) => `現時点の傾向: *${p.rec}*（ECS ${p.ecs} · EKS ${p.eks}）`,

  sumFallback: (p) => `${p.title}: ${p.headline}`,
  sumHeader: (p) => `結果: ${p.title}`,
  sumScores: "スコア",
  sumReasons: "理由",
  sumFlips: "結論が変わる条件",
  sumNeeds: "必要になるもの",
  sumUnanswered: "未回答",
  sumTookPart: (p) => `参加者: ${p.users}`,
  sumDecidedIn: (p) => `決定の場: ${p.link}`,
  sumThread: "このスレッド",
  sumPostToChannel: "ほかのチャンネルに投稿…",
  sumRecord: "決定記録",
  sumRevisit: "見直す",
  sumRecordComment: (p) =>
    `${p.user} の依頼による決定記録 (MADR) です。リポジトリの docs/decisions/ にコミットしてください。`,
  sumPostedBy: (p) => `${p.user} が投稿しました`,
  sumPosted: (p) => `結果のカードを ${p.channel} に投稿しました。`,
  sumNone: "—",

  rcDecided: (p) => `決定: ${p.choice} — ${p.title}`,
  rcOn: (p) => `${p.platform}（${p.capacity}）`,
  rcRequired: (p) => `${p.platform} が必須 — ${p.title}`,
  rcEither: (p) => `どちらでも可 — ${p.title}`,
  rcEitherLean: (p) => `どちらでも可（${p.platform} 寄り）— ${p.title}`,
  rcNeither: (p) => `いまの条件ではどちらも適しません — ${p.title}`,
  rcUndecided: (p) => `まだ決まっていません — ${p.title}`,
  rcStatus: "ステータス: *提案中*",
  statusLabel: (p) =>
    ({
      proposed: "提案中",
      accepted: "承認済み",
      rejected: "却下",
      superseded: "見直しにより置き換え済み",
    })[p.status],
  rcStatusLine: (p) =>
    `ステータス: *${p.label}*${p.by || p.date ? `（${[p.by, p.date].filter(Boolean).join("、")}）` : ""}`,
  rcAccept: "承認する",
  rcReject: "却下する",
  statusAlready: (p) => `この決定のステータスはすでに「${p.label}」です。`,
  statusSuperseded:
    "この決定は見直しによって置き換えられたため、ステータスは変更できません。新しい決定は同じスレッドにあります。",
  statusConflict:
    "ほぼ同時に別の方がこの決定のステータスを変更しました。カードを確認して、もう一度お試しください。",
  historyStatus: (p) => `ステータス: ${p.label}`,
  rcPeopleCount: (p) => `参加者 ${p.count} 人`,
  rcWhy: "主な理由",
  rcChange: (p) => `*結論が変わる条件:* ${p.sentence}`,
  rcOpen: (p) => `未回答・スキップ ${p.count} 問`,
  rcAllAnswered: "すべての質問に回答済み",
  rcMatrix: (p) => `比較表 ${p.version}`,
  rcThread: "スレッドを開く",
  rcFull: "詳しい理由",
  rcFallback: (p) => `${p.title}: ${p.headline}`,
  rcModalTitle: "詳しい理由",
  rcModalClose: "閉じる",
  rcSeeCard: (p) =>
    `このスレッドの意思決定は終わっています。${p.link}をご覧ください。「詳しい理由」ボタンで、すべての回答とその理由を確認できます。`,
  rcCard: "結果のカード",

  modalTitle: "決定を投稿",
  modalSubmit: "投稿",
  modalClose: "キャンセル",
  modalChannelLabel: "チャンネル",
  modalChannelPlaceholder: "チャンネルを選択",
  modalIntro: (p) => `「*${p.title}*」の結果のカードを、スレッドへのリンク付きで投稿します。`,

  homeGetStarted: "はじめに",
  homeStart: (p) =>
    `*意思決定を始める*\nチームが話しているチャンネルで \`${p.cmd} decide [タイトル]\` を実行してください。スレッドでいくつか質問します。そこにいる誰でも回答でき、結果は記録されます。`,
  homeAsk: (p) =>
    `*質問する*\nどのチャンネルでも \`${p.cmd} <質問>\` を実行する（回答はあなただけに表示されます）か、${p.bot} をメンションして質問してください。例: \`${p.cmd} 定期実行したいバッチがある\``,
  homeMatrix: (p) =>
    `*比較表を見る*\nすべての機能の比較表はこの下にあります。チャンネルでは \`${p.cmd} matrix\` で表示できます。`,
  homeActive: "進行中の意思決定",
  homeNoActive: "あなたが始めた意思決定で進行中のものはありません。",
  homeActiveLine: (p) => `• *${p.title}* — ${p.where}、${p.date} に開始`,
  homeDecisions: "あなたが参加した最近の決定",
  homeNoDecisions:
    "まだ意思決定に参加していません。チャンネルで `/ecs-vs-eks decide` を実行すると始められます。",

  errNotInChannel: (p) =>
    `そのチャンネルのメンバーではないため投稿できません。\`/invite ${p.bot}\` で招待してから、もう一度お試しください。`,
  errChannelNotFound:
    "そのチャンネルが見つかりません。プライベートかアーカイブ済みかもしれません。先に招待してください。",
  errRateLimited:
    "Slack から少し待つよう求められています。1 分ほどしてからもう一度お試しください。",
  errSlackDown: "いま Slack から応答がありません。1 分ほどしてからもう一度お試しください。",
  errStore: "いまデータベースに接続できません。少し時間をおいてもう一度お試しください。",
  errGeneric: "申し訳ありません、こちらで問題が起きました。もう一度お試しください。",
  errNoParent:
    "このスレッドの最初のメッセージを読めませんでした。質問を直接書いてメンションしてください。",
  errEmptyThreadParent:
    "このスレッドの最初のメッセージには回答できる文章がありません。質問を直接書いてメンションしてください。",
};

export const t = defineCatalog<En>({ en, ja });
export type MessageKey = keyof En;
