/**
 * A decision's status lifecycle. A finished walkthrough proposes; the team accepts or rejects it,
 * may change its mind (accepted ⇄ rejected) or take it back to proposed; a revisit that finishes
 * supersedes it, and nothing moves a superseded decision again. Data in, data out: saving the
 * result and updating the messages is the adapter's job.
 */

export const DECISION_STATUSES = ["proposed", "accepted", "rejected", "superseded"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Statuses of a decision still in force: what the fact check and the revisit reminder look at. */
export const IN_FORCE_STATUSES = ["proposed", "accepted"] as const;

/** Whether a decision with this status is still in force (proposed or accepted). */
export function isInForce(status: DecisionStatus): boolean {
  return (IN_FORCE_STATUSES as readonly DecisionStatus[]).includes(status);
}

/** What a person can ask for with a button; superseded is set only by a revisit. */
export type StatusAction = "accept" | "reject" | "propose";

export interface StatusState {
  status: DecisionStatus;
  statusBy?: string;
  statusAt?: Date;
}

/** Why a status change was refused: the rule that said no. */
export type StatusRefusal =
  /** The decision already has the status asked for (a second click, or someone was quicker). */
  | "already"
  /** A superseded decision is history: a revisit replaced it. */
  | "superseded";

export type StatusOutcome =
  | { kind: "applied"; next: StatusState }
  | { kind: "refused"; reason: StatusRefusal; current: StatusState };

const TARGET: Record<StatusAction, DecisionStatus> = {
  accept: "accepted",
  reject: "rejected",
  propose: "proposed",
};

/** The statuses each status may move to by a person's action. */
const ALLOWED: Record<DecisionStatus, readonly DecisionStatus[]> = {
  proposed: ["accepted", "rejected"],
  accepted: ["rejected", "proposed"],
  rejected: ["accepted", "proposed"],
  superseded: [],
};

/** Applies a person's status action, recording who and when; a refusal names its rule. */
export function changeStatus(
  current: StatusState,
  action: StatusAction,
  by: string,
  at: Date,
): StatusOutcome {
  const target = TARGET[action];
  if (current.status === "superseded") {
    return { kind: "refused", reason: "superseded", current };
  }
  if (!ALLOWED[current.status].includes(target)) {
    return { kind: "refused", reason: "already", current };
  }
  return { kind: "applied", next: { status: target, statusBy: by, statusAt: at } };
}

/**
 * A revisit finished: the decision it revisited is superseded, whatever its status (a proposal
 * nobody accepted is replaced as much as an accepted one). Refused only when it already is.
 */
export function supersede(current: StatusState, at: Date): StatusOutcome {
  if (current.status === "superseded") return { kind: "refused", reason: "superseded", current };
  return { kind: "applied", next: { status: "superseded", statusAt: at } };
}

/**
 * What a newly saved decision supersedes: the earlier decisions of its thread (a revisit finishes
 * in the thread it revisited) that are not superseded already. A thread is its channel and ts (a
 * ts is unique only within its channel); stored decisions always name their channel.
 */
export function supersededBy<
  T extends { id: string; channelId?: string; threadTs: string; status: DecisionStatus },
>(saved: { id: string; channelId?: string; threadTs: string }, decisions: readonly T[]): T[] {
  return decisions.filter(
    (d) =>
      d.id !== saved.id &&
      d.channelId === saved.channelId &&
      d.threadTs === saved.threadTs &&
      d.status !== "superseded",
  );
}

/** Buttons to show for a status: Accept and Reject while proposed, none after. */
export function statusActions(
  status: DecisionStatus,
): Extract<StatusAction, "accept" | "reject">[] {
  return status === "proposed" ? ["accept", "reject"] : [];
}
