import type { Lang } from "../../core/i18n/lang.js";

/**
 * mrkdwn italics, in English only: slanted Japanese reads badly (and Slack has no italic CJK face),
 * so Japanese text is left upright. `text` is mrkdwn, already escaped.
 */
export function italic(lang: Lang, text: string): string {
  return lang === "ja" ? text : `_${text}_`;
}

/** A list separator that suits the language: ", " or 「、」. */
export function listSeparator(lang: Lang): string {
  return lang === "ja" ? "、" : ", ";
}
