import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type FakeCall, FakeSlack, GOOD_TOKEN } from "./fake-slack.js";
import { lateBound } from "./late-bound.js";
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from "./pg.js";
import {
  appMentionBody,
  blockActionsBody,
  type MentionOptions,
  retryHeaders,
  slashCommandBody,
} from "./slack-requests.js";
import { postSigned, type SlackHttpResponse } from "./slack-signing.js";

/**
 * The real bot as a separate node process (`node dist/src/main.js`, HTTP mode), wired to a FakeSlack
 * in the test process, and the signed Slack requests to drive it. dist/ is built by
 * test/process/global-setup.ts before any process test runs.
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const MAIN = path.join(ROOT, "dist", "src", "main.js");

export const SIGNING_SECRET = "process-test-signing-secret-42";
export const CHANNEL = "C0PROCESS01";
export const USER = "U0ALICE001";
export const USER2 = "U0BOB00002";

type Json = Record<string, unknown>;

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess {
  name: string;
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the process wrote so far (stdout and stderr, interleaved). */
  output(): string;
  /** Set once the process has exited. */
  exitInfo(): ExitInfo | undefined;
  exited: Promise<ExitInfo>;
}

const live = new Set<BotProcess>();
// If the test worker itself goes away (a crash, Ctrl-C), take the bots with it.
process.once("exit", () => {
  for (const bot of live) bot.child.kill("SIGKILL");
});

/** A clean environment: nothing of the test runner's (no DATABASE_URL, no SLACK_APP_TOKEN…). */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG", "SystemRoot"]) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

/**
 * Spawns the bot with PORT=0 and resolves once it prints the port it listens on. Rejects with its
 * output if it exits first or does not come up within timeoutMs.
 */
export async function spawnBot(
  name: string,
  fake: FakeSlack,
  env: Record<string, string>,
  timeoutMs = 15_000,
): Promise<BotProcess> {
  const child = spawn(process.execPath, [MAIN], {
    // Not the project folder: main.ts loads .env from the working directory.
    cwd: tmpdir(),
    env: {
      ...baseEnv(),
      SLACK_BOT_TOKEN: GOOD_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let exit: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  const append = (chunk: Buffer) => {
    out += chunk.toString("utf8");
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);

  const bot: BotProcess = {
    name,
    child,
    port: 0,
    url: "",
    output: () => out,
    exitInfo: () => exit,
    exited,
  };
  live.add(bot);
  void exited.then(() => live.delete(bot));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within ${timeoutMs} ms. Output:\n${out}`)),
      timeoutMs,
    );
    const check = () => {
      const m = /HTTP on port (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off("data", check);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on("data", check);
    void exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${e.code ?? e.signal}) before listening. Output:\n${out}`));
    });
    check();
  });
  bot.port = port;
  bot.url = `http://127.0.0.1:${port}`;
  return bot;
}

/** Sends a signal and waits for the process to exit. */
export async function stopBot(
  bot: BotProcess,
  signal: NodeJS.Signals = "SIGKILL",
): Promise<ExitInfo> {
  const done = bot.exitInfo();
  if (done) return done;
  bot.child.kill(signal);
  return bot.exited;
}

/** Kills every bot still running (afterEach/afterAll, also after a failure). */
export async function killAllBots(): Promise<void> {
  await Promise.all([...live].map((bot) => stopBot(bot, "SIGKILL")));
}

/**
 * Polls until `check` returns something other than undefined/false, and returns it. Fails with
 * `what` and the given diagnostics after timeoutMs: tests wait for conditions, never for time.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  opts: { timeoutMs?: number; diagnostics?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const extra = opts.diagnostics ? `\n${opts.diagnostics()}` : "";
      throw new Error(`Timed out after ${opts.timeoutMs ?? 10_000} ms waiting for ${what}${extra}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What a fake Slack and some bots have seen, for a failure message. */
export function describeState(fake: FakeSlack, bots: BotProcess[]): string {
  const calls = fake.history
    .filter((c) => c.method !== "auth.test")
    .map((c) => `  ${c.method} ${summarize(c)}`)
    .join("\n");
  const outputs = bots
    .map((b) => {
      const lines = b
        .output()
        .split("\n")
        .slice(-40)
        .map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line));
      return `--- ${b.name} (port ${b.port}) output ---\n${lines.join("\n")}`;
    })
    .join("\n");
  return `Slack calls:\n${calls}\n${outputs}`;
}

function summarize(call: FakeCall): string {
  const a = call.args;
  const text = typeof a.text === "string" ? a.text.slice(0, 120) : "";
  return `channel=${String(a.channel)} ts=${String(a.ts ?? "")} thread=${String(a.thread_ts ?? "")} user=${String(a.user ?? "")} ${text}`;
}

/* ---------- One test file's world ---------- */

export interface BotSuite {
  /** The fake Slack every bot of the file talks to. */
  fake: FakeSlack;
  /** A folder for DATA_DIR, made before the first test (when `dataDir` was given). */
  dataDir: string;
  /** An empty schema of TEST_DATABASE_URL, made before the first test (when `schema` was given). */
  schema: TestSchema;
  /** What the fake Slack saw and the end of each bot's output, for a failure message. */
  diagnostics: () => string;
}

