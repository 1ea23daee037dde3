import type { z } from "zod";
import type { Lang } from "../../../core/i18n/lang.js";
import type { Click } from "../../../core/walkthrough/index.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { givenLang } from "../../lang.js";
import { t } from "../../messages.js";
import { decode } from "../../payloads.js";
import { handleClick } from "../../walkthrough/click.js";
import { tellUser } from "../../walkthrough/tell.js";
import { actionValue, type BlockActionArgs, threadClick } from "./common.js";

/** A walkthrough button's value: the session it belongs to and the language it was drawn in. */
type ClickValue = z.ZodType<{ s: string; l?: Lang | undefined }>;

/**
 * The listener every walkthrough button shares: ack, parse the value, let core apply the click
 * (handleClick saves, redraws, or tells the clicker why not). An old or broken button, and a failed
 * store or Web API call, get a polite ephemeral reply. `toClick` returns null for a value that
 * cannot be a click (a jump without a question).
 */
export function walkthroughClick<S extends ClickValue>(
  deps: SlackDeps,
  name: string,
  schema: S,
  toClick: (value: z.infer<S>, by: string) => Click | null,
) {
  return async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const { place, ctx, where } = threadClick(args, deps);
    const value = decode(schema, actionValue(args.action));
    const click = value ? toClick(value, place.userId) : null;
    if (!value || !click) {
      if (place.channelId) await tellUser(ctx, where, t(givenLang(deps), "wtOldButton"));
      return;
    }
    try {
      await handleClick(ctx, {
        sessionId: value.s,
        channelId: place.channelId,
        threadTs: place.threadTs,
        click,
      });
    } catch (err) {
      args.logger.error(`${name} failed: ${describeError(err)}`);
      const text = userErrorMessage(err, givenLang(deps, value.l), ctx.botMention);
      if (place.channelId) await tellUser(ctx, where, text);
    }
  };
}
