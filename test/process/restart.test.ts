import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import {
  type BotProcess,
  CHANNEL,
  click,
  describeState,
  killAllBots,
  optionButton,
  postedTs,
  questionMessage,
  slash,
  spawnBot,
  stopBot,
  USER,
  USER2,
  updatesOf,
  visible,
  waitFor,
} from "../support/bot-process.js";
import { FakeSlack } from "../support/fake-slack.js";

let fake: FakeSlack;
let dataDir: string;
const bots: BotProcess[] = [];

beforeAll(async () => {
  fake = await new FakeSlack().start();
  dataDir = await mkdtemp(path.join(tmpdir(), "ecs-vs-eks-restart-"));
});
afterEach(async () => {
  await killAllBots();
});
afterAll(async () => {
  await killAllBots();
  await fake?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const diagnostics = () => describeState(fake, bots);

it("SIGKILL mid-walkthrough, restart on the same DATA_DIR: the next click continues where the team was", async () => {
  const first = await spawnBot("bot-1", fake, { DATA_DIR: dataDir });
  bots.push(first);

  const title = `Restart ${Date.now()}`;
  expect((await slash(first, fake, `decide ${title}`)).status).toBe(200);
  const rootTs = await waitFor(
    "the walkthrough's root message",
    () => postedTs(fake, (c) => c.args.channel === CHANNEL && visible(c.args).includes(title)),
    { diagnostics },
  );
  // The first question, posted once the session saved where it lives.
  let q = await waitFor("the first question", () => questionMessage(fake, rootTs), {
    diagnostics,
  });
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
  const before = q.index;
  const third = optionButton(q.args, 0);
  await click(second, fake, third, { user: USER, messageTs: q.ts, threadTs: rootTs });
  const update = await waitFor(
    "the question message updated by the restarted bot",
    () => updatesOf(fake, q.ts, before).at(-1),
    { diagnostics },
  );
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
