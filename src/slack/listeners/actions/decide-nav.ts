import type { SlackDeps } from "../../deps.js";
import { navValue } from "../../payloads.js";
import { walkthroughClick } from "./walkthrough-click.js";

export type NavKind = "back" | "skip" | "restart" | "jump" | "finish";

/** Back, Skip, Restart, "Go to question…" and Done on the walkthrough's question message. */
export function decideNav(deps: SlackDeps, kind: NavKind) {
  return walkthroughClick(deps, `decide ${kind}`, navValue, ({ q }, by) => {
    if (kind !== "jump") return { kind, question: q, by };
    return q === null ? null : { kind, question: q, by };
  });
}
