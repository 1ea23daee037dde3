import type { SlackDeps } from "../../deps.js";
import { decisionClick } from "./summary-common.js";
import { openPostModal } from "./summary-post.js";
import { revisit } from "./summary-revisit.js";
import { openRevisitDateModal } from "./summary-revisit-date.js";

/**
 * The result card's overflow menu: each option's value says what it does. Dispatched by that value,
 * so a new option never falls through to another one's action; an option this version does not know
 * (a value without `a`) opens Post to…, as the only option of the oldest menus did.
 */
export function summaryMore(deps: SlackDeps) {
  return decisionClick(deps, "summary_more", async (clicked, args) => {
    switch (clicked.value.a) {
      case "revisit":
        return revisit(clicked);
      case "date":
        return openRevisitDateModal(clicked, args);
      case "post":
      case undefined:
        return openPostModal(clicked, args);
      default:
        // accept / reject are buttons of their own, never menu options.
        return;
    }
  });
}
