import type { Lang } from "../../core/i18n/lang.js";
import type {
  Applied,
  Click,
  NotApplied,
  SessionState,
  WalkthroughDef,
} from "../../core/walkthrough/index.js";
import { escapeText, mentionUser } from "../escape.js";
import { t } from "../messages.js";

function optionLabel(def: WalkthroughDef, lang: Lang, question: string, option: string): string {
  const label = def.byId.get(question)?.options.find((o) => o.id === option)?.label[lang];
  return escapeText(label ?? option);
}

function topic(def: WalkthroughDef, lang: Lang, question: string | null): string {
  return escapeText((question && def.byId.get(question)?.topic[lang]) ?? question ?? "");
}

/** The line the question message shows about a click everyone sees: who did what. */
export function appliedNotice(
  def: WalkthroughDef,
  lang: Lang,
  click: Click,
  outcome: Applied,
): string | undefined {
  const user = mentionUser(click.by);
  switch (click.kind) {
    case "option": {
      const option = optionLabel(def, lang, click.question, click.option);
      const before = outcome.replaced;
      if (!before) {
        return t(lang, "wtAnswered", { user, question: topic(def, lang, click.question), option });
      }
      return t(lang, "wtReplaced", {
        user,
        option,
        prevOption: optionLabel(def, lang, click.question, before.option),
        prevUser: before.by ? mentionUser(before.by) : t(lang, "wtSomeone"),
      });
    }
    case "skip":
      return t(lang, "wtSkippedBy", { user, question: topic(def, lang, click.question) });
    case "back":
      return t(lang, "wtBackBy", { user });
    case "restart":
      return t(lang, "wtRestartedBy", { user });
    default:
      return undefined;
  }
}

/** The notice line of the last change saved in the state, to redraw the message as it was meant. */
export function lastNotice(
  def: WalkthroughDef,
  lang: Lang,
  state: SessionState,
): string | undefined {
  const last = state.last;
  if (!last) return undefined;
  const option = last.question ? state.answers[last.question]?.option : undefined;
  const click: Click =
    last.kind === "option"
      ? { kind: "option", question: last.question ?? "", option: option ?? "", by: last.by }
      : last.kind === "jump"
        ? { kind: "jump", question: last.question ?? "", by: last.by }
        : { kind: last.kind, question: last.question, by: last.by };
  if (click.kind === "option" && !option) return undefined;
  return appliedNotice(def, lang, click, { kind: "applied", state, finished: false });
}

/**
 * What the clicker alone is told when a click did not apply; undefined for a duplicate, which
 * already did what it asked. "Someone else" is said only when it was someone else.
 */
export function notAppliedText(
  def: WalkthroughDef,
  lang: Lang,
  click: Click,
  outcome: NotApplied,
): string | undefined {
  switch (outcome.kind) {
    case "duplicate":
      return undefined;
    case "stale":
      if (outcome.theirs?.by && click.question) {
        const option = optionLabel(def, lang, click.question, outcome.theirs.option);
        return t(lang, "wtConflict", { user: mentionUser(outcome.theirs.by), option });
      }
      return t(lang, outcome.movedBy === "someone-else" ? "wtConflictGeneric" : "wtMovedOn");
    case "refused":
      if (outcome.code === "nothing-to-go-back-to") return t(lang, "wtNothingToGoBack");
      if (outcome.code === "questions-open") return t(lang, "wtQuestionsOpen");
      return t(lang, "wtStale");
  }
}
