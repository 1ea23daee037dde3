/**
 * The one source of "now". main.ts builds one clock and hands the same one to the app, the store and
 * the record, so every date a user sees agrees; tests pass a fixed clock and never depend on today.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The calendar date (UTC) of a moment, as YYYY-MM-DD. */
export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** True for a calendar date written YYYY-MM-DD that exists (2026-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && isoDate(at) === text;
}
