import type { App } from "@slack/bolt";
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
import { decideNav } from "./decide-nav.js";
import { decideOption } from "./decide-option.js";
import { helpMatrix } from "./help-matrix.js";
import { helpStart } from "./help-start.js";
import { historyAll } from "./history-all.js";
import { summaryPost } from "./summary-post.js";
import { summaryRecord } from "./summary-record.js";
import { summaryRevisit } from "./summary-revisit.js";

/** Buttons repeated in one block carry a numeric suffix (action ids must be unique per block). */
const numbered = (id: string) => new RegExp(`^${id}(_\\d+)?$`);

export function registerActions(app: App, deps: SlackDeps): void {
  app.action(numbered(SHOW_CAPABILITY_ACTION), answerShow(deps));
  app.action(SHARE_ANSWER_ACTION, answerShare(deps));
  app.action(HELP_START_ACTION, helpStart(deps));
  app.action(HELP_MATRIX_ACTION, helpMatrix(deps));
  app.action(numbered(OPTION_ACTION), decideOption(deps));
  app.action(BACK_ACTION, decideNav(deps, "back"));
  app.action(SKIP_ACTION, decideNav(deps, "skip"));
  app.action(RESTART_ACTION, decideNav(deps, "restart"));
  app.action(JUMP_ACTION, decideNav(deps, "jump"));
  app.action(FINISH_ACTION, decideNav(deps, "finish"));
  app.action(POST_SUMMARY_ACTION, summaryPost(deps));
  app.action(RECORD_ACTION, summaryRecord(deps));
  app.action(REVISIT_ACTION, summaryRevisit(deps));
  app.action(HISTORY_ALL_ACTION, historyAll(deps));
}
