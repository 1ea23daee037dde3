/**
 * Runs quick work (a store lookup) and reports whether it finished within a budget, so a slash
 * command can send the answer in its ack() body when it is ready in time, and otherwise ack at once
 * and deliver the answer through response_url.
 */
export async function withinBudget<T>(
  work: Promise<T>,
  budgetMs: number,
): Promise<{ inTime: true; value: T } | { inTime: false; later: Promise<T> }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), budgetMs);
  });
  try {
    const first = await Promise.race([work.then((value) => ({ value })), late]);
    if (first === "late") return { inTime: false, later: work };
    return { inTime: true, value: first.value };
  } finally {
    clearTimeout(timer);
  }
}

/** Slack wants an answer within 3 s; keep a margin for the network. */
export const ACK_BUDGET_MS = 2000;
