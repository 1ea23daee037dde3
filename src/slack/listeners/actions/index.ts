import type { App, BlockAction } from "@slack/bolt";
import { SHARE_ANSWER_ACTION, SHOW_CAPABILITY_ACTION } from "../../blocks/answer.js";
import { HELP_MATRIX_ACTION, HELP_START_ACTION } from "../../blocks/help.js";
import { HISTORY_ALL_ACTION } from "../../blocks/history.js";
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
import { helpMatrix } from "./help-matrix.js";
import { helpStart } from "./help-start.js";
import { historyAll } from "./history-all.js";
import { summaryPost } from "./summary-post.js";
import { summaryRecord } from "./summary-record.js";
import { summaryRevisit } from "./summary-revisit.js";

type ActionHandler = (args: BlockActionArgs) => Promise<void>;

/**
 * Buttons repeated in one block carry a numeric suffix (action ids must be unique per block):
 * `show_capability_3` is routed like `show_capability`.
 */
const NUMBERED: ReadonlySet<string> = new Set([SHOW_CAPABILITY_ACTION, OPTION_ACTION]);

/** action_id → callback: every button and select of the app, one callback per file. */
export function actionTable(deps: SlackDeps): ReadonlyMap<string, ActionHandler> {
  return new Map<string, ActionHandler>([
    [SHOW_CAPABILITY_ACTION, answerShow(deps)],
    [SHARE_ANSWER_ACTION, answerShare(deps)],
    [HELP_START_ACTION, helpStart(deps)],
    [HELP_MATRIX_ACTION, helpMatrix(deps)],
    [OPTION_ACTION, decideOption(deps)],
    [BACK_ACTION, decideNav(deps, "back")],
    [SKIP_ACTION, decideNav(deps, "skip")],
    [RESTART_ACTION, decideNav(deps, "restart")],
    [JUMP_ACTION, decideNav(deps, "jump")],
    [FINISH_ACTION, decideNav(deps, "finish")],
    [POST_SUMMARY_ACTION, summaryPost(deps)],
    [RECORD_ACTION, summaryRecord(deps)],
    [REVISIT_ACTION, summaryRevisit(deps)],
    [HISTORY_ALL_ACTION, historyAll(deps)],
  ]);
}

/** The callback for an action_id, or undefined for an action this app does not handle. */
export function routeAction(
  table: ReadonlyMap<string, ActionHandler>,
  actionId: string,
): ActionHandler | undefined {
  const exact = table.get(actionId);
  if (exact) return exact;
  const cut = actionId.lastIndexOf("_");
  if (cut <= 0 || !/^\d+$/.test(actionId.slice(cut + 1))) return undefined;
  const base = actionId.slice(0, cut);
  return NUMBERED.has(base) ? table.get(base) : undefined;
}

/**
 * One Bolt listener for every block action, dispatching on action_id through the table: Bolt runs
 * every listener's matchers for every request, so one listener instead of fourteen keeps that cost
 * flat. An action this app does not handle (a link button, a button of a removed feature) is
 * acknowledged and otherwise ignored.
 */
export function registerActions(app: App, deps: SlackDeps): void {
  const table = actionTable(deps);
  app.action<BlockAction>({ type: "block_actions" }, async (args) => {
    const handler = routeAction(table, args.action.action_id);
    if (handler) return handler(args);
    args.logger.debug(`No listener for action ${args.action.action_id}; acknowledged and ignored`);
    await args.ack();
  });
}
