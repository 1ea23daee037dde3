import type { Lang } from "../../../src/core/i18n/lang.js";

/**
 * The sentences of a decision record's body: front matter, headings and bold labels left out, each
 * line split at sentence ends. Used to check that no sentence is said twice and that every line is one.
 */
export function sentencesOf(md: string, lang: Lang): string[] {
  const body = md.replace(/^---\n[\s\S]*?\n---\n/, "");
  return body
    .split("\n")
    .map((line) => line.replace(/^\* /, "").trim())
    .filter((line) => line !== "" && !line.startsWith("#") && !/^\*\*.*\*\*$/.test(line))
    .flatMap((line) =>
      lang === "ja" ? line.split(/(?<=。)/) : line.split(/(?<=[.!?])\s+(?=[A-Z"“])/),
    )
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
