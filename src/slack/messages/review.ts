import { defineCatalog } from "../../core/i18n/catalog.js";

/**
 * The strings of a decision's review (issue 12): the alert when facts it relied on changed, the
 * revisit reminder, the card's line and the "Change revisit date" modal, in English and Japanese.
 * Parameters that carry data or user text arrive already escaped.
 */
const en = {
  factsTitle: "The facts this decision relied on have changed",
  factsMatrix: (p: { before: string; after: string }) => `Matrix ${p.before} → ${p.after}`,
  factsLog: "Change log",
  factsFallback: (p: { title: string }) => `The facts behind “${p.title}” have changed`,
  revisitButton: "Revisit",
  reminderTitle: (p: { date: string }) =>
    `Time to look at this decision again: its revisit date was ${p.date}`,
  reminderNoChange: "None of the facts it relied on have changed since.",
  reminderChanged: "Since then, these facts it relied on have changed:",
  reminderLog: "Changes logged since the decision for what it relied on:",
  reminderFallback: (p: { title: string }) => `Time to revisit “${p.title}”`,
  rcFactsChanged: "⚠ Facts changed since this decision",
  rcRevisitBy: (p: { date: string }) => `Revisit by ${p.date}`,
  menuRevisitDate: "Change revisit date",
  dateModalTitle: "Revisit date",
  dateModalSubmit: "Save",
  dateModalClose: "Cancel",
  dateModalIntro: (p: { title: string }) =>
    `When should the team look at “${p.title}” again? One reminder goes to its thread that day.`,
  dateModalLabel: "Revisit on",
  datePast: "Pick a date after today.",
  dateBad: "Pick a date from the calendar.",
  dateSaved: (p: { date: string }) =>
    `The revisit date is now ${p.date}. One reminder will go to the thread that day.`,
  dateNotLive: "This decision is no longer in force, so it has no revisit date.",
};

type En = typeof en;

const ja: En = {
  factsTitle: "この決定が前提としていた情報が変わりました",
  factsMatrix: (p) => `比較表 ${p.before} → ${p.after}`,
  factsLog: "変更履歴",
  factsFallback: (p) => `「${p.title}」の前提となる情報が変わりました`,
  revisitButton: "見直す",
  reminderTitle: (p) => `この決定を見直す時期です（見直し日: ${p.date}）`,
  reminderNoChange: "決定のあと、前提としていた情報に変更はありません。",
  reminderChanged: "決定のあと、前提としていた次の情報が変わりました。",
  reminderLog: "決定のあと、前提としていた機能について次の変更が記録されています。",
  reminderFallback: (p) => `「${p.title}」を見直す時期です`,
  rcFactsChanged: "⚠ 決定のあと前提の情報が変わりました",
  rcRevisitBy: (p) => `見直し日 ${p.date}`,
  menuRevisitDate: "見直し日を変更",
  dateModalTitle: "見直し日",
  dateModalSubmit: "保存",
  dateModalClose: "キャンセル",
  dateModalIntro: (p) =>
    `「${p.title}」をいつ見直しますか。その日にスレッドへリマインダーを 1 回送ります。`,
  dateModalLabel: "見直し日",
  datePast: "明日以降の日付を選んでください。",
  dateBad: "カレンダーから日付を選んでください。",
  dateSaved: (p) =>
    `見直し日を ${p.date} に変更しました。その日にスレッドへリマインダーを 1 回送ります。`,
  dateNotLive: "この決定はすでに有効ではないため、見直し日はありません。",
};

export const t = defineCatalog<En>({ en, ja });
