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
 * The decision record's file name: the decision's date, then its title, e.g.
 * `2026-11-28-payments-platform.md` or `2026-11-28-決済基盤.md`. A title with nothing usable falls
 * back to the decision's id, so two records of one day never share a name.
 */
export function recordFileName(decision: { title: string; createdAt: Date; id: string }): string {
  const name = slug(decision.title) || `decision-${slug(decision.id, 12)}`;
  return `${isoDate(decision.createdAt)}-${name}.md`;
}
