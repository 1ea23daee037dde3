import { renderMatrix } from "../../blocks/matrix.js";
import type { SlackDeps } from "../../deps.js";
import { describeError } from "../../errors.js";
import { t } from "../../messages.js";
import { decode, helpValue } from "../../payloads.js";
import { tellUser } from "../../walkthrough/service.js";
import { postEphemeral } from "../../web.js";
import { actionValue, type BlockActionArgs, clickPlace, slackCtx } from "./common.js";

/** "Show the matrix": the matrix, only for the clicker. */
export function helpMatrix(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, body, action, respond, logger, context } = args;
    await ack();
    const place = clickPlace(body, context.teamId);
    const value = decode(helpValue, actionValue(action));
    const lang = value?.lang ?? deps.defaultLang;
    if (!value) {
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: t(lang, "wtOldButton"),
      });
      return;
    }
    const message = renderMatrix(deps.matrix, lang, { command: deps.command });
    try {
      if (place.ephemeral || !place.channelId) {
        await respond({ response_type: "ephemeral", replace_original: false, ...message });
      } else {
        await postEphemeral(args.client, {
          channel: place.channelId,
          user: place.userId,
          ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
          ...message,
        });
      }
    } catch (err) {
      logger.warn(`help_matrix failed: ${describeError(err)}`);
      if (place.channelId) {
        const ctx = slackCtx(args, deps, place.teamId);
        await tellUser(
          ctx,
          { channel: place.channelId, user: place.userId, threadTs: place.threadTs },
          t(lang, "errGeneric"),
        );
      }
    }
  };
}
