import type { z } from "zod";
import type { Lang } from "../../../core/i18n/lang.js";
import type { Click } from "../../../core/walkthrough/index.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { givenLang } from "../../lang.js";
import { t } from "../../messages.js";
import { decode } from "../../payloads.js";
import { handleClick } from "../../walkthrough/click.js";
import type { SlackCtx } from "../../walkthrough/ctx.js";
import { tellUser } from "../../walkthrough/tell.js";
import { actionValue, type BlockActionArgs, type ClickPlace, threadClick } from "./common.js";

/** A walkthrough button's value: the session it belongs to and the language it was drawn in. */
type SessionValue = z.ZodType<{ s: string; l?: Lang | undefined }>;

/**
 * The skeleton every button of a walkthrough's question message shares: ack, parse the value, then
 * `act` on it. An old or broken button (a value that does not parse, or `act` returns null: the
 * value cannot be used), and a failed store or Web API call, get a polite ephemeral reply.
 */
export function sessionButton<S extends SessionValue>(
  deps: SlackDeps,
  name: string,
  schema: S,
  act: (ctx: SlackCtx, value: z.infer<S>, place: ClickPlace) => Promise<void> | null,
) {
  return async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const { place, ctx, where } = threadClick(args, deps);
    const value = decode(schema, actionValue(args.action));
    const acting = value ? act(ctx, value, place) : null;
    if (!value || !acting) {
      if (place.channelId) await tellUser(ctx, where, t(givenLang(deps), "wtOldButton"));
      return;
    }
    try {
      await acting;
    } catch (err) {
      args.logger.error(`${name} failed: ${describeError(err)}`);
      const text = userErrorMessage(err, givenLang(deps, value.l), ctx.botMention);
      if (place.channelId) await tellUser(ctx, where, text);
    }
  };
}

/**
 * The listener every walkthrough button shares: core applies the click (handleClick saves,
 * redraws, or tells the clicker why not). `toClick` returns null for a value that cannot be a click
 * (a jump without a question).
 */
export function walkthroughClick<S extends SessionValue>(
  deps: SlackDeps,
  name: string,
  schema: S,
  toClick: (value: z.infer<S>, by: string) => Click | null,
) {
  return sessionButton(deps, name, schema, (ctx, value, place) => {
    const click = toClick(value, place.userId);
    return click
      ? handleClick(ctx, {
          sessionId: value.s,
          channelId: place.channelId,
          threadTs: place.threadTs,
          click,
        })
      : null;
  });
}
