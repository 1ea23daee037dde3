import type { SlackDeps } from "../../deps.js";
import { optionValue } from "../../payloads.js";
import { walkthroughClick } from "./walkthrough-click.js";

/** An option of the current walkthrough question. */
export function decideOption(deps: SlackDeps) {
  return walkthroughClick(deps, "decide_answer", optionValue, (value, by) => ({
    kind: "option",
    question: value.q,
    option: value.o,
    by,
  }));
}
