/**
 * Who may act on what. A walkthrough or a decision belongs to one workspace and one channel: a
 * click, a view submission or a post acts on it only when it comes from that workspace and that
 * channel. Buttons live in the thread, so a click from anywhere else (App Home, a modal, another
 * channel, another workspace) carries a value someone copied or forged, and is refused. A decision
 * made in a private channel is shared only there: listing it elsewhere, or posting it to another
 * channel, would show its members' business to people who cannot see that channel.
 */

/** Who may see a decision: anyone in the workspace, or only its channel's members. */
export const VISIBILITIES = ["public", "private"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export interface Actor {
  teamId: string;
  /** Where the request came from; absent for App Home and modals. */
  channelId: string | undefined;
}

export interface Owned {
  teamId: string;
  channelId: string;
}

export type AccessRefusal = "other-team" | "no-channel" | "other-channel";

export function refusal(actor: Actor, target: Owned): AccessRefusal | null {
  if (actor.teamId !== target.teamId) return "other-team";
  if (actor.channelId === undefined) return "no-channel";
  if (actor.channelId !== target.channelId) return "other-channel";
  return null;
}

/** Whether a decision may be posted to `channelId`: a private channel's stays in that channel. */
export function mayShareTo(
  decision: Owned & { visibility: Visibility },
  channelId: string,
): boolean {
  return decision.visibility === "public" || decision.channelId === channelId;
}
