import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { mayShareTo, refusal } from "../../../core/access.js";
import { CHANNEL_ACTION, CHANNEL_BLOCK } from "../../blocks/modal.js";
import { ACK_BUDGET_MS, withinBudget } from "../../budget.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, slackErrorCode, userErrorMessage } from "../../errors.js";
import { mentionChannel } from "../../escape.js";
import { givenLang } from "../../lang.js";
import { t } from "../../messages.js";
import { decode, postModalMetadata } from "../../payloads.js";
import { PLAIN_BOT_NAME, plainText } from "../../plain-text.js";
import { slackCtx } from "../../walkthrough/ctx.js";
import { decisionCard, rememberCopy } from "../../walkthrough/decision-copies.js";
import { permalink } from "../../walkthrough/permalink.js";
import { storedDecision } from "../../walkthrough/stored-decision.js";
import { tellUser } from "../../walkthrough/tell.js";
import { cardVersion } from "../../walkthrough/versions.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The "Post to…" modal was submitted: the result card goes to the chosen channel with a link back
 * to the thread. A channel the bot cannot post to is reported on the picker itself.
 */
export function postToChannel(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { ack, view, body, client, logger, context } = args;
    const meta = decode(postModalMetadata, view.private_metadata);
    const userId = body.user.id;
    const ctx = slackCtx(deps, args, context.teamId ?? body.team?.id ?? "");
    const { botMention } = ctx;
    const selected = view.state.values[CHANNEL_BLOCK]?.[CHANNEL_ACTION]?.selected_conversation;
    const lang = givenLang(deps);
    if (!meta) {
      await ack({
        response_action: "errors",
        errors: { [CHANNEL_BLOCK]: plainText(t(lang, "wtOldButton")) },
      });
      return;
    }
    const decision = await deps.store.getDecision(meta.d).catch(() => null);
    const core = decision ? storedDecision(decision) : null;
    if (!decision || !core || decision.teamId !== ctx.teamId || !selected) {
      await ack({
        response_action: "errors",
        errors: { [CHANNEL_BLOCK]: plainText(t(givenLang(deps, decision?.lang), "wtStale")) },
      });
      return;
    }
    const dlang = decision.lang;
    // The modal was opened from the decision's own thread (meta.c), and a private channel's
    // decision stays in that channel.
    const refused = refusal({ teamId: ctx.teamId, channelId: meta.c }, decision)
      ? "accessElsewhere"
      : mayShareTo(decision, selected)
        ? null
        : "accessPrivateShare";
    if (refused) {
      await ack({
        response_action: "errors",
        errors: { [CHANNEL_BLOCK]: plainText(t(dlang, refused)) },
      });
      return;
    }
    const post = (async () => {
      const threadLink =
        decision.threadLink ?? (await permalink(ctx, decision.channelId, decision.threadTs));
      const version = await cardVersion(ctx, decision);
      // The compact card, without mentions: the people who took part were told in the thread.
      const card = decisionCard(
        deps,
        { ...decision, ...(threadLink ? { threadLink } : {}) },
        false,
        version,
      );
      if (!card) throw new Error(`Decision ${decision.id} has a summary that cannot be read`);
      const posted = await client.chat.postMessage({ channel: selected, ...card });
      // Remembered so a status change redraws this copy too.
      if (posted.ts) {
        await rememberCopy(ctx, decision.id, {
          channel: posted.channel ?? selected,
          ts: posted.ts,
        });
      }
    })();
    const outcome = await withinBudget(
      post.then(
        () => null,
        (err: unknown) => err,
      ),
      ACK_BUDGET_MS,
    );
    const confirm = () =>
      tellUser(
        ctx,
        { channel: meta.c, user: userId, threadTs: meta.t },
        t(dlang, "sumPosted", { channel: mentionChannel(selected) }),
      );
    if (outcome.inTime) {
      const err = outcome.value;
      if (err === null) {
        await ack();
        await confirm();
        return;
      }
      logger.warn(`Posting the summary to ${selected} failed: ${describeError(err)}`);
      if (slackErrorCode(err)) {
        await ack({
          response_action: "errors",
          // An input's error is plain text: no mrkdwn, no <@U…> markup.
          errors: { [CHANNEL_BLOCK]: plainText(userErrorMessage(err, dlang, PLAIN_BOT_NAME)) },
        });
      } else {
        await ack();
        await tellUser(
          ctx,
          { channel: meta.c, user: userId, threadTs: meta.t },
          userErrorMessage(err, dlang, botMention),
        );
      }
      return;
    }
    await ack();
    const err = await outcome.later;
    if (err === null) await confirm();
    else
      await tellUser(
        ctx,
        { channel: meta.c, user: userId, threadTs: meta.t },
        userErrorMessage(err, dlang, botMention),
      );
  };
}
