import { z } from "zod";

export const LANGS = ["en", "ja"] as const;
export type Lang = (typeof LANGS)[number];
export const langSchema = z.enum(LANGS);

/** A piece of prose in every language the bot speaks. */
export const localizedSchema = z.object({
  en: z.string().trim().min(1),
  ja: z.string().trim().min(1),
});
export type Localized = z.infer<typeof localizedSchema>;

// Hiragana, katakana (incl. half-width), CJK ideographs, Japanese punctuation.
const JAPANESE = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f\u3000-\u303f]/;

/** The language a piece of user text is written in, if it says so: any Japanese script means Japanese. */
export function detectLang(text: string): Lang | undefined {
  if (JAPANESE.test(text)) return "ja";
  if (/[a-z]/i.test(text)) return "en";
  return undefined;
}

export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "ja";
}

/**
 * The language to answer in, most specific first: what was chosen explicitly (a language option,
 * the language a button or walkthrough was made in), the channel's setting, the language the
 * user's text is written in, the default.
 */
export function chooseLang(sources: {
  explicit?: Lang | null | undefined;
  channel?: Lang | null | undefined;
  text?: string | undefined;
  fallback: Lang;
}): Lang {
  const { explicit, channel, text, fallback } = sources;
  return explicit ?? channel ?? (text ? detectLang(text) : undefined) ?? fallback;
}
