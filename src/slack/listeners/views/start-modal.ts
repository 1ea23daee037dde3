import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import type { Lang } from "../../../core/i18n/lang.js";
import { pickDueDate } from "../../../core/walkthrough/index.js";
import {
  DUE_BLOCK,
  DUE_INPUT,
  INVITEES_BLOCK,
  INVITEES_INPUT,
  MAX_INVITEES,
  OWNER_BLOCK,
  OWNER_INPUT,
  TITLE_BLOCK,
  TITLE_INPUT,
  WHERE_BLOCK,
  WHERE_INPUT,
} from "../../blocks/start-modal.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { escapeText } from "../../escape.js";
import { givenLang } from "../../lang.js";
import { t } from "../../messages/start.js";
import { t as tm } from "../../messages.js";
import { decode, startModalMetadata } from "../../payloads.js";
import { plainText } from "../../plain-text.js";
import { slackCtx } from "../../walkthrough/ctx.js";
import { startWalkthrough } from "../../walkthrough/start.js";
import { tellPrivately } from "../../walkthrough/tell.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const userId = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);

/**
 * What the modal's inputs hold, as Slack sends them (absent or null when left empty); the due date
 * is read by core's pickDueDate.
 */
const submission = z.object({
  title: z.string().max(3000).nullish(),
  owner: userId.nullish(),
  invitees: z.array(userId).max(MAX_INVITEES).nullish(),
  where: z
    .string()
    .regex(/^[CGD][A-Z0-9]{2,30}$/)
    .nullish(),
});

/** A field's error as Slack shows it: plain text under the input. */
type FieldErrors = Record<string, string>;

/**
 * The start modal was submitted. Mistakes the user can fix (a due date in the past, no channel) are
 * shown on the field and keep the modal open; otherwise the modal closes at once and the
 * walkthrough starts where the modal says. Whatever goes wrong after that (the bot is not in the
 * channel, the database is down) is told to the user privately, in their language.
 */
export function startModalSubmit(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { ack, view, body, logger, context } = args;
    const user = body.user.id;
    const ctx = slackCtx(deps, args, context.teamId ?? body.team?.id ?? "");
    const meta = decode(startModalMetadata, view.private_metadata);
    const lang = givenLang(deps, meta?.lang);
    const refuse = (errors: FieldErrors) =>
      ack({
        response_action: "errors",
        errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, plainText(v)])),
      });
    if (!meta) {
      logger.warn(`decide_start_modal from ${user}: unreadable private_metadata`);
      await refuse({ [TITLE_BLOCK]: t(lang, "startBadForm") });
      return;
    }
    const values = view.state.values;
    const parsed = submission.safeParse({
      title: values[TITLE_BLOCK]?.[TITLE_INPUT]?.value,
      owner: values[OWNER_BLOCK]?.[OWNER_INPUT]?.selected_user,
      invitees: values[INVITEES_BLOCK]?.[INVITEES_INPUT]?.selected_users,
      where: values[WHERE_BLOCK]?.[WHERE_INPUT]?.selected_conversation,
    });
    const dueText = values[DUE_BLOCK]?.[DUE_INPUT]?.selected_date;
    const due = dueText == null ? null : pickDueDate(dueText, deps.now());
    // Not a real date is shown with the other fields' mistakes; a past one only once they are fixed.
    const dueInvalid = due?.ok === false && due.refused === "invalid";
    if (!parsed.success || dueInvalid) {
      await refuse({
        ...(parsed.success ? {} : fieldErrors(parsed.error, lang)),
        ...(dueInvalid ? { [DUE_BLOCK]: t(lang, "startDueInvalid") } : {}),
      });
      return;
    }
    const form = parsed.data;
    if (due?.ok === false) {
      await refuse({ [DUE_BLOCK]: t(lang, "startDuePast") });
      return;
    }
    const dueAt = due?.ok ? due.at : undefined;
    const channelId = meta.c ?? form.where ?? undefined;
    if (!channelId) {
      await refuse({ [WHERE_BLOCK]: t(lang, "startWhereMissing") });
      return;
    }
    await ack();

    // A channel picked in the modal may have a language of its own (`lang`); one the modal was
    // opened from already gave it.
    const channelLang = meta.c
      ? null
      : await deps.store.getChannelLang(ctx.teamId, channelId).catch(() => null);
    const wlang: Lang = channelLang ?? lang;
    const title = form.title?.trim() || tm(wlang, "wtDefaultTitle");
    const owner = form.owner ?? user;
    const invitees = [...new Set(form.invitees ?? [])];
    const where = { user, channel: channelId, threadTs: meta.t };
    try {
      const result = await startWalkthrough(ctx, {
        channelId,
        threadTs: meta.t,
        userId: user,
        title,
        lang: wlang,
        ...(meta.p ? { prefill: { answers: meta.p, by: meta.a ?? user } } : {}),
        plan: { owner, ...(invitees.length > 0 ? { invitees } : {}), ...(dueAt ? { dueAt } : {}) },
      });
      if (!result.ok) await tellPrivately(ctx, where, tm(wlang, "wtAlreadyRunning"));
    } catch (err) {
      logger.warn(`decide_start_modal in ${channelId} failed: ${describeError(err)}`);
      await tellPrivately(
        ctx,
        where,
        t(wlang, "startFailed", {
          title: escapeText(title),
          reason: userErrorMessage(err, wlang, ctx.botMention),
        }),
      );
    }
  };
}

/** Each invalid input's error, on its own block; anything else is a form we cannot read. */
function fieldErrors(error: z.ZodError, lang: Lang): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (field === "invitees")
      out[INVITEES_BLOCK] = t(lang, "startTooManyInvitees", { max: MAX_INVITEES });
    else if (field === "owner") out[OWNER_BLOCK] = t(lang, "startOwnerMissing");
    else if (field === "where") out[WHERE_BLOCK] = t(lang, "startWhereMissing");
    else out[TITLE_BLOCK] = t(lang, "startBadForm");
  }
  return out;
}
