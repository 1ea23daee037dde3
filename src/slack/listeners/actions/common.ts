import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import type { SlackCtx } from "../../walkthrough/service.js";

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

/** The value of the clicked button or the selected option of a select. */
export function actionValue(action: BlockAction["actions"][number]): string | undefined {
  if (action.type === "button") return action.value;
  if (action.type === "static_select") return action.selected_option?.value;
  return undefined;
}

export function slackCtx(args: BlockActionArgs, deps: SlackDeps, teamId: string): SlackCtx {
  const botMention = args.context.botUserId ? `<@${args.context.botUserId}>` : "@ecs-vs-eks";
  return { deps, client: args.client, logger: args.logger, teamId, botMention };
}
