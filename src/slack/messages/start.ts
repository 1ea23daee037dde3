import { defineCatalog } from "../../core/i18n/catalog.js";

/**
 * The strings of the start modal (title, owner, people to invite, due date, where) and of the plan
 * line on a walkthrough's root message, in English and Japanese. Parameters that carry user text
 * arrive already escaped; `user`, `users` and `channel` are mentions built by escape.ts.
 */
const en = {
  // The modal
  startModalTitle: "Start a decision",
  startModalSubmit: "Start",
  startModalClose: "Cancel",
  startIntroThread: (p: { channel: string }) =>
    `The walkthrough's questions will be posted in this thread of ${p.channel}. Anyone there can answer them.`,
  startIntroChannel: (p: { channel: string }) =>
    `The walkthrough will start in ${p.channel}, with its questions in a new thread. Anyone there can answer them.`,
  startIntroPick:
    "Choose the channel the walkthrough starts in: its questions go in a new thread there, and anyone in the channel can answer them.",
  startTitleLabel: "Title",
  startTitlePlaceholder: "What is being decided, e.g. Payments API platform",
  startOwnerLabel: "Owner",
  startOwnerHint: "Who owns the decision. Named on the walkthrough's first message.",
  startInviteesLabel: "People to invite",
  startInviteesPlaceholder: "Choose people",
  startInviteesHint: (p: { max: number }) =>
    `Mentioned on the walkthrough's first message, so they know to answer. At most ${p.max}.`,
  startDueLabel: "Due date",
  startDuePlaceholder: "Pick a date",
  startDueNote:
    "A due date means the end of that day, 23:59 UTC. When it passes, a reminder goes to the thread.",
  startWhereLabel: "Channel",
  startWherePlaceholder: "Choose a channel",

  // Field errors (shown as plain text under the field)
  startDuePast: "That date has already passed. Pick today or a later date.",
  startDueInvalid: "That is not a date I can read. Pick one from the calendar.",
  startWhereMissing: "Choose a channel to start the walkthrough in.",
  startTooManyInvitees: (p: { max: number }) => `Invite at most ${p.max} people.`,
  startOwnerMissing: "Choose who owns the decision.",
  startBadForm:
    "This form was changed or comes from an older version of the app, so I can't use it. Close it and start again.",

  // After submitting
  startFailed: (p: { title: string; reason: string }) =>
    `I couldn't start the walkthrough *${p.title}*. ${p.reason}`,

  // The plan, on the walkthrough's root message
  planOwner: (p: { user: string }) => `Owner: ${p.user}`,
  planInvited: (p: { users: string }) => `Invited: ${p.users}`,
  planDue: (p: { date: string }) => `Due: ${p.date} (23:59 UTC)`,
};

type En = typeof en;

const ja: En = {
  startModalTitle: "意思決定を始める",
  startModalSubmit: "開始する",
  startModalClose: "キャンセル",
  startIntroThread: (p) =>
    `質問は ${p.channel} のこのスレッドに投稿されます。そこにいる人は誰でも回答できます。`,
  startIntroChannel: (p) =>
    `${p.channel} で意思決定を始め、質問は新しいスレッドに投稿されます。そこにいる人は誰でも回答できます。`,
  startIntroPick:
    "意思決定を始めるチャンネルを選んでください。質問はそのチャンネルの新しいスレッドに投稿され、メンバーは誰でも回答できます。",
  startTitleLabel: "タイトル",
  startTitlePlaceholder: "何を決めるか（例: 決済 API の基盤）",
  startOwnerLabel: "担当者",
  startOwnerHint: "この意思決定の担当者です。最初のメッセージに表示されます。",
  startInviteesLabel: "招待する人",
  startInviteesPlaceholder: "人を選ぶ",
  startInviteesHint: (p) =>
    `最初のメッセージでメンションされ、回答を依頼します。最大 ${p.max} 人までです。`,
  startDueLabel: "期限",
  startDuePlaceholder: "日付を選ぶ",
  startDueNote:
    "期限はその日の終わり（UTC の 23:59）です。期限を過ぎると、スレッドにリマインダーが届きます。",
  startWhereLabel: "チャンネル",
  startWherePlaceholder: "チャンネルを選ぶ",

  startDuePast: "その日付はすでに過ぎています。今日以降の日付を選んでください。",
  startDueInvalid: "日付を読み取れません。カレンダーから選んでください。",
  startWhereMissing: "意思決定を始めるチャンネルを選んでください。",
  startTooManyInvitees: (p) => `招待できるのは最大 ${p.max} 人までです。`,
  startOwnerMissing: "担当者を選んでください。",
  startBadForm:
    "このフォームは変更されたか、古いバージョンのアプリのものなので使えません。閉じてから、もう一度始めてください。",

  startFailed: (p) => `意思決定「${p.title}」を始められませんでした。${p.reason}`,

  planOwner: (p) => `担当者: ${p.user}`,
  planInvited: (p) => `招待: ${p.users}`,
  planDue: (p) => `期限: ${p.date}（UTC の 23:59）`,
};

export const t = defineCatalog<En>({ en, ja });
export type StartKey = keyof En;
