import { type ParseArgsConfig, parseArgs } from "node:util";
import { isLang, LANGS, type Lang } from "../core/i18n/lang.js";
import type { CliContext } from "./io.js";
import { t } from "./messages.js";
import { columns } from "./table.js";

/** A usage error: printed with what is valid, exit code 2. */
export class UsageError extends Error {}

export const FORMATS = ["text", "markdown", "json"] as const;
export type Format = (typeof FORMATS)[number];

/** The options every command takes, for node:util parseArgs. */
export const COMMON_OPTIONS = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export function pickLang(value: string | undefined, fallback: Lang): Lang {
  if (value === undefined) return fallback;
  if (isLang(value)) return value;
  throw new UsageError(
    t(fallback, "badChoice", { name: "--lang", value, valid: LANGS.join(", ") }),
  );
}

export function pickFormat<F extends Format>(
  value: string | undefined,
  lang: Lang,
  formats: readonly F[],
): F {
  const found = formats.find((f) => f === (value ?? "text"));
  if (!found)
    throw new UsageError(
      t(lang, "badChoice", { name: "--format", value: value ?? "", valid: formats.join(", ") }),
    );
  return found;
}

/** A command's --help: its synopsis, what it does, its options (and --lang, --help) and examples. */
export function commandHelp(
  lang: Lang,
  help: { synopsis: string; about: string; options: [string, string][]; examples: string[] },
): string {
  return [
    `${t(lang, "usageTitle")}:`,
    help.synopsis,
    "",
    help.about,
    "",
    `${t(lang, "optionsTitle")}:`,
    ...columns(
      [...help.options, ["--lang en|ja", t(lang, "optLang")], ["-h, --help", t(lang, "optHelp")]],
      "  ",
    ),
    "",
    `${t(lang, "examplesTitle")}:`,
    ...help.examples.map((example) => `  ${example}`),
  ].join("\n");
}

/**
 * A command's arguments, read with node:util parseArgs (strict: an unknown option is an error), with
 * --lang and --help. Under --help it prints the command's help (in the chosen language) and returns
 * undefined: the command then exits 0. Otherwise the values, positionals and the language to use.
 */
export function parseCommand<const O extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  ctx: CliContext,
  spec: { options: O; positionals?: boolean; help: (lang: Lang) => string },
) {
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON_OPTIONS, ...spec.options },
    allowPositionals: spec.positionals ?? false,
    strict: true,
  });
  // The options' types are known only to the caller; these two are always there.
  const common = values as { lang?: string; help?: boolean };
  const lang = pickLang(common.lang, ctx.lang);
  if (common.help) {
    ctx.io.stdout(spec.help(lang));
    return undefined;
  }
  return { values, positionals, lang };
}
