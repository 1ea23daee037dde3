import { isoDate } from "../clock.js";

/** A title as a file-name part: letters and digits of any script kept, the rest one hyphen. */
export function slug(title: string, max = 60): string {
  return title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/**
 * The decision record's file name: the decision's date, its title and the first 8 characters of its
 * id, e.g. `2026-11-28-payments-platform-1f3a9c02.md` or `2026-11-28-決済基盤-1f3a9c02.md`. The id
 * part keeps two decisions of one day with the same title (a revisit) from sharing a name; a title
 * with nothing usable leaves the id alone.
 */
export function recordFileName(decision: { title: string; createdAt: Date; id: string }): string {
  const id = slug(decision.id, 8) || "decision";
  const name = slug(decision.title);
  return `${isoDate(decision.createdAt)}-${name ? `${name}-${id}` : `decision-${id}`}.md`;
}
