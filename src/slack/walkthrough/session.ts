import { refusal } from "../../core/access.js";
import type { Lang } from "../../core/i18n/lang.js";
import {
  reconcile,
  type SessionState,
  sessionStateSchema,
  type WalkthroughDef,
} from "../../core/walkthrough/index.js";
import type { StoredSession } from "../../store/index.js";
import type { SessionInfo } from "../blocks/walkthrough.js";
import { t } from "../messages.js";
import type { SlackCtx } from "./ctx.js";

/** The stored state validated by core's schema and brought in line with the current walkthrough. */
export function stateOf(def: WalkthroughDef, session: StoredSession): SessionState | null {
  const parsed = sessionStateSchema.safeParse(session.state);
  return parsed.success ? reconcile(def, parsed.data) : null;
}

/** The state of a session that still takes clicks from `channelId`; null when it takes none. */
export function runningState(
  def: WalkthroughDef,
  session: StoredSession | null,
  channelId?: string,
): SessionState | null {
  if (session?.status !== "active") return null;
  if (channelId !== undefined && channelId !== session.channelId) return null;
  return stateOf(def, session);
}

/**
 * The session a walkthrough button names and its state, when the click may act on it; else the
 * clicker is told why not (a walkthrough of another place in `langs.refusal`, one that has ended or
 * cannot be read in `langs.stale`) and the answer is null.
 */
export async function clickableSession(
  ctx: SlackCtx,
  session: StoredSession | null,
  channelId: string | undefined,
  tell: (text: string) => Promise<void>,
  langs: { refusal: Lang; stale: Lang },
): Promise<{ session: StoredSession; state: SessionState } | null> {
  if (session && refusal({ teamId: ctx.teamId, channelId }, session)) {
    await tell(t(langs.refusal, "accessElsewhere"));
    return null;
  }
  const state = runningState(ctx.deps.walkthrough, session);
  if (!session || !state) {
    await tell(t(langs.stale, "wtStale"));
    return null;
  }
  return { session, state };
}

/** What the renderers need to know of a session. */
export function sessionInfo(session: StoredSession): SessionInfo {
  const { invitees } = session.plan;
  return {
    id: session.id,
    title: session.title,
    lang: session.lang,
    ...(invitees ? { invitees } : {}),
  };
}
