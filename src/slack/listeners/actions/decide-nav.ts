import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { t } from "../../messages.js";
import { decode, navValue } from "../../payloads.js";
import { applyTransition, type Transition, tellUser } from "../../walkthrough/service.js";
import { actionValue, type BlockActionArgs, threadClick } from "./common.js";

export type NavKind = "back" | "skip" | "restart" | "jump" | "finish";

/** Back, Skip, Restart, "Go to question…" and Done on the walkthrough's question message. */
export function decideNav(deps: SlackDeps, kind: NavKind) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, action, logger } = args;
    await ack();
    const { place, ctx, where } = threadClick(args, deps);
    const value = decode(navValue, actionValue(action));
    if (!value || (kind === "jump" && value.q === null)) {
      if (place.channelId) await tellUser(ctx, where, t(deps.defaultLang, "wtOldButton"));
      return;
    }
    const transition: Transition =
      kind === "jump" ? { kind, question: value.q ?? "" } : { kind, question: value.q };
    try {
      await applyTransition(ctx, {
        sessionId: value.s,
        userId: place.userId,
        channelId: place.channelId,
        transition,
      });
    } catch (err) {
      logger.error(`decide ${kind} failed: ${describeError(err)}`);
      if (place.channelId)
        await tellUser(
          ctx,
          where,
          userErrorMessage(err, value.l ?? deps.defaultLang, ctx.botMention),
        );
    }
  };
}
