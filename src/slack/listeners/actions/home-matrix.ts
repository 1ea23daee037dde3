import { renderMatrixModal } from "../../blocks/home-modals.js";
import type { SlackDeps } from "../../deps.js";
import { describeError } from "../../errors.js";
import type { BlockActionArgs } from "./common.js";
import { homeClickLang } from "./home-lang.js";

/** App Home's "Open the matrix": the capability matrix in a modal, in the user's language. */
export function homeMatrix(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, body, client, logger } = args;
    await ack();
    try {
      const lang = await homeClickLang(args, deps);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: renderMatrixModal(deps.matrix, lang, { command: deps.command }),
      });
    } catch (err) {
      logger.warn(`home_matrix for ${body.user.id} failed: ${describeError(err)}`);
    }
  };
}
