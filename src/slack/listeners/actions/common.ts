import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { z } from "zod";
import type { Lang } from "../../../core/i18n/lang.js";
import type { SlackDeps } from "../../deps.js";
import { givenLang } from "../../lang.js";
import { decode } from "../../payloads.js";
import { type SlackCtx, slackCtx } from "../../walkthrough/ctx.js";
import type { Where } from "../../walkthrough/tell.js";

export type BlockActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Where a click happened: channel, thread, message, and whether that message was ephemeral. */
export interface ClickPlace {
  userId: string;
  teamId: string;
  channelId: string | undefined;
  /** The thread the clicked message is in (or the message itself when it is a root). */
  threadTs: string | undefined;
  /** The clicked message is itself a thread reply. */
  inThread: boolean;
  messageTs: string | undefined;
  ephemeral: boolean;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

export function clickPlace(body: BlockAction, contextTeamId: string | undefined): ClickPlace {
  const container = body.container ?? {};
  const messageThread = str(body.message?.thread_ts) ?? str(container.thread_ts);
  const messageTs = str(body.message?.ts) ?? str(container.message_ts);
  return {
    userId: body.user.id,
    teamId: contextTeamId ?? body.team?.id ?? body.user.team_id ?? "",
    channelId: str(body.channel?.id) ?? str(container.channel_id),
    threadTs: messageThread ?? messageTs,
    inThread: messageThread !== undefined && messageThread !== messageTs,
    messageTs,
    ephemeral: container.is_ephemeral === true,
  };
}

/** The value of the clicked button or the selected option of a select or overflow menu. */
export function actionValue(action: BlockAction["actions"][number]): string | undefined {
  if (action.type === "button") return action.value;
  if (action.type === "static_select") return action.selected_option?.value;
  if (action.type === "overflow") return action.selected_option?.value;
  return undefined;
}

/**
 * A click on a message of a thread (walkthrough, summary): where it happened, the request's
 * context, and where to tell the clicker something (an ephemeral in that thread).
 */
export interface ThreadClick {
  place: ClickPlace;
  ctx: SlackCtx;
  where: Where;
}

export function threadClick(args: BlockActionArgs, deps: SlackDeps): ThreadClick {
  const place = clickPlace(args.body, args.context.teamId);
  const ctx = slackCtx(deps, args, place.teamId);
  const where = { channel: place.channelId ?? "", user: place.userId, threadTs: place.threadTs };
  return { place, ctx, where };
}

/**
 * A click on a button whose value says which language to answer in (help, answer cards, history):
 * what threadClick gives, the value (null for an old or broken button) and that language (the
 * app's default when the value could not be read).
 */
export function langClick<S extends z.ZodType<{ lang: Lang }>>(
  args: BlockActionArgs,
  deps: SlackDeps,
  schema: S,
): ThreadClick & { value: z.infer<S> | null; lang: Lang } {
  const value = decode(schema, actionValue(args.action));
  return { ...threadClick(args, deps), value, lang: givenLang(deps, value?.lang) };
}

/** Tells the clicker only (through response_url), leaving the clicked message as it is. */
export async function respondPrivately(
  respond: BlockActionArgs["respond"],
  text: string,
): Promise<void> {
  await respond({ response_type: "ephemeral", replace_original: false, text });
}
