import type { StoredDecision } from "../../../store/index.js";
import type { SlackDeps } from "../../deps.js";
import { t } from "../../messages.js";
import { decisionValue, decode } from "../../payloads.js";
import { tellUser } from "../../walkthrough/service.js";
import { actionValue, type BlockActionArgs, type ClickPlace, threadClick } from "./common.js";

/** Reads the decision a summary button points at; tells the clicker politely when it is gone. */
export async function clickedDecision(
  args: BlockActionArgs,
  deps: SlackDeps,
): Promise<{ place: ClickPlace; decision: StoredDecision } | null> {
  const { place, ctx, where } = threadClick(args, deps);
  const value = decode(decisionValue, actionValue(args.action));
  if (!value) {
    if (place.channelId) await tellUser(ctx, where, t(deps.defaultLang, "wtOldButton"));
    return null;
  }
  const decision = await deps.store.getDecision(value.d);
  if (!decision || decision.teamId !== place.teamId) {
    if (place.channelId) await tellUser(ctx, where, t(deps.defaultLang, "wtStale"));
    return null;
  }
  return { place, decision };
}
