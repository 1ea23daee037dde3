import { recordFileName } from "../../../core/record/index.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { escapeText, mentionUser } from "../../escape.js";
import { t } from "../../messages.js";
import { tellUser } from "../../walkthrough/service.js";
import { type BlockActionArgs, slackCtx } from "./common.js";
import { clickedDecision } from "./summary-common.js";

/** "Decision record": the MADR Markdown uploaded as a file in the decision's thread. */
export function summaryRecord(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, logger } = args;
    await ack();
    const clicked = await clickedDecision(args, deps).catch((err: unknown) => {
      logger.error(`summary_record failed: ${describeError(err)}`);
      return null;
    });
    if (!clicked) return;
    const { place, decision } = clicked;
    const ctx = slackCtx(args, deps, place.teamId);
    try {
      await args.client.filesUploadV2({
        channel_id: decision.channelId,
        thread_ts: decision.threadTs,
        filename: recordFileName(decision),
        title: escapeText(decision.title),
        content: decision.recordMarkdown,
        snippet_type: "markdown",
        initial_comment: t(decision.lang, "sumRecordComment", { user: mentionUser(place.userId) }),
      });
    } catch (err) {
      logger.warn(`Uploading the decision record failed: ${describeError(err)}`);
      await tellUser(
        ctx,
        {
          channel: place.channelId ?? decision.channelId,
          user: place.userId,
          threadTs: decision.threadTs,
        },
        userErrorMessage(err, decision.lang, ctx.botMention),
      );
    }
  };
}
