export * from "./labels.js";
export * from "./load.js";
export * from "./schema.js";

export const DEFAULT_MAX_AGE_DAYS = 180;
const DAY_MS = 86_400_000;

/** Days since the entry's facts were checked. */
export function ageInDays(verified: string, now: Date = new Date()): number {
  return Math.floor((now.getTime() - Date.parse(`${verified}T00:00:00Z`)) / DAY_MS);
}

export function isStale(
  verified: string,
  now: Date = new Date(),
  maxAgeDays = DEFAULT_MAX_AGE_DAYS,
): boolean {
  return ageInDays(verified, now) > maxAgeDays;
}
