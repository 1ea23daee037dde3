/**
 * Versions of a thread's decision. The first walkthrough that finishes in a thread makes v1; each
 * revisit that finishes there makes the next version, which supersedes the one before it. Nothing
 * stores the number: it is the decision's place among its thread's decisions, oldest first. Two
 * finishes saved at the same moment therefore still get two numbers that every reader agrees on,
 * where a number read, incremented and saved could be given twice.
 */
import type { DecisionStatus } from "./status.js";

/** What the rule reads of a stored decision. */
export interface Versionable {
  id: string;
  channelId: string;
  threadTs: string;
  createdAt: Date;
  status: DecisionStatus;
}

/** A decision's place among its thread's decisions. */
export interface VersionInfo {
  /** 1 for the thread's first decision. */
  version: number;
  /** The version it revised (version − 1); absent for v1. */
  revises?: number;
  /** The newest version of the thread. */
  latest: number;
  /** The version that superseded it (version + 1); absent for the latest. */
  supersededBy?: number;
}

/** Which thread a decision belongs to (a ts is unique only within its channel). */
export function threadKey(d: Pick<Versionable, "channelId" | "threadTs">): string {
  return `${d.channelId} ${d.threadTs}`;
}

/**
 * Oldest first: by creation time; at the same instant a superseded decision first (something newer
 * replaced it), then by id, so that the order is total and the same for every reader.
 */
function compareOldestFirst(a: Versionable, b: Versionable): number {
  const byTime = a.createdAt.getTime() - b.createdAt.getTime();
  if (byTime !== 0) return byTime;
  const superseded = Number(b.status === "superseded") - Number(a.status === "superseded");
  if (superseded !== 0) return superseded;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Each decision's version within its own thread; `decisions` may mix threads and channels. */
export function versionsOf<T extends Versionable>(
  decisions: readonly T[],
): Map<string, VersionInfo> {
  const threads = new Map<string, T[]>();
  for (const d of decisions) {
    const key = threadKey(d);
    threads.set(key, [...(threads.get(key) ?? []), d]);
  }
  const out = new Map<string, VersionInfo>();
  for (const thread of threads.values()) {
    const ordered = [...thread].sort(compareOldestFirst);
    const latest = ordered.length;
    ordered.forEach((d, i) => {
      const version = i + 1;
      out.set(d.id, {
        version,
        latest,
        ...(version > 1 ? { revises: version - 1 } : {}),
        ...(version < latest ? { supersededBy: version + 1 } : {}),
      });
    });
  }
  return out;
}

/**
 * The version a decision finishing in a thread takes: it is saved after the thread's decisions so
 * far, so it comes one after all of them.
 */
export function nextVersion(thread: readonly Versionable[]): number {
  return thread.length + 1;
}

/** The decision of `decisions` (its thread's) with the given version, if it is there. */
export function withVersion<T extends Versionable>(
  decisions: readonly T[],
  thread: Pick<Versionable, "channelId" | "threadTs">,
  version: number,
): T | undefined {
  const versions = versionsOf(decisions);
  return decisions.find(
    (d) => threadKey(d) === threadKey(thread) && versions.get(d.id)?.version === version,
  );
}

/**
 * A list with each thread once, as its latest version, where the thread first appears in `listed`
 * (a newest-first list shows a revised thread where its newest version falls), numbered among
 * `all`: every decision of the listed threads, since a list cut short may miss earlier versions.
 */
export function latestPerThread<T extends Versionable>(
  listed: readonly T[],
  all: readonly T[] = listed,
): { decision: T; info: VersionInfo }[] {
  const pool = [...all, ...listed.filter((d) => !all.some((a) => a.id === d.id))];
  const versions = versionsOf(pool);
  const newest = new Map<string, T>();
  for (const d of pool) {
    const info = versions.get(d.id);
    if (info?.version === info?.latest) newest.set(threadKey(d), d);
  }
  const seen = new Set<string>();
  const out: { decision: T; info: VersionInfo }[] = [];
  for (const d of listed) {
    const key = threadKey(d);
    if (seen.has(key)) continue;
    seen.add(key);
    const latest = newest.get(key) ?? d;
    out.push({ decision: latest, info: versions.get(latest.id) ?? { version: 1, latest: 1 } });
  }
  return out;
}