/**
 * The hooks of a process test file. Before its first test: a fake Slack, and the DATA_DIR folder or
 * the PostgreSQL schema asked for. After each test: when it failed, the diagnostics are printed; with
 * `killBotsAfterEach`, every bot is killed. After the last test: every bot still running is killed,
 * then the fake Slack, the folder and the schema go. Call it at the top of the file (or of the
 * describe whose tests use it); what it returns is usable inside tests and hooks.
 */
export function useBotSuite(opts: {
  /** The bots whose output a failure message shows. */
  bots: () => (BotProcess | undefined)[];
  /** Name part of a temporary DATA_DIR folder. */
  dataDir?: string;
  /** Name part of a PostgreSQL schema. */
  schema?: string;
  /** Each test spawns its own bots: kill them all after each test. */
  killBotsAfterEach?: boolean;
}): BotSuite {
  let fake: FakeSlack | undefined;
  let schema: TestSchema | undefined;
  const dataDir = opts.dataDir
    ? path.join(
        tmpdir(),
        `ecs-vs-eks-${opts.dataDir}-${process.pid}-${randomBytes(4).toString("hex")}`,
      )
    : "";
  const suite: BotSuite = {
    fake: lateBound("the fake Slack", () => fake),
    dataDir,
    schema: lateBound("the test schema", () => schema),
    diagnostics: () =>
      fake
        ? describeState(
            fake,
            opts.bots().filter((b) => b !== undefined),
          )
        : "",
  };
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    if (dataDir) await mkdir(dataDir, { recursive: true });
    if (opts.schema) schema = await createTestSchema(TEST_DATABASE_URL ?? "", opts.schema);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail") console.error(suite.diagnostics());
    if (opts.killBotsAfterEach) await killAllBots();
  });
  afterAll(async () => {
    await killAllBots();
    await fake?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await schema?.drop();
  });
  return suite;
}

/* ---------- Driving a walkthrough ---------- */

/**
 * `/ecs-vs-eks decide <title>` through `bot`: resolves with the command's HTTP status, the thread of
 * the walkthrough (its root message's ts) and its first question message.
 */
export async function startWalkthrough(
  bot: BotProcess,
  fake: FakeSlack,
  title: string,
  diagnostics?: () => string,
): Promise<{ status: number; rootTs: string; q: QuestionMessage }> {
  const { status } = await slash(bot, fake, `decide ${title}`);
  const rootTs = await waitFor(
    `the root message of "${title}"`,
    () =>
      postedTs(
        fake,
        (c) => c.args.channel === CHANNEL && !c.args.thread_ts && visible(c.args).includes(title),
      ),
    { diagnostics },
  );
  const q = await waitFor(`the first question of "${title}"`, () => questionMessage(fake, rootTs), {
    diagnostics,
  });
  return { status, rootTs, q };
}

/**
 * Clicks `button` on the question message `q` of thread `rootTs` as `user`, and waits for ("what")
 * the message to be updated: resolves with that update and the question message as it is now.
 */
export async function answerQuestion(
  bot: BotProcess,
  fake: FakeSlack,
  o: {
    q: QuestionMessage;
    rootTs: string;
    button: Button;
    user: string;
    what: string;
    diagnostics?: () => string;
  },
): Promise<{ update: Json; q: QuestionMessage }> {
  const before = o.q.index;
  await click(bot, fake, o.button, { user: o.user, messageTs: o.q.ts, threadTs: o.rootTs });
  const update = await waitFor(o.what, () => updatesOf(fake, o.q.ts, before).at(-1), {
    diagnostics: o.diagnostics,
  });
  return { update, q: questionMessage(fake, o.rootTs) ?? o.q };
}

/* ---------- Slack requests ---------- */

let counter = 0;
const tsBase = Math.floor(Date.now() / 1000);
/** A message ts no other test uses. */
export function nextTs(): string {
  counter += 1;
  return `${tsBase}.${String(process.pid % 1000).padStart(3, "0")}${String(counter).padStart(3, "0")}`;
}

function events(bot: BotProcess): string {
  return `${bot.url}/slack/events`;
}

export function slash(
  bot: BotProcess,
  fake: FakeSlack,
  text: string,
  opts: { user?: string; channel?: string } = {},
): Promise<SlackHttpResponse> {
  const body = slashCommandBody({
    text,
    user: opts.user ?? USER,
    channel: opts.channel ?? CHANNEL,
    responseUrl: fake.responseUrl(),
  });
  return postSigned(events(bot), SIGNING_SECRET, body, "application/x-www-form-urlencoded");
}

/** The JSON body of an app_mention event_callback. */
export function mentionBody(text: string, opts: MentionOptions = {}): string {
  counter += 1;
  return appMentionBody({
    text,
    user: opts.user ?? USER,
    channel: opts.channel ?? CHANNEL,
    ts: opts.ts ?? nextTs(),
    threadTs: opts.threadTs,
    eventId: opts.eventId ?? `Ev0PROC${process.pid}x${counter}`,
    eventTime: Math.floor(Date.now() / 1000),
  });
}

