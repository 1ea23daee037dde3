import { expect, it } from "vitest";
import {
  answerQuestion,
  type BotProcess,
  click,
  optionButton,
  questionMessage,
  spawnBot,
  startWalkthrough,
  stopBot,
  USER,
  USER2,
  updatesOf,
  useBotSuite,
  visible,
  waitFor,
} from "../support/bot-process.js";

const bots: BotProcess[] = [];
const { fake, dataDir, diagnostics } = useBotSuite({
  bots: () => bots,
  dataDir: "restart",
  killBotsAfterEach: true,
});

it("SIGKILL mid-walkthrough, restart on the same DATA_DIR: the next click continues where the team was", async () => {
  const first = await spawnBot("bot-1", fake, { DATA_DIR: dataDir });
  bots.push(first);

  const started = await startWalkthrough(first, fake, `Restart ${Date.now()}`, diagnostics);
  expect(started.status).toBe(200);
  const { rootTs } = started;
  // The first question, posted once the session saved where it lives.
  let q = started.q;
  expect(visible(q.args)).toMatch(/Question 1 of (\d+)/);
  const total = Number(/Question 1 of (\d+)/.exec(visible(q.args))?.[1]);

  // Two answers, by two people, each shown by updating the question message in place.
  const answered: { by: string; label: string }[] = [];
  for (const [n, user] of [USER, USER2].entries()) {
    const before = q.index;
    const button = optionButton(q.args, n);
    await click(first, fake, button, { user, messageTs: q.ts, threadTs: rootTs });
    const update = await waitFor(
      `question ${n + 2} after ${user}'s answer`,
      () => updatesOf(fake, q.ts, before).find((u) => visible(u).includes(`Question ${n + 2} of`)),
      { diagnostics },
    );
    expect(visible(update)).toContain(`by <@${user}>`);
    answered.push({ by: user, label: labelOf(q.args, button.value) });
    q = questionMessage(fake, rootTs) ?? q;
  }

  // The process dies without any chance to clean up.
  const killed = await stopBot(first, "SIGKILL");
  expect(killed.signal).toBe("SIGKILL");

  const second = await spawnBot("bot-2", fake, { DATA_DIR: dataDir });
  bots.push(second);
  const third = optionButton(q.args, 0);
  const { update } = await answerQuestion(second, fake, {
    q,
    rootTs,
    button: third,
    user: USER,
    what: "the question message updated by the restarted bot",
    diagnostics,
  });
  const text = visible(update);
  expect(text).toContain(`Question 4 of ${total} · 3 answered`);
  // The answers given before the crash are kept, with who gave them.
  for (const a of answered) {
    expect(text).toContain(`*${a.label}* — by <@${a.by}>`);
  }
  expect(text).toContain(`*${labelOf(q.args, third.value)}* — by <@${USER}>`);
  expect(second.exitInfo()).toBeUndefined();
});

/** The label of the option button with this value. */
function labelOf(payload: Record<string, unknown>, value: string): string {
  const blocks = (payload.blocks as Record<string, unknown>[] | undefined) ?? [];
  for (const b of blocks) {
    for (const e of (b.elements as Record<string, unknown>[] | undefined) ?? []) {
      if (e.value === value) return String((e.text as { text: string }).text).replace(/^✓ /, "");
    }
  }
  throw new Error(`no button with value ${value}`);
}
