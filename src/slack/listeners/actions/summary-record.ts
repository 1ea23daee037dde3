import { recordFileName } from "../../../core/record/index.js";
import type { SlackDeps } from "../../deps.js";
import { mentionUser } from "../../escape.js";
import { t } from "../../messages.js";
import { decisionClick } from "./summary-common.js";

/** "Decision record": the MADR Markdown uploaded as a file in the decision's thread. */
export function summaryRecord(deps: SlackDeps) {
  return decisionClick(deps, "summary_record", async ({ place, decision }, args) => {
    await args.client.filesUploadV2({
      channel_id: decision.channelId,
      thread_ts: decision.threadTs,
      filename: recordFileName(decision),
      // A file's title is plain text, not mrkdwn: an entity would show as "&amp;".
      title: decision.title,
      content: decision.recordMarkdown,
      snippet_type: "markdown",
      initial_comment: t(decision.lang, "sumRecordComment", { user: mentionUser(place.userId) }),
    });
  });
}
