import { refusal } from "../../core/access.js";
import {
  applyClick,
  type Click,
  lateClick,
  type NotApplied,
} from "../../core/walkthrough/index.js";
import { describeError } from "../errors.js";
import { givenLang } from "../lang.js";
import { t } from "../messages.js";
import type { SlackCtx } from "./ctx.js";
import { finishWalkthrough } from "./finish.js";
import { appliedNotice, lastNotice, notAppliedText } from "./outcome-text.js";
import { runningState } from "./session.js";
import { showQuestion } from "./show.js";
import { tellUser } from "./tell.js";

export interface ClickInput {
  sessionId: string;
  /** Where the click happened; an ephemeral reply needs a channel. */
  channelId: string | undefined;
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
  const session = await deps.store.getSession(input.sessionId);
  const lang = givenLang(deps, session?.lang);
  const tell = async (text: string | undefined) => {
    if (!text || !input.channelId) return;
    const where = { channel: input.channelId, user: click.by, threadTs: session?.threadTs };
    await tellUser(ctx, where, text);
  };
  if (session && refusal({ teamId: ctx.teamId, channelId: input.channelId }, session)) {
    return tell(t(givenLang(deps), "accessElsewhere"));
  }
  const state = runningState(def, session);
  if (!session || !state) return tell(t(lang, "wtStale"));

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
