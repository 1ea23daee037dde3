import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { StoredSession } from "../../../store/index.js";
import { type HomeWalkthrough, renderHome } from "../../blocks/home.js";
import type { SlackDeps } from "../../deps.js";
import { describeError } from "../../errors.js";
import { botMention } from "../../escape.js";
import { langOfLocale } from "../../users.js";
import { type SlackCtx, slackCtx } from "../../walkthrough/ctx.js";
import { permalink } from "../../walkthrough/permalink.js";
import { latestList } from "../../walkthrough/versions.js";

type Args = SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs;

/**
 * The Home tab: how to use the bot, the matrix, the latest decisions the user took part in. It
 * speaks the user's own language (their Slack locale from users.info): no channel setting applies
 * in App Home. Without a locale (users.info failed) it falls back to DEFAULT_LANG.
 */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client, context, logger, body }: Args): Promise<void> => {
    if (event.tab !== "home") return;
    const teamId = context.teamId ?? body.team_id;
    const ctx = slackCtx(deps, { client, logger, context }, teamId);
    const [user, decisions, active] = await Promise.all([
      deps.users.lookup(client, logger, event.user),
      deps.store
        .listDecisions({ teamId, participant: event.user, limit: 10 })
        // Each thread once, as its latest version.
        .then((listed) => latestList(deps.store, listed))
        .catch((err: unknown): Awaited<ReturnType<typeof latestList>> | null => {
          logger.warn(`Home tab: decisions unavailable: ${describeError(err)}`);
          return null;
        }),
      activeWalkthroughs(ctx, event.user),
    ]);
    const lang = langOfLocale(user.locale, deps.defaultLang);
    try {
      await client.views.publish({
        user_id: event.user,
        view: renderHome(deps.matrix, decisions?.decisions ?? null, lang, {
          command: deps.command,
          botMention: botMention(context.botUserId),
          active,
          ...(decisions ? { versions: decisions.versions } : {}),
        }),
      });
    } catch (err) {
      logger.error(`views.publish for ${event.user} failed: ${describeError(err)}`);
    }
  };
}

/**
 * The walkthroughs the user started that are still in progress, each with a link to its thread.
 * Only those they started: who answered lives inside each session's state, which the store cannot
 * query. Null when the store failed (the tab says so and shows the rest).
 */
async function activeWalkthroughs(ctx: SlackCtx, user: string): Promise<HomeWalkthrough[] | null> {
  let sessions: StoredSession[];
  try {
    sessions = await ctx.deps.store.listActiveSessions({
      teamId: ctx.teamId,
      startedBy: user,
      limit: 5,
    });
  } catch (err) {
    ctx.logger.warn(`Home tab: active walkthroughs unavailable: ${describeError(err)}`);
    return null;
  }
  return Promise.all(
    sessions.map(async (s) => {
      const threadLink = await permalink(ctx, s.channelId, s.threadTs);
      return {
        title: s.title,
        channelId: s.channelId,
        startedAt: s.createdAt,
        ...(threadLink ? { threadLink } : {}),
      };
    }),
  );
}
