import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { queryChanges } from "../../../core/changes/index.js";
import { isLang, type Lang } from "../../../core/i18n/lang.js";
import { renderAnswer } from "../../blocks/answer.js";
import { renderChangeQuery } from "../../blocks/changes.js";
import { renderHelp } from "../../blocks/help.js";
import { renderHistory } from "../../blocks/history.js";
import { renderMatrix } from "../../blocks/matrix.js";
import type { RenderedMessage } from "../../blocks/message.js";
import { ACK_BUDGET_MS, withinBudget } from "../../budget.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { parseIntent } from "../../intents.js";
import { givenLang, resolveLang } from "../../lang.js";
import { t } from "../../messages.js";
import { slackCtx } from "../../walkthrough/ctx.js";
import { startWalkthrough } from "../../walkthrough/start.js";
import { latestList } from "../../walkthrough/versions.js";

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

function ephemeral(message: RenderedMessage | { text: string }) {
  const blocks = "blocks" in message && message.blocks.length > 0 ? { blocks: message.blocks } : {};
  return { response_type: "ephemeral" as const, text: message.text, ...blocks };
}

/**
 * /ecs-vs-eks: help, matrix, changes, decide, history, lang, or a question. Answers that are ready at once are
 * sent in the ack() body itself (ephemeral), well within Slack's 3 seconds.
 */
export function ecsVsEksCommand(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { ack, command, respond, logger } = args;
    const intent = parseIntent(command.text ?? "");
    const teamId = command.team_id;
    const channelId = command.channel_id;
    const ctx = slackCtx(deps, args, teamId);
    const { botMention } = ctx;
    // Commands (help, matrix…) are words, not prose: their language is the channel's or the default.
    const langFor = (text: string): Promise<Lang> => resolveLang(deps, { teamId, channelId }, text);

    try {
      switch (intent.kind) {
        case "help": {
          const lang = await langFor("");
          await ack(
            ephemeral(renderHelp(deps.matrix, lang, { command: deps.command, botMention })),
          );
          return;
        }
        case "matrix": {
          const lang = await langFor("");
          await ack(ephemeral(renderMatrix(deps.matrix, lang, { command: deps.command })));
          return;
        }
        case "changes": {
          const lang = await langFor("");
          const query = { since: intent.since, capability: intent.capability };
          const result = queryChanges(deps.changes, deps.matrix, query);
          const reply = renderChangeQuery(result, lang, {
            command: deps.command,
            matrix: deps.matrix,
            now: deps.now(),
            ...(query.since !== undefined ? { since: query.since } : {}),
            ...(query.capability !== undefined ? { capability: query.capability } : {}),
          });
          await ack(ephemeral(reply));
          return;
        }
        case "question":
        case "summary": {
          const text = intent.kind === "question" ? intent.text : (command.text ?? "");
          const lang = await langFor(text);
          const result = deps.answerer.answer(text, lang);
          await ack(
            ephemeral(
              renderAnswer(result.model, {
                question: text,
                shareable: true,
                askerId: command.user_id,
              }),
            ),
          );
          return;
        }
        case "lang": {
          if (!isLang(intent.value)) {
            const lang = await langFor("");
            await ack(ephemeral({ text: t(lang, "langUsage") }));
            return;
          }
          const lang = intent.value;
          const saved = await withinBudget(
            deps.store.setChannelLang(teamId, channelId, lang),
            ACK_BUDGET_MS,
          );
          const reply = { text: t(lang, "langSet", { lang: t(lang, "langName") }) };
          if (saved.inTime) {
            await ack(ephemeral(reply));
          } else {
            await ack();
            await saved.later;
            await respond(ephemeral(reply));
          }
          return;
        }
        case "history": {
          const lang = await langFor("");
          const scope = intent.all ? "all" : "channel";
          const list = await withinBudget(
            deps.store
              .listDecisions({
                teamId,
                // "all": every public channel's decisions, and this channel's own; never another
                // private channel's.
                ...(intent.all ? { visibleFrom: channelId } : { channelId }),
                limit: 10,
              })
              // Each thread once, as its latest version.
              .then((listed) => latestList(deps.store, listed)),
            ACK_BUDGET_MS,
          );
          const history = (l: Awaited<ReturnType<typeof latestList>>) =>
            ephemeral(renderHistory(l.decisions, lang, scope, l.versions));
          if (list.inTime) {
            await ack(history(list.value));
          } else {
            await ack();
            await respond(history(await list.later));
          }
          return;
        }
        case "decide": {
          // Posting the root message and the first question takes a few calls: ack first.
          await ack();
          const lang = await langFor(intent.title);
          try {
            await startWalkthrough(ctx, {
              channelId,
              userId: command.user_id,
              title: intent.title || t(lang, "wtDefaultTitle"),
              lang,
            });
          } catch (err) {
            logger.warn(`decide in ${channelId} failed: ${describeError(err)}`);
            await respond(ephemeral({ text: userErrorMessage(err, lang, botMention) }));
          }
          return;
        }
      }
    } catch (err) {
      logger.error(`/ecs-vs-eks failed: ${describeError(err)}`);
      const reply = ephemeral({ text: userErrorMessage(err, givenLang(deps), botMention) });
      // ack() may already have been called; a second ack is ignored, so fall back to respond().
      try {
        await ack(reply);
      } catch {
        await respond(reply).catch(() => undefined);
      }
    }
  };
}
