import type { Lang } from "./lang.js";

/** A message: fixed text, or a function of its parameters. */
export type Message<P = never> = [P] extends [never] ? string : (params: P) => string;

/**
 * A catalog of user-facing strings. The Japanese side must have exactly the keys and parameter
 * shapes of the English side, so a string that exists in only one language does not compile.
 */
// biome-ignore lint/suspicious/noExplicitAny: message parameter types are inferred per key
export type Catalog = Record<string, string | ((params: any) => string)>;

/**
 * The lookup function of a catalog. It carries the catalog itself (`t.catalogs`) so that a test can
 * walk every string of every language, e.g. test/core/i18n/japanese-style.test.ts.
 */
export function defineCatalog<C extends Catalog>(catalogs: { en: C; ja: NoInfer<C> }) {
  function t<K extends keyof C>(
    lang: Lang,
    key: K,
    ...params: C[K] extends (p: infer P) => string ? [P] : []
  ): string {
    const msg = catalogs[lang][key];
    if (typeof msg === "function") return msg(params[0]);
    return msg as string;
  }
  return Object.assign(t, { catalogs: catalogs as { readonly en: C; readonly ja: C } });
}
