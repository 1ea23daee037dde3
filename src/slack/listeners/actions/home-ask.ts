import { renderAskModal } from "../../blocks/home-modals.js";
import type { SlackDeps } from "../../deps.js";
import { describeError } from "../../errors.js";
import type { BlockActionArgs } from "./common.js";
import { homeClickLang } from "./home-lang.js";

/** App Home's "Ask a question": a modal with one text input (submitted as home_ask_modal). */
export function homeAsk(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, body, client, logger } = args;
    await ack();
    try {
      const lang = await homeClickLang(args, deps);
      await client.views.open({ trigger_id: body.trigger_id, view: renderAskModal(lang) });
    } catch (err) {
      // App Home has no channel to tell the user in; the click simply does nothing visible.
      logger.warn(`home_ask for ${body.user.id} failed: ${describeError(err)}`);
    }
  };
}
