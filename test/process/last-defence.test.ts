import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import {
  type BotProcess,
  CHANNEL,
  healthz,
  mention,
  spawnBot,
  USER,
  useBotSuite,
  waitFor,
} from "../support/bot-process.js";

const TRIGGER = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "fixtures",
  "trigger-escapes.mjs",
);

let bot: BotProcess | undefined;
const { fake, dataDir, diagnostics } = useBotSuite({
  bots: () => [bot],
  dataDir: "last-defence",
  killBotsAfterEach: true,
});

it("an escaped rejection is logged and the bot goes on; an uncaught exception exits 1 with a log line", async () => {
  bot = await spawnBot("bot", fake, {
    DATA_DIR: dataDir,
    NODE_OPTIONS: `--import=${TRIGGER}`,
  });
  const running = bot;
  running.child.kill("SIGHUP");
  await waitFor("the rejection to be logged", () =>
    running.output().includes("rejected and not handled (still running)"),
  );
  expect(running.output()).toContain("escaped rejection from a library");
  expect((await healthz(running)).status).toBe(200);
  expect(running.exitInfo()).toBeUndefined();

  running.child.kill("SIGUSR2");
  const exit = await running.exited;
  expect(exit).toEqual({ code: 1, signal: null });
  expect(running.output()).toMatch(/uncaught exception, exiting: Error: uncaught throw/);
});

it("SIGTERM with a Slack call hanging: cut off at the stop deadline, exit 0", async () => {
  bot = await spawnBot("bot", fake, { DATA_DIR: dataDir });
  const running = bot;
  // Every attempt of the reply hangs (the client's timeout and retries included).
  const held = [fake.hold("chat.postMessage")];
  const rehold = setInterval(() => {
    if (held.at(-1)?.arrived()) held.push(fake.hold("chat.postMessage"));
  }, 20);
  await mention(running, "does ECS have CronJobs?", { user: USER, channel: CHANNEL });
  await waitFor("the reply to hang", () => held[0]?.arrived() === true, { diagnostics });
  running.child.kill("SIGTERM");
  const exit = await running.exited;
  clearInterval(rehold);
  for (const h of held) h.release();
  expect(exit).toEqual({ code: 0, signal: null });
  expect(running.output()).toMatch(/still in flight at the stop deadline were cut off/);
}, 30_000);
