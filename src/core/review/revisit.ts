import { isCalendarDate, isoDate } from "../clock.js";

/** A decision is looked at again this many months after it was made, unless the team moves it. */
export const REVISIT_MONTHS = 12;

/** The default revisit date: REVISIT_MONTHS after `now` (the end of a shorter month when needed). */
export function defaultRevisitAt(now: Date, months = REVISIT_MONTHS): Date {
  const at = new Date(now.getTime());
  const day = at.getUTCDate();
  at.setUTCDate(1);
  at.setUTCMonth(at.getUTCMonth() + months);
  const last = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(day, last));
  return at;
}

/**
 * A revisit date a person picked (YYYY-MM-DD from a date picker), as the moment the reminder is due
 * (09:00 UTC that day); refused as a value: not a date, or not after today.
 */
export type RevisitPick =
  | { ok: true; at: Date }
  | { ok: false; refused: "bad-date" | "past"; value: string };

export function pickRevisitDate(value: string | null | undefined, now: Date): RevisitPick {
  const text = value ?? "";
  if (!isCalendarDate(text)) return { ok: false, refused: "bad-date", value: text };
  if (text <= isoDate(now)) return { ok: false, refused: "past", value: text };
  return { ok: true, at: new Date(`${text}T09:00:00Z`) };
}
