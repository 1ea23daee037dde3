import { type ChildProcess, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BOT_USER_ID, type FakeCall, type FakeSlack, GOOD_TOKEN, TEAM_ID } from "./fake-slack.js";
import { formBody, postSigned, type SlackHttpResponse } from "./slack-signing.js";

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
  const body = formBody({
    token: "legacy",
    team_id: TEAM_ID,
    team_domain: "fake",
    channel_id: opts.channel ?? CHANNEL,
    channel_name: "general",
    user_id: opts.user ?? USER,
    user_name: "someone",
    command: "/ecs-vs-eks",
    text,
    api_app_id: "A0APP0001",
    response_url: fake.responseUrl(),
    trigger_id: "1337.42.abcdef",
  });
  return postSigned(events(bot), SIGNING_SECRET, body, "application/x-www-form-urlencoded");
}

export interface MentionOptions {
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
  eventId?: string;
  retry?: number;
}

/** The JSON body of an app_mention event_callback. */
export function mentionBody(text: string, opts: MentionOptions = {}): string {
  counter += 1;
  const ts = opts.ts ?? nextTs();
  return JSON.stringify({
    token: "legacy",
    team_id: TEAM_ID,
    api_app_id: "A0APP0001",
    type: "event_callback",
    event_id: opts.eventId ?? `Ev0PROC${process.pid}x${counter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
    event: {
      type: "app_mention",
      user: opts.user ?? USER,
      text: `<@${BOT_USER_ID}> ${text}`,
      ts,
      channel: opts.channel ?? CHANNEL,
      event_ts: ts,
      ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
    },
  });
}

export function mention(
  bot: BotProcess,
  text: string,
  opts: MentionOptions = {},
): Promise<SlackHttpResponse> {
  const headers: Record<string, string> =
    opts.retry !== undefined
      ? { "X-Slack-Retry-Num": String(opts.retry), "X-Slack-Retry-Reason": "http_timeout" }
      : {};
  return postSigned(
    events(bot),
    SIGNING_SECRET,
    mentionBody(text, opts),
    "application/json",
    headers,
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
  const channel = opts.channel ?? CHANNEL;
  const payload = {
    type: "block_actions",
    team: { id: TEAM_ID, domain: "fake" },
    user: { id: opts.user ?? USER, username: "someone", team_id: TEAM_ID },
    api_app_id: "A0APP0001",
    token: "legacy",
    trigger_id: "1337.42.abcdef",
    response_url: fake.responseUrl(),
    container: {
      type: "message",
      message_ts: opts.messageTs,
      channel_id: channel,
      is_ephemeral: false,
      thread_ts: opts.threadTs,
    },
    channel: { id: channel, name: "general" },
    message: {
      type: "message",
      ts: opts.messageTs,
      text: "x",
      user: BOT_USER_ID,
      thread_ts: opts.threadTs,
    },
    actions: [
      {
        type: "button",
        action_id: button.action_id,
        block_id: "b",
        value: button.value,
        text: { type: "plain_text", text: "x" },
        action_ts: "1",
      },
    ],
  };
  return postSigned(
    events(bot),
    SIGNING_SECRET,
    formBody({ payload: JSON.stringify(payload) }),
    "application/x-www-form-urlencoded",
  );
}

export interface Health {
  status: number;
  body: Json;
}

/** GET /healthz; rejects when nothing answers (connection refused). */
export async function healthz(bot: BotProcess): Promise<Health> {
  const res = await fetch(`${bot.url}/healthz`);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
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

/** chat.update calls of one message made after history index `after`. */
export function updatesOf(fake: FakeSlack, ts: string, after = -1): Json[] {
  return fake.history
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => i > after && c.method === "chat.update" && c.args.ts === ts)
    .map(({ c }) => c.args);
}

export function ephemeralsTo(fake: FakeSlack, user: string, after = -1): Json[] {
  return fake.history
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => i > after && c.method === "chat.postEphemeral" && c.args.user === user)
    .map(({ c }) => c.args);
}

export function postsIn(fake: FakeSlack, threadTs: string, after = -1): Json[] {
  return fake.history
    .map((c, i) => ({ c, i }))
    .filter(
      ({ c, i }) => i > after && c.method === "chat.postMessage" && c.args.thread_ts === threadTs,
    )
    .map(({ c }) => c.args);
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
