import { defineCatalog } from "../../core/i18n/catalog.js";

/**
 * The strings of a walkthrough's participation: who it waits on, the Remind button, the due-date
 * reminder. The reminders mention only the people they ask something of (a mention notifies). `users` is a list of mentions already joined by joinMentions; `title` arrives escaped;
 * `from`/`until` are Slack date tokens (they show in the reader's own time zone).
 */
const en = {
  waitingOn: (p: { users: string }) => `Waiting on: ${p.users}`,
  skippedCount: (p: { count: number }) => `${p.count} skipped`,
  answeredByList: (p: { users: string }) => `Answered by ${p.users}`,
  /** One person's share of the answers, in answeredByList. */
  answeredByUser: (p: { user: string; count: number }) => `${p.user} (${p.count})`,
  moreUsers: (p: { count: number }) => `and ${p.count} more`,

  remindButton: "Remind",
  /** The thread reply a Remind click posts: it mentions, so Slack notifies them. */
  remindReply: (p: { users: string; title: string }) =>
    `${p.users}: your answers to “${p.title}” are still needed. The question is just above in this thread.`,
  remindSent: (p: { users: string }) => `Reminder sent to ${p.users}.`,
  remindTooSoon: (p: { from: string; until: string }) =>
    `A reminder already went out in this thread less than 10 minutes ago (after ${p.from}), so I didn't send another. You can send the next one from ${p.until}.`,
  /** A time where Slack cannot show it in the reader's own zone (a date token's fallback). */
  timeUtc: (p: { time: string }) => `${p.time} UTC`,
  remindNobody: "Nobody is left to remind: everyone invited has answered, or nobody was invited.",

  dueWaiting: (p: { users: string; title: string }) =>
    `The answers to “${p.title}” were due. Still waiting on ${p.users}: please answer the question above in this thread.`,
  dueAnswersIn: (p: { owner: string; title: string }) =>
    `The answers to “${p.title}” are in; ${p.owner}, show the result (answer or skip what's left, then “Done: show the result”).`,
  dueNoInvitees: (p: { owner: string; title: string }) =>
    `The due date for “${p.title}” has passed; ${p.owner}, finish the walkthrough above to show the result.`,
};

type En = typeof en;

const ja: En = {
  waitingOn: (p) => `回答待ち: ${p.users}`,
  skippedCount: (p) => `スキップ ${p.count} 問`,
  answeredByList: (p) => `回答者: ${p.users}`,
  answeredByUser: (p) => `${p.user}（${p.count} 問）`,
  moreUsers: (p) => `ほか ${p.count} 人`,

  remindButton: "リマインド",
  remindReply: (p) =>
    `${p.users} さん、「${p.title}」への回答をお願いします。このスレッドの上にある質問から回答できます。`,
  remindSent: (p) => `${p.users} さんにリマインドを送りました。`,
  remindTooSoon: (p) =>
    `このスレッドでは 10 分以内（${p.from} 以降）にリマインドを送っているため、もう一度は送りませんでした。次のリマインドは ${p.until} から送れます。`,
  timeUtc: (p) => `${p.time} UTC`,
  remindNobody:
    "リマインドする相手はいません。招待された全員が回答済みか、誰も招待されていません。",

  dueWaiting: (p) =>
    `「${p.title}」の回答期限が過ぎました。${p.users} さんの回答を待っています。このスレッドの上にある質問に回答してください。`,
  dueAnswersIn: (p) =>
    `「${p.title}」の回答がそろいました。${p.owner} さん、結果を表示してください（残りの質問に回答するかスキップしてから「完了して結果を見る」を押してください）。`,
  dueNoInvitees: (p) =>
    `「${p.title}」の期限が過ぎました。${p.owner} さん、上の質問を終えて結果を表示してください。`,
};

export const t = defineCatalog<En>({ en, ja });
export type ParticipationKey = keyof En;