export function mention(
  bot: BotProcess,
  text: string,
  opts: MentionOptions = {},
): Promise<SlackHttpResponse> {
  return postSigned(
    events(bot),
    SIGNING_SECRET,
    mentionBody(text, opts),
    "application/json",
    retryHeaders(opts.retry),
  );
}

export interface Button {
  action_id: string;
  value: string;
}

/** Clicks a button of a message in a thread (block_actions), as `user`. */
export function click(
  bot: BotProcess,
  fake: FakeSlack,
  button: Button,
  opts: { user?: string; channel?: string; messageTs: string; threadTs: string },
): Promise<SlackHttpResponse> {
  const body = blockActionsBody({
    actionId: button.action_id,
    value: button.value,
    user: opts.user ?? USER,
    channel: opts.channel ?? CHANNEL,
    messageTs: opts.messageTs,
    threadTs: opts.threadTs,
    responseUrl: fake.responseUrl(),
  });
  return postSigned(events(bot), SIGNING_SECRET, body, "application/x-www-form-urlencoded");
}

export interface Health {
  status: number;
  body: Json;
}

async function getStatus(bot: BotProcess, path: string): Promise<Health> {
  const res = await fetch(`${bot.url}${path}`);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
}

/** GET /healthz (alive); rejects when nothing answers (connection refused). */
export function healthz(bot: BotProcess): Promise<Health> {
  return getStatus(bot, "/healthz");
}

/** GET /readyz (store writable, Slack reachable, event loop not stalled). */
export function readyz(bot: BotProcess): Promise<Health> {
  return getStatus(bot, "/readyz");
}

/* ---------- Reading what the bot did in Slack ---------- */

export function shown(payload: unknown): string {
  return JSON.stringify(payload ?? {});
}

/** What a user can see of a payload: everything but button values and private metadata. */
export function visible(payload: unknown): string {
  return JSON.stringify(payload ?? {}, (key, value) =>
    key === "value" || key === "private_metadata" ? undefined : value,
  );
}

/** The walkthrough question message of a thread, as last posted or updated, with its ts. */
export interface QuestionMessage {
  ts: string;
  args: Json;
  /** Index in fake.history of the call that drew it. */
  index: number;
}

/**
 * The walkthrough's live question message in a thread: the postMessage that created it (its ts is
 * what the fake answered) and its latest chat.update. Undefined until the post has been answered.
 */
export function questionMessage(fake: FakeSlack, threadTs: string): QuestionMessage | undefined {
  const history = fake.history;
  const posted = history.find(
    (c) =>
      c.method === "chat.postMessage" &&
      c.args.thread_ts === threadTs &&
      shown(c.args).includes("decide_answer"),
  );
  const ts = posted?.result?.ts;
  if (!posted || typeof ts !== "string") return undefined;
  let latest: QuestionMessage = { ts, args: posted.args, index: history.indexOf(posted) };
  history.forEach((c, index) => {
    if (c.method === "chat.update" && c.args.ts === ts) latest = { ts, args: c.args, index };
  });
  return latest;
}

/** The ts the fake gave the first postMessage matching `match`. */
export function postedTs(fake: FakeSlack, match: (call: FakeCall) => boolean): string | undefined {
  const ts = fake.history.find((c) => c.method === "chat.postMessage" && match(c))?.result?.ts;
  return typeof ts === "string" ? ts : undefined;
}

/** The arguments of the `method` calls made after history index `after` that `match` them. */
function callsAfter(
  fake: FakeSlack,
  method: string,
  after: number,
  match: (args: Json) => boolean,
): Json[] {
  return fake.history
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => i > after && c.method === method && match(c.args))
    .map(({ c }) => c.args);
}

/** chat.update calls of one message made after history index `after`. */
export function updatesOf(fake: FakeSlack, ts: string, after = -1): Json[] {
  return callsAfter(fake, "chat.update", after, (args) => args.ts === ts);
}

export function ephemeralsTo(fake: FakeSlack, user: string, after = -1): Json[] {
  return callsAfter(fake, "chat.postEphemeral", after, (args) => args.user === user);
}

export function postsIn(fake: FakeSlack, threadTs: string, after = -1): Json[] {
  return callsAfter(fake, "chat.postMessage", after, (args) => args.thread_ts === threadTs);
}

/** The option buttons (decide_answer_N) of a question message. */
export function optionButtons(payload: Json | undefined): Button[] {
  const blocks = (payload?.blocks as Json[] | undefined) ?? [];
  return blocks
    .filter((b) => b.type === "actions")
    .flatMap((b) => (b.elements as Json[] | undefined) ?? [])
    .filter((e) => String(e.action_id).startsWith("decide_answer_"))
    .map((e) => ({ action_id: String(e.action_id), value: String(e.value) }));
}

export function optionButton(payload: Json | undefined, index: number): Button {
  const buttons = optionButtons(payload);
  const b = buttons[index] ?? buttons[0];
  if (!b) throw new Error(`no option buttons in ${shown(payload).slice(0, 2000)}`);
  return b;
}
