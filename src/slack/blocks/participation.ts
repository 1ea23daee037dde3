import type { KnownBlock } from "@slack/types";
import type { Lang } from "../../core/i18n/lang.js";
import {
  answeredBy,
  type SessionState,
  skippedCount,
  type WalkthroughDef,
  waitingOn,
} from "../../core/walkthrough/index.js";
import { mentionUser } from "../escape.js";
import { t } from "../messages/participation.js";
import { encode } from "../payloads.js";
import { listSeparator } from "./emphasis.js";
import { button, section } from "./limits.js";

export const REMIND_ACTION = "decide_remind";

/**
 * Mentions joined for the reader's language. On the question message the list is capped ("and 3
 * more") so a long invite list cannot push a block past Slack's limits; a reminder passes no cap,
 * since everyone it names must be notified.
 */
export function joinMentions(lang: Lang, users: readonly string[], max = Infinity): string {
  const shown = users.slice(0, max).map(mentionUser);
  const rest = users.length - shown.length;
  if (rest > 0) shown.push(t(lang, "moreUsers", { count: rest }));
  return shown.join(listSeparator(lang));
}

const LIST_CAP = 20;

/**
 * Lines for the question message's progress context: how many questions are skipped (when any) and
 * who gave the answers so far, each with how many (the "Answers so far" list below says which).
 */
export function participationNotes(def: WalkthroughDef, state: SessionState, lang: Lang): string[] {
  const notes: string[] = [];
  const skipped = skippedCount(def, state);
  if (skipped > 0) notes.push(t(lang, "skippedCount", { count: skipped }));
  const credits = answeredBy(def, state);
  if (credits.length > 0) {
    const shown = credits
      .slice(0, LIST_CAP)
      .map((c) =>
        t(lang, "answeredByUser", { user: mentionUser(c.user), count: c.questions.length }),
      );
    if (credits.length > LIST_CAP) {
      shown.push(t(lang, "moreUsers", { count: credits.length - LIST_CAP }));
    }
    notes.push(t(lang, "answeredByList", { users: shown.join(listSeparator(lang)) }));
  }
  return notes;
}

/**
 * "Waiting on: @a, @b" with a Remind button, while someone invited has not answered anything; none
 * when nobody was invited or everyone invited has answered. Mentions in an edited message do not
 * notify anyone: Remind posts a reply that does.
 */
export function waitingBlocks(
  def: WalkthroughDef,
  session: { id: string; lang: Lang; invitees?: readonly string[] | undefined },
  state: SessionState,
): KnownBlock[] {
  const { lang } = session;
  const waiting = waitingOn(def, state, session.invitees);
  if (waiting.length === 0) return [];
  const remind = button({
    actionId: REMIND_ACTION,
    text: t(lang, "remindButton"),
    value: encode({ k: "remind", s: session.id, l: lang }),
  });
  return [section(t(lang, "waitingOn", { users: joinMentions(lang, waiting, LIST_CAP) }), remind)];
}
