import {
  reconcile,
  type SessionState,
  sessionStateSchema,
  type WalkthroughDef,
} from "../../core/walkthrough/index.js";
import type { StoredSession } from "../../store/index.js";
import type { SessionInfo } from "../blocks/walkthrough.js";

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
