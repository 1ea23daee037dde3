import { renderHistory } from "../../blocks/history.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { t } from "../../messages.js";
import { decode, historyValue } from "../../payloads.js";
import { actionValue, type BlockActionArgs, clickPlace } from "./common.js";

/** "Show the whole workspace" under the channel's history. */
export function historyAll(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, body, action, respond, logger, context } = args;
    await ack();
    const place = clickPlace(body, context.teamId);
    const value = decode(historyValue, actionValue(action));
    const lang = value?.lang ?? deps.defaultLang;
    if (!value) {
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: t(lang, "wtOldButton"),
      });
      return;
    }
    try {
      const decisions = await deps.store.listDecisions({ teamId: place.teamId, limit: 20 });
      await respond({
        response_type: "ephemeral",
        replace_original: true,
        ...renderHistory(decisions, lang, "all"),
      });
    } catch (err) {
      logger.warn(`history_all failed: ${describeError(err)}`);
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: userErrorMessage(err, lang, "@ecs-vs-eks"),
      });
    }
  };
}
