import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { StoredDecision } from "../../../store/index.js";
import { renderHome } from "../../blocks/home.js";
import type { SlackDeps } from "../../deps.js";
import { describeError } from "../../errors.js";
import { botMention } from "../../escape.js";
import { givenLang } from "../../lang.js";

type Args = SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs;

/** The Home tab: how to use the bot, the matrix, the latest decisions the user took part in. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client, context, logger, body }: Args): Promise<void> => {
    if (event.tab !== "home") return;
    const teamId = context.teamId ?? body.team_id;
    let decisions: StoredDecision[] | null;
    try {
      decisions = await deps.store.listDecisions({ teamId, participant: event.user, limit: 10 });
    } catch (err) {
      logger.warn(`Home tab: decisions unavailable: ${describeError(err)}`);
      decisions = null;
    }
    try {
      await client.views.publish({
        user_id: event.user,
        view: renderHome(deps.matrix, decisions, givenLang(deps), {
          command: deps.command,
          botMention: botMention(context.botUserId),
        }),
      });
    } catch (err) {
      logger.error(`views.publish for ${event.user} failed: ${describeError(err)}`);
    }
  };
}
