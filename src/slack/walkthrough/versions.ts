import {
  latestPerThread,
  nextVersion,
  type VersionInfo,
  versionsOf,
  withVersion,
} from "../../core/decision/index.js";
import type { Store, StoredDecision } from "../../store/index.js";
import type { CardVersion } from "../blocks/result-card.js";
import { describeError } from "../errors.js";
import type { SlackCtx } from "./ctx.js";
import { permalink } from "./permalink.js";

/** How many decisions of a channel are read to number a thread's versions. */
const CHANNEL_DECISIONS = 200;

/** The decisions of a thread, newest first (the store's order). */
export async function threadDecisions(
  store: Store,
  d: Pick<StoredDecision, "teamId" | "channelId" | "threadTs">,
): Promise<StoredDecision[]> {
  const inChannel = await store.listDecisions({
    teamId: d.teamId,
    channelId: d.channelId,
    limit: CHANNEL_DECISIONS,
  });
  return inChannel.filter((x) => x.threadTs === d.threadTs);
}

/**
 * What a walkthrough finishing in a thread takes from the decisions the thread already has: its
 * own version (one more than theirs: it is saved after them) and everyone who took part in them.
 * When they cannot be read (logged), it is v1 and takes over nobody.
 */
export async function threadSoFar(
  ctx: SlackCtx,
  channelId: string,
  threadTs: string,
): Promise<{ version: number; participants: string[] }> {
  try {
    const earlier = await threadDecisions(ctx.deps.store, {
      teamId: ctx.teamId,
      channelId,
      threadTs,
    });
    const versions = versionsOf(earlier);
    const oldestFirst = [...earlier].sort(
      (a, b) => (versions.get(a.id)?.version ?? 0) - (versions.get(b.id)?.version ?? 0),
    );
    return {
      version: nextVersion(earlier),
      participants: [...new Set(oldestFirst.flatMap((d) => d.participants))],
    };
  } catch (err) {
    ctx.logger.warn(`Could not read the thread's earlier decisions: ${describeError(err)}`);
    return { version: 1, participants: [] };
  }
}

/**
 * The decision's version as its card shows it: its number and, once superseded, the newer version
 * with a link to that version's card in the thread. Undefined when the store cannot say (logged):
 * the card is then drawn without it.
 */
export async function cardVersion(
  ctx: SlackCtx,
  decision: StoredDecision,
): Promise<CardVersion | undefined> {
  try {
    const thread = await threadDecisions(ctx.deps.store, decision);
    const info = versionsOf(thread).get(decision.id);
    if (!info) return undefined;
    const newer =
      info.supersededBy !== undefined
        ? withVersion(thread, decision, info.supersededBy)
        : undefined;
    if (!newer || info.supersededBy === undefined) return { version: info.version };
    const card = newer.copies.find((c) => c.thread);
    const link = card ? await permalink(ctx, card.channel, card.ts) : undefined;
    return {
      version: info.version,
      supersededBy: { version: info.supersededBy, ...(link ? { link } : {}) },
    };
  } catch (err) {
    ctx.logger.warn(`Could not number decision ${decision.id}: ${describeError(err)}`);
    return undefined;
  }
}

/**
 * A list of decisions (history, App Home) with each thread once, as its latest version: a
 * superseded version is not listed beside the one that replaced it. The threads' other versions
 * are read per channel, since a list cut short may hold only some of them.
 */
async function latestListed(
  store: Store,
  listed: readonly StoredDecision[],
): Promise<{ decision: StoredDecision; info: VersionInfo }[]> {
  const channels = [...new Set(listed.map((d) => `${d.teamId} ${d.channelId}`))];
  const all = (
    await Promise.all(
      channels.map((key) => {
        const [teamId = "", channelId = ""] = key.split(" ");
        return store.listDecisions({ teamId, channelId, limit: CHANNEL_DECISIONS });
      }),
    )
  ).flat();
  const threads = new Set(listed.map((d) => `${d.channelId} ${d.threadTs}`));
  return latestPerThread(
    listed,
    all.filter((d) => threads.has(`${d.channelId} ${d.threadTs}`)),
  );
}

/** latestListed, as the lists render it: the decisions, and each one's version. */
export async function latestList(
  store: Store,
  listed: readonly StoredDecision[],
): Promise<{ decisions: StoredDecision[]; versions: Map<string, number> }> {
  const latest = await latestListed(store, listed);
  return {
    decisions: latest.map((l) => l.decision),
    versions: new Map(latest.map((l) => [l.decision.id, l.info.version])),
  };
}
