import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { renderAnswer } from "../../blocks/answer.js";
import { ASK_BLOCK, ASK_INPUT, renderAnswerModal } from "../../blocks/home-modals.js";
import type { SlackDeps } from "../../deps.js";
import { describeError } from "../../errors.js";
import { givenLang } from "../../lang.js";
import { t } from "../../messages/shortcuts-home.js";
import { t as tm } from "../../messages.js";
import { askModalMetadata, decode } from "../../payloads.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * App Home's Ask modal was submitted: the modal is replaced by the answer (or the polite
 * no-match), in the language the modal was opened in (the user's Slack locale). Answering is
 * local work, well within the 3 seconds a view submission's ack allows.
 */
export function homeAskSubmit(deps: SlackDeps) {
  return async ({ ack, view, body, logger }: Args): Promise<void> => {
    const meta = decode(askModalMetadata, view.private_metadata);
    const lang = givenLang(deps, meta?.lang);
    const question = (view.state.values[ASK_BLOCK]?.[ASK_INPUT]?.value ?? "").trim();
    if (question === "") {
      await ack({ response_action: "errors", errors: { [ASK_BLOCK]: t(lang, "askModalEmpty") } });
      return;
    }
    try {
      const model = deps.answerer.answer(question, lang).model;
      const message = renderAnswer(model, { question, askerId: body.user.id });
      await ack({
        response_action: "update",
        view: renderAnswerModal(message, lang, { command: deps.command }),
      });
    } catch (err) {
      logger.error(`home_ask_modal for ${body.user.id} failed: ${describeError(err)}`);
      await ack({ response_action: "errors", errors: { [ASK_BLOCK]: tm(lang, "errGeneric") } });
    }
  };
}
