import { existsSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { createSqliteStore, SQLITE_FILE_NAME } from "../../src/store/index.js";
import {
  answerQuestion,
  type BotProcess,
  CHANNEL,
  click,
  healthz,
  optionButton,
  postsIn,
  spawnBot,
  startWalkthrough,
  USER,
  USER2,
  useBotSuite,
  visible,
  waitFor,
} from "../support/bot-process.js";
import { TEAM_ID } from "../support/fake-slack.js";

let bot: BotProcess | undefined;
const { fake, dataDir, diagnostics } = useBotSuite({
  bots: () => [bot],
  dataDir: "sigterm",
  killBotsAfterEach: true,
});

it("SIGTERM: stops taking requests, finishes the one in flight, closes the database, exits 0", async () => {
  bot = await spawnBot("bot", fake, { DATA_DIR: dataDir });
  const running = bot;
  const title = `Sigterm ${Date.now()}`;
  const started = await startWalkthrough(running, fake, title, diagnostics);
  const { rootTs } = started;
  let q = started.q;
  const total = Number(/Question 1 of (\d+)/.exec(visible(q.args))?.[1]);
  // Answer every question but the last one.
  for (let n = 1; n < total; n++) {
    const answered = await answerQuestion(running, fake, {
      q,
      rootTs,
      button: optionButton(q.args, n % 2),
      user: n % 2 ? USER : USER2,
      what: `question ${n + 1}`,
      diagnostics,
    });
    q = answered.q;
  }

  // The last answer finishes the walkthrough: the bot asks Slack for the thread's permalink, then
  // saves the decision and posts the summary. Slack is slow to answer that permalink.
  const permalink = fake.hold("chat.getPermalink");
  await click(running, fake, optionButton(q.args, 0), {
    user: USER,
    messageTs: q.ts,
    threadTs: rootTs,
  });
  await waitFor("the bot to be waiting on chat.getPermalink", () => permalink.arrived(), {
    diagnostics,
  });

  running.child.kill("SIGTERM");
  await waitFor("the bot to say it is finishing requests in flight", () =>
    running.output().includes("SIGTERM received"),
  );
  // New requests are refused (the port is closed)…
  const refused = await waitFor(
    "new connections to be refused",
    () =>
      healthz(running).then(
        () => false,
        (err: unknown) => err,
      ),
    { diagnostics },
  );
  expect(String((refused as Error).cause ?? refused)).toMatch(/ECONNREFUSED/);
  // …but the process is still there: the request in flight is not finished.
  expect(running.exitInfo()).toBeUndefined();
  expect(postsIn(fake, rootTs).some((p) => visible(p).includes("summary_record"))).toBe(false);

  permalink.release();
  const exit = await waitFor("the bot to exit", () => running.exitInfo(), {
    timeoutMs: 15_000,
    diagnostics,
  });
  expect(exit).toEqual({ code: 0, signal: null });

  // The in-flight work completed before the exit: the summary was posted and the decision saved.
  const summary = postsIn(fake, rootTs).find((p) => visible(p).includes("summary_record"));
  expect(summary).toBeDefined();
  // The database was closed cleanly: SQLite checkpoints and removes its WAL on the last close.
  expect(existsSync(path.join(dataDir, `${SQLITE_FILE_NAME}-wal`))).toBe(false);
  const store = createSqliteStore(dataDir);
  try {
    const decisions = await store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL });
    expect(decisions.map((d) => d.title)).toContain(title);
    expect(await store.findSessionByThread(TEAM_ID, CHANNEL, rootTs)).toBeNull();
  } finally {
    await store.close();
  }
});
