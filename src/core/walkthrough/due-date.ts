import { isCalendarDate } from "../clock.js";

/**
 * A due date a person picked for a walkthrough (YYYY-MM-DD from a date picker), as the moment it
 * ends (23:59 UTC that day): today is allowed until then; refused as a value when it is not a real
 * date, or when that moment has passed.
 */
export type DuePick = { ok: true; at: Date } | { ok: false; refused: "invalid" | "past" };

export function pickDueDate(value: string, now: Date): DuePick {
  if (!isCalendarDate(value)) return { ok: false, refused: "invalid" };
  const at = new Date(`${value}T23:59:00Z`);
  if (at.getTime() < now.getTime()) return { ok: false, refused: "past" };
  return { ok: true, at };
}
