import { renderStartModal } from "../blocks/start-modal.js";
import { t } from "../messages.js";
import type { StartModalMetadata } from "../payloads.js";
import type { SlackCtx } from "./ctx.js";

/** Where the start modal was opened from: what its metadata carries, minus the version. */
export type StartPlace = Omit<StartModalMetadata, "v" | "k">;

/** Opens the start modal on a click's or shortcut's trigger_id. Web API errors propagate. */
export async function openStartModal(
  ctx: SlackCtx,
  o: { triggerId: string; place: StartPlace; title?: string; owner: string },
): Promise<void> {
  await ctx.client.views.open({
    trigger_id: o.triggerId,
    view: renderStartModal(o.place, {
      title: o.title ?? defaultTitle(o.place.lang),
      owner: o.owner,
    }),
  });
}

function defaultTitle(lang: StartPlace["lang"]): string {
  return t(lang, "wtDefaultTitle");
}

/**
 * Whether a walkthrough is already running in a thread, so the modal is not offered for a second
 * one. A store that cannot answer says no: startWalkthrough checks again when the modal is submitted.
 */
export async function isRunningIn(ctx: SlackCtx, channel: string, threadTs: string) {
  const found = await ctx.deps.store
    .findSessionByThread(ctx.teamId, channel, threadTs)
    .catch(() => null);
  return found?.status === "active";
}
