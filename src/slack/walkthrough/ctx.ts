import type { Context, Logger } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { SlackDeps } from "../deps.js";
import { botMention } from "../escape.js";

/** What every walkthrough operation needs: the app's deps and the request's client and logger. */
export interface SlackCtx {
  deps: SlackDeps;
  client: WebClient;
  logger: Logger;
  teamId: string;
  /** The bot as a mention, e.g. <@U0BOT>. */
  botMention: string;
}

/** The context of one request, from what Bolt hands every listener. */
export function slackCtx(
  deps: SlackDeps,
  args: { client: WebClient; logger: Logger; context: Context },
  teamId: string,
): SlackCtx {
  const { client, logger, context } = args;
  return { deps, client, logger, teamId, botMention: botMention(context.botUserId) };
}
