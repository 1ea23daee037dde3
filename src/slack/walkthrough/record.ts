import type { Decision } from "../../core/decision/index.js";
import type { Lang } from "../../core/i18n/lang.js";
import { renderRecord } from "../../core/record/index.js";
import type { Relied } from "../../core/review/index.js";
import type { SlackDeps } from "../deps.js";

/** The MADR decision record for a finished walkthrough (core renders; this maps Slack's facts). */
export function buildRecord(
  deps: SlackDeps,
  decision: Decision,
  meta: {
    title: string;
    date: Date;
    /** The people who took part, by name (plain text: the record is a file, not a Slack message). */
    participants: string[];
    threadLink: string | undefined;
    lang: Lang;
    /** The version this one supersedes (a revisit), e.g. 1. */
    supersedes?: number;
    /** What the decision relied on, when the caller worked it out already (reliedOn). */
    relied?: Relied;
  },
): string {
  return renderRecord(
    deps.walkthrough,
    deps.matrix,
    decision,
    {
      title: meta.title,
      date: meta.date,
      decisionMakers: meta.participants,
      consulted: [],
      ...(meta.supersedes !== undefined ? { supersedes: meta.supersedes } : {}),
      ...(meta.relied ? { relied: meta.relied } : {}),
      ...(meta.threadLink
        ? {
            links: [
              {
                label: meta.lang === "ja" ? "Slack のスレッド" : "Slack thread",
                url: meta.threadLink,
              },
            ],
          }
        : {}),
    },
    meta.lang,
  );
}
