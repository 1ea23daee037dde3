import { defineCatalog } from "../../core/i18n/catalog.js";

/**
 * The strings of the message shortcuts and of App Home's buttons and modals, in English and
 * Japanese. Parameters that carry user text arrive already escaped; `bot` is a mention built by
 * escape.ts, `cmd` the slash command.
 */
const en = {
  // The "Ask ECS vs EKS" message shortcut
  shortcutNoText: (p: { cmd: string; bot: string }) =>
    `That message has no text I can answer. Ask me directly with \`${p.cmd} <question>\`, or mention ${p.bot} with your question.`,
  shortcutModalTitle: "ECS vs EKS",
  shortcutModalNote: (p: { bot: string }) =>
    `I'm not a member of that channel, so I'm showing the answer here, only to you. To get answers in the channel, invite me with \`/invite ${p.bot}\`.`,

  // App Home buttons
  homeButtonStart: "Start a decision",
  homeButtonAsk: "Ask a question",
  homeButtonMatrix: "Open the matrix",

  // "Ask a question" modal
  askModalTitle: "Ask a question",
  askModalSubmit: "Ask",
  modalCloseButton: "Close",
  askModalLabel: "Your question",
  askModalPlaceholder: "e.g. How do I run a cron job?",
  askModalIntro:
    "Ask how Kubernetes (EKS) and Amazon ECS each handle something: secrets, cron jobs, autoscaling, networking…",
  askModalEmpty: "Type a question first.",
  askModalOnlyYou: (p: { cmd: string }) =>
    `Only you can see this answer. To share one with your team, ask in a channel: \`${p.cmd} <question>\`.`,

  // "Open the matrix" modal
  matrixModalTitle: "The matrix",
};

type En = typeof en;

const ja: En = {
  shortcutNoText: (p) =>
    `そのメッセージには回答できる文章がありません。\`${p.cmd} <質問>\` で直接質問するか、${p.bot} をメンションして質問してください。`,
  shortcutModalTitle: "ECS と EKS",
  shortcutModalNote: (p) =>
    `そのチャンネルのメンバーではないため、回答をここに表示します（あなただけに表示されます）。チャンネルで回答するには \`/invite ${p.bot}\` で招待してください。`,

  homeButtonStart: "意思決定を始める",
  homeButtonAsk: "質問する",
  homeButtonMatrix: "比較表を見る",

  askModalTitle: "質問する",
  askModalSubmit: "質問する",
  modalCloseButton: "閉じる",
  askModalLabel: "質問",
  askModalPlaceholder: "例: 定期実行したいバッチがある",
  askModalIntro:
    "Kubernetes（EKS）と Amazon ECS がそれぞれどう扱うかを質問してください。シークレット、定期実行、オートスケーリング、ネットワークなどです。",
  askModalEmpty: "質問を入力してください。",
  askModalOnlyYou: (p) =>
    `この回答はあなただけに表示されています。チームと共有するには、チャンネルで \`${p.cmd} <質問>\` を実行してください。`,

  matrixModalTitle: "比較表",
};

export const t = defineCatalog<En>({ en, ja });
export type ShortcutsHomeKey = keyof En;
