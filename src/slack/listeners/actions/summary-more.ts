import type { SlackDeps } from "../../deps.js";
import { decisionValue, decode } from "../../payloads.js";
import { actionValue } from "./common.js";
import { decisionClick } from "./summary-common.js";
import { openPostModal } from "./summary-post.js";
import { revisit } from "./summary-revisit.js";

/** The result card's overflow menu: each option's value says what it does (post or revisit). */
export function summaryMore(deps: SlackDeps) {
  return decisionClick(deps, "summary_more", async (clicked, args) => {
    const value = decode(decisionValue, actionValue(args.action));
    if (value?.a === "revisit") await revisit(clicked);
    else await openPostModal(clicked, args);
  });
}
