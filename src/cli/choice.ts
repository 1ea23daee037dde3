import type { NoMatch, PlatformChoice } from "../core/answer/index.js";
import type { Lang } from "../core/i18n/lang.js";
import { t } from "./messages.js";
import { wrap } from "./table.js";

/**
 * The decide command that starts from what a question already told: every prefilled answer as an
 * --answer, and --lang when the answer's language is not the terminal's.
 */
export function decideCommandLine(
  prefill: Record<string, string>,
  lang: Lang,
  terminalLang: Lang,
): string {
  const parts = ["ecs-vs-eks decide"];
  for (const [question, option] of Object.entries(prefill)) {
    parts.push(`--answer ${question}=${option}`);
  }
  if (lang !== terminalLang) parts.push(`--lang ${lang}`);
  return parts.join(" ");
}

/** The platform-choice answer for a terminal: thesis, the three questions, what is known, the way in. */
export function choiceText(model: PlatformChoice, terminalLang: Lang): string {
  const { lang } = model;
  const lines = [model.title, "", wrap(model.thesis)];
  model.stages.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${s.title}`);
  });
  if (model.known.length > 0) {
    lines.push("", model.knownTitle);
    for (const k of model.known) {
      const ids = t(lang, "paren", { text: `${k.questionId}=${k.optionId}` });
      lines.push(`  - ${k.topic}: ${k.answer}${ids}`);
    }
  }
  if (model.related.length > 0) {
    lines.push(
      "",
      wrap(
        `${model.relatedTitle} ${model.related.map((r) => `${r.title}${t(lang, "paren", { text: r.id })}`).join(t(lang, "listSeparator"))}`,
      ),
    );
  }
  lines.push(
    "",
    wrap(model.wayIn),
    `${t(lang, "startWith")}:`,
    `  ${decideCommandLine(model.prefill, lang, terminalLang)}`,
  );
  return lines.join("\n");
}

/** "Did you mean A or B?" for a terminal: both, each with the command that shows it. */
export function didYouMeanText(
  model: NoMatch & { didYouMean: NonNullable<NoMatch["didYouMean"]> },
) {
  const { lang } = model;
  return [
    wrap(model.message),
    "",
    `${t(lang, "showWith")}:`,
    ...model.didYouMean.map((c) => `  - ${c.title}: ecs-vs-eks ask ${c.id}`),
  ].join("\n");
}
