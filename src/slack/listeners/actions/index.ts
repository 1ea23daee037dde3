import type { App, BlockAction } from "@slack/bolt";
import { SHARE_ANSWER_ACTION, SHOW_CAPABILITY_ACTION } from "../../blocks/answer.js";
import { HELP_MATRIX_ACTION, HELP_START_ACTION } from "../../blocks/help.js";
import { HISTORY_ALL_ACTION } from "../../blocks/history.js";
import { HOME_ASK_ACTION, HOME_MATRIX_ACTION, HOME_START_ACTION } from "../../blocks/home.js";
import { REMIND_ACTION } from "../../blocks/participation.js";
import { FULL_REASONING_ACTION, MORE_ACTION, STATUS_ACTION } from "../../blocks/result-card.js";
import { POST_SUMMARY_ACTION, RECORD_ACTION, REVISIT_ACTION } from "../../blocks/summary.js";
import {
  BACK_ACTION,
  FINISH_ACTION,
  JUMP_ACTION,
  OPTION_ACTION,
  RESTART_ACTION,
  SKIP_ACTION,
} from "../../blocks/walkthrough.js";
import type { SlackDeps } from "../../deps.js";
import { answerShare } from "./answer-share.js";
import { answerShow } from "./answer-show.js";
import type { BlockActionArgs } from "./common.js";
import { decideNav } from "./decide-nav.js";
import { decideOption } from "./decide-option.js";
import { decideRemind } from "./decide-remind.js";
import { helpMatrix } from "./help-matrix.js";
import { helpStart } from "./help-start.js";
import { historyAll } from "./history-all.js";
import { homeAsk } from "./home-ask.js";
import { homeMatrix } from "./home-matrix.js";
import { homeStart } from "./home-start.js";
import { summaryFull } from "./summary-full.js";
import { summaryMore } from "./summary-more.js";
import { summaryPost } from "./summary-post.js";
import { summaryRecord } from "./summary-record.js";
import { summaryRevisit } from "./summary-revisit.js";
import { summaryStatus } from "./summary-status.js";

type ActionHandler = (args: BlockActionArgs) => Promise<void>;

/** Buttons repeated in one block carry a numeric suffix (action ids are unique per block). */
const numbered = (id: string) => new RegExp(`^${id}_\\d+$`);

/** action_id → callback: every button and select of the app, one callback per file. */
function listeners(deps: SlackDeps): [string | RegExp, ActionHandler][] {
  return [
    [numbered(SHOW_CAPABILITY_ACTION), answerShow(deps)],
    [SHOW_CAPABILITY_ACTION, answerShow(deps)],
    [SHARE_ANSWER_ACTION, answerShare(deps)],
    [HELP_START_ACTION, helpStart(deps)],
    [HELP_MATRIX_ACTION, helpMatrix(deps)],
    [numbered(OPTION_ACTION), decideOption(deps)],
    [BACK_ACTION, decideNav(deps, "back")],
    [SKIP_ACTION, decideNav(deps, "skip")],
    [RESTART_ACTION, decideNav(deps, "restart")],
    [JUMP_ACTION, decideNav(deps, "jump")],
    [FINISH_ACTION, decideNav(deps, "finish")],
    [REMIND_ACTION, decideRemind(deps)],
    [POST_SUMMARY_ACTION, summaryPost(deps)],
    [RECORD_ACTION, summaryRecord(deps)],
    [REVISIT_ACTION, summaryRevisit(deps)],
    [FULL_REASONING_ACTION, summaryFull(deps)],
    [MORE_ACTION, summaryMore(deps)],
    [`${STATUS_ACTION}_accept`, summaryStatus(deps)],
    [`${STATUS_ACTION}_reject`, summaryStatus(deps)],
    [HISTORY_ALL_ACTION, historyAll(deps)],
    [HOME_ASK_ACTION, homeAsk(deps)],
    [HOME_MATRIX_ACTION, homeMatrix(deps)],
    [HOME_START_ACTION, homeStart(deps)],
  ];
}

/**
 * Plain registration, one app.action() per button. An action this app does not handle (a link
 * button, a button of a removed feature) is acknowledged by the last listener and otherwise ignored:
 * Slack shows an error on any click that is not acknowledged.
 */
export function registerActions(app: App, deps: SlackDeps): void {
  const known = listeners(deps);
  for (const [id, callback] of known) app.action<BlockAction>(id, callback);
  const isKnown = (actionId: string) =>
    known.some(([id]) => (typeof id === "string" ? id === actionId : id.test(actionId)));
  app.action<BlockAction>({ type: "block_actions" }, async ({ action, ack, logger }) => {
    if (isKnown(action.action_id)) return;
    logger.debug(`No listener for action ${action.action_id}; acknowledged and ignored`);
    await ack();
  });
}
