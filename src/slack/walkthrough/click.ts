import {
  applyClick,
  type Click,
  lateClick,
  type NotApplied,
} from "../../core/walkthrough/index.js";
import { describeError } from "../errors.js";
import { givenLang } from "../lang.js";
import type { SlackCtx } from "./ctx.js";
import { finishWalkthrough } from "./finish.js";
import { appliedNotice, lastNotice, notAppliedText } from "./outcome-text.js";
import { clickableSession, runningState } from "./session.js";
import { showQuestion } from "./show.js";
import { tellClicker } from "./tell.js";

export interface ClickInput {
  sessionId: string;
  /** Where the click happened; an ephemeral reply needs a channel. */
  channelId: string | undefined;
  /** The thread the clicked message is in, for a reply when the session cannot be read. */
  threadTs?: string | undefined;
  click: Click;
}

/**
 * A click on a walkthrough's question message: core decides what it does; this saves the result
 * with the session's version and redraws (or finishes), or tells the clicker why nothing happened.
 */
export async function handleClick(ctx: SlackCtx, input: ClickInput): Promise<void> {
  const { deps } = ctx;
  const def = deps.walkthrough;
  const { click } = input;
  const found = await savedSession(ctx, input.sessionId);
  const lang = givenLang(deps, found?.lang);
  const tell = tellClicker(ctx, { ...input, user: click.by }, found);
  const clickable = await clickableSession(ctx, found, input.channelId, tell, {
    refusal: givenLang(deps),
    stale: lang,
  });
  if (!clickable) return;
  const { session, state } = clickable;

  const outcome = applyClick(def, state, click, deps.now());
  const ownEarlierClick =
    outcome.kind === "duplicate" ||
    (outcome.kind === "stale" && outcome.movedBy !== "someone-else");
  if (ownEarlierClick) {
    // The clicker's own earlier click was saved, but its redraw may have failed (chat.update): the
    // message may still show that question. Redraw it as the saved state says, notice included.
    const notice = lastNotice(def, session.lang, state);
    await showQuestion(ctx, session, state, notice).catch((err: unknown) =>
      ctx.logger.warn(`Redrawing the question failed: ${describeError(err)}`),
    );
  }
  if (outcome.kind !== "applied") return tell(notAppliedText(def, lang, click, outcome));
  const saved = await deps.store.updateSession(session.id, session.version, {
    state: outcome.state,
    ...(outcome.finished ? { status: "finished" as const } : {}),
  });
  if (!saved.ok) {
    // Another click was saved between our read and our write: say why this one lost to it (a
    // walkthrough that has meanwhile ended or vanished refuses every click).
    const winner = runningState(def, saved.current);
    const lost: NotApplied = winner
      ? lateClick(winner, click)
      : { kind: "refused", code: "finished" };
    return tell(notAppliedText(def, lang, click, lost));
  }
  const notice = appliedNotice(def, lang, click, outcome);
  if (outcome.finished) await finishWalkthrough(ctx, saved.session, outcome.state, notice);
  else await showQuestion(ctx, saved.session, outcome.state, notice);
}

/** How long a click waits for a session that is not saved yet (see savedSession). */
const NOT_YET_SAVED_WAITS_MS = [100, 200, 400, 800];

/**
 * The session a button names. A walkthrough's first question is posted before its session is saved
 * (one write holds both messages), so a click can arrive in between when the database is slow: such
 * a click waits for the write, up to 1.5 s, instead of being told the walkthrough has ended. A session
 * that really is gone (purged) costs its late clicker that wait once.
 */
async function savedSession(ctx: SlackCtx, id: string) {
  let session = await ctx.deps.store.getSession(id);
  for (const ms of NOT_YET_SAVED_WAITS_MS) {
    if (session) break;
    await new Promise((resolve) => setTimeout(resolve, ms));
    session = await ctx.deps.store.getSession(id);
  }
  return session;
}
