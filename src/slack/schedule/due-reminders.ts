import { dueReminder } from "../../core/walkthrough/index.js";
import type { StoredSession } from "../../store/index.js";
import { joinMentions } from "../blocks/participation.js";
import { escapeText, mentionUser } from "../escape.js";
import { t } from "../messages/participation.js";
import { runningState } from "../walkthrough/session.js";
import { eachItem, once, type SweepCtx, type SweepJob } from "./sweeper.js";

/** Sessions looked at per sweep, oldest due first (the store's maximum). */
const DUE_LIMIT = 1000;

/**
 * When a walkthrough's due date passes: one reply in its thread, mentioning the invitees who have
 * not answered, or its owner when there is nobody left to wait on. Once per session and due date,
 * across replicas and restarts: a new due date is a new key, so moving the date brings a new
 * reminder. Finished and expired sessions are never listed.
 */
export const dueReminders: SweepJob = {
  name: "due reminders",
  async run(sweep) {
    const due = await sweep.deps.store.listDueSessions({ now: sweep.deps.now(), limit: DUE_LIMIT });
    await eachItem(
      sweep,
      due,
      (session) => remindDue(sweep, session),
      (session) => `Due reminder for session ${session.id} failed`,
    );
  },
};

async function remindDue(sweep: SweepCtx, session: StoredSession): Promise<void> {
  const { deps } = sweep;
  const dueAt = session.plan.dueAt;
  const state = runningState(deps.walkthrough, session);
  if (!dueAt || !state) return;
  if (!(await once(deps, `due:${session.id}:${dueAt.toISOString()}`))) return;
  const { lang } = session;
  const title = escapeText(session.title);
  const target = dueReminder(deps.walkthrough, state, session.plan, session.startedBy);
  const text =
    target.kind === "waiting"
      ? t(lang, "dueWaiting", { users: joinMentions(lang, target.users), title })
      : t(lang, target.kind === "answers-in" ? "dueAnswersIn" : "dueNoInvitees", {
          owner: mentionUser(target.owner),
          title,
        });
  const ctx = sweep.ctxFor(session.teamId);
  await ctx.client.chat.postMessage({
    channel: session.channelId,
    thread_ts: session.threadTs,
    text,
  });
}
