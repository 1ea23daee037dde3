import { refusal } from "../../../core/access.js";
import type { StoredDecision } from "../../../store/index.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { givenLang } from "../../lang.js";
import { t } from "../../messages.js";
import { type DecisionValue, decisionValue, decode } from "../../payloads.js";
import { tellUser } from "../../walkthrough/tell.js";
import { actionValue, type BlockActionArgs, type ThreadClick, threadClick } from "./common.js";

/** A click on a summary button: where, the decision it points at, and the button's value. */
export type DecisionClick = ThreadClick & { decision: StoredDecision; value: DecisionValue };

/**
 * The listener every summary button shares: ack, read the decision the button points at (an old
 * button or a decision of another workspace is answered politely), act on it. A failure is logged
 * and told to the clicker, in the decision's language once it is known.
 */
export function decisionClick(
  deps: SlackDeps,
  name: string,
  act: (clicked: DecisionClick, args: BlockActionArgs) => Promise<void>,
) {
  return async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const clicked = threadClick(args, deps);
    const { place, ctx, where } = clicked;
    let lang = givenLang(deps);
    try {
      const value = decode(decisionValue, actionValue(args.action));
      const decision = value ? await deps.store.getDecision(value.d) : null;
      if (!value || !decision) {
        if (place.channelId) await tellUser(ctx, where, t(lang, value ? "wtStale" : "wtOldButton"));
        return;
      }
      if (refusal(place, decision)) {
        if (place.channelId) await tellUser(ctx, where, t(lang, "accessElsewhere"));
        return;
      }
      lang = decision.lang;
      await act({ ...clicked, decision, value }, args);
    } catch (err) {
      args.logger.warn(`${name} failed: ${describeError(err)}`);
      if (place.channelId) await tellUser(ctx, where, userErrorMessage(err, lang, ctx.botMention));
    }
  };
}
