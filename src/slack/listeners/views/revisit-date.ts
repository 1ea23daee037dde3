import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import { refusal } from "../../../core/access.js";
import { isoDate } from "../../../core/clock.js";
import { isInForce } from "../../../core/decision/index.js";
import { pickRevisitDate } from "../../../core/review/index.js";
import { DATE_ACTION, DATE_BLOCK } from "../../blocks/review.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { givenLang } from "../../lang.js";
import { t } from "../../messages/review.js";
import { t as common } from "../../messages.js";
import { decode, revisitModalMetadata } from "../../payloads.js";
import { PLAIN_BOT_NAME, plainText } from "../../plain-text.js";
import { slackCtx } from "../../walkthrough/ctx.js";
import { refreshCopies } from "../../walkthrough/decision-copies.js";
import { tellUser } from "../../walkthrough/tell.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The part of the submitted view this modal reads: the date picker's value, if any. */
const submission = z.object({
  [DATE_BLOCK]: z.object({
    [DATE_ACTION]: z.object({ selected_date: z.string().max(20).nullish() }),
  }),
});

/**
 * "Change revisit date" was submitted: a date after today becomes the decision's revisit date (the
 * reminder's schedule keys on it, so moving the date gives one new reminder and drops the old one);
 * anything else is refused on the picker itself, in plain text.
 */
export function revisitDateSubmit(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { ack, view, body, logger, context } = args;
    const refuse = (text: string) =>
      ack({ response_action: "errors", errors: { [DATE_BLOCK]: plainText(text) } });
    const meta = decode(revisitModalMetadata, view.private_metadata);
    const teamId = context.teamId ?? body.team?.id ?? "";
    if (!meta) {
      await refuse(common(givenLang(deps), "wtOldButton"));
      return;
    }
    const decision = await deps.store.getDecision(meta.d).catch((err: unknown) => {
      logger.warn(`Could not read decision ${meta.d}: ${describeError(err)}`);
      return null;
    });
    if (!decision || decision.teamId !== teamId) {
      await refuse(common(givenLang(deps), "wtStale"));
      return;
    }
    const lang = decision.lang;
    if (refusal({ teamId, channelId: meta.c }, decision)) {
      await refuse(common(lang, "accessElsewhere"));
      return;
    }
    if (!isInForce(decision.status)) {
      await refuse(t(lang, "dateNotLive"));
      return;
    }
    const values = submission.safeParse(view.state.values);
    const picked = pickRevisitDate(
      values.success ? values.data[DATE_BLOCK][DATE_ACTION].selected_date : null,
      deps.now(),
    );
    if (!picked.ok) {
      await refuse(t(lang, picked.refused === "past" ? "datePast" : "dateBad"));
      return;
    }
    let updated: typeof decision | null;
    try {
      updated = await deps.store.updateDecisionReview(decision.id, { revisitAt: picked.at });
    } catch (err) {
      logger.warn(`Could not save the revisit date of ${decision.id}: ${describeError(err)}`);
      await refuse(userErrorMessage(err, lang, PLAIN_BOT_NAME));
      return;
    }
    await ack();
    const ctx = slackCtx(deps, args, teamId);
    await tellUser(
      ctx,
      { channel: meta.c, user: body.user.id, threadTs: meta.t },
      t(lang, "dateSaved", { date: isoDate(picked.at) }),
    );
    // Every copy of the card shows the new date.
    if (updated) await refreshCopies(ctx, updated);
  };
}
