import type { SlackDeps } from "../../deps.js";
import { remindValue } from "../../payloads.js";
import { remindInvitees } from "../../walkthrough/remind.js";
import { sessionButton } from "./walkthrough-click.js";

/** Remind on a walkthrough's question message: one thread reply to whoever has not answered yet. */
export function decideRemind(deps: SlackDeps) {
  return sessionButton(deps, "decide_remind", remindValue, (ctx, value, place) =>
    remindInvitees(ctx, {
      sessionId: value.s,
      lang: value.l,
      channelId: place.channelId,
      threadTs: place.threadTs,
      by: place.userId,
    }),
  );
}
