import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Logger } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { main, type RunningBot, start } from "../../src/main.js";
import { assertBlockKitLimits } from "../support/block-kit-limits.js";
import { APP_TOKEN, FakeSlack, GOOD_TOKEN } from "../support/fake-slack.js";
import {
  type FakeConnection,
  FakeSocketMode,
  type SocketAck,
} from "../support/fake-socket-mode.js";
import { CHANNEL, nextTs, shown, USER } from "../support/slack-harness.js";
import {
  appMentionBody,
  blockActionsBody,
  slashCommandBody,
  viewSubmissionBody,
} from "../support/slack-requests.js";
import { startValues } from "../support/start-modal.js";

/**
 * The real bot (start() / main() from src/main.ts) in Socket Mode: SLACK_APP_TOKEN set, the fake
 * Slack answering apps.connections.open with a local WebSocket (FakeSocketMode), Slack's envelopes
 * pushed over it and the bot's acks ({ envelope_id, payload }) read back. No internet, no HTTP port.
 */

type Json = Record<string, unknown>;
const DEADLINE_MS = 10_000;

/** Waits until `check` returns something truthy; fails with `what` once the deadline passes. */
async function waitFor<T>(
  what: string,
  check: () => T | undefined | null | false,
  ms = DEADLINE_MS,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `work`, or a clear failure naming `what` once the deadline passes. */
async function within<T>(what: string, work: Promise<T>, ms = DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A logger keeping warn and error lines (to check nothing leaks a token). */
function recordingLogger(lines: string[]): Logger {
  const keep = (...m: unknown[]) => {
    lines.push(m.map(String).join(" "));
  };
  return {
    debug: () => {},
    info: () => {},
    warn: keep,
    error: keep,
    setLevel: () => {},
    getLevel: () => "error" as never,
    setName: () => {},
  };
}

const blocksOf = (payload: Json | undefined) => (payload?.blocks as Json[] | undefined) ?? [];
const elements = (payload: Json | undefined) =>
  blocksOf(payload)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements as Json[]);

let fake: FakeSlack;
let socket: FakeSocketMode;
const dataDirs: string[] = [];
const logs: string[] = [];

function envFor(port: number): Record<string, string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-socket-"));
  dataDirs.push(dataDir);
  return {
    SLACK_BOT_TOKEN: GOOD_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    // Socket Mode must not listen on it: the tests check it stays closed.
    PORT: String(port),
    // Health, readiness and metrics get their own port in Socket Mode (any free one here).
    HEALTH_PORT: "0",
    DATA_DIR: dataDir,
    LOG_LEVEL: "error",
  };
}

beforeAll(async () => {
  fake = await new FakeSlack().start();
  socket = await new FakeSocketMode().start();
  fake.serveSocketMode(() => socket.connectUrl());
});

afterAll(async () => {
  await socket?.stop();
  await fake?.stop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  // Nothing the bot logged may show a token.
  expect(logs.join("\n")).not.toMatch(/xapp-|xoxb-/);
  expect(socket.unexpected).toEqual([]);
});

describe("Socket Mode, end to end", () => {
  let running: RunningBot | undefined;
  let port = 0;
  let connection: FakeConnection;
  /** Ack payloads of the current test, checked against Block Kit's limits after it. */
  const ackPayloads: Json[] = [];

  beforeAll(async () => {
    port = await freePort();
    running = await start(envFor(port), { logger: recordingLogger(logs) });
    connection = await waitFor("the bot's WebSocket connection", () => socket.open()[0]);
  });

  afterAll(async () => {
    await running?.stop();
  });

  afterEach(() => {
    try {
      assertBlockKitLimits(fake, ackPayloads);
    } finally {
      fake.reset();
      ackPayloads.length = 0;
    }
  });

  const bot = () => {
    if (!running) throw new Error("the bot did not start");
    return running;
  };

  /** Sends an envelope, waits for its ack and for the bot to finish the work it started. */
  async function deliver(
    type: "slash_commands" | "events_api" | "interactive",
    payload: Json,
    opts: { retryAttempt?: number; retryReason?: string; envelopeId?: string } = {},
  ): Promise<SocketAck> {
    const id = socket.send(type, payload, opts);
    const ack = await within(`the ack of ${type} envelope ${id}`, socket.ackOf(id));
    if (ack.payload) ackPayloads.push(ack.payload);
    await within("the bot to finish its work", bot().bot.idle());
    return ack;
  }

  const slash = (text: string, channel = CHANNEL) =>
    deliver(
      "slash_commands",
      Object.fromEntries(
        new URLSearchParams(
          slashCommandBody({ text, user: USER, channel, responseUrl: fake.responseUrl() }),
        ),
      ),
    );

  const mention = (
    text: string,
    o: { ts: string; eventId: string; retryAttempt?: number; threadTs?: string },
  ) =>
    deliver(
      "events_api",
      JSON.parse(
        appMentionBody({
          text,
          user: USER,
          channel: CHANNEL,
          ts: o.ts,
          threadTs: o.threadTs,
          eventId: o.eventId,
          eventTime: Math.floor(Date.now() / 1000),
        }),
      ) as Json,
      o.retryAttempt !== undefined ? { retryAttempt: o.retryAttempt, retryReason: "timeout" } : {},
    );

  const click = (
    button: Json,
    o: { channel: string; messageTs: string; threadTs?: string; ephemeral?: boolean },
  ) => {
    const form = new URLSearchParams(
      blockActionsBody({
        actionId: String(button.action_id),
        value: String(button.value),
        user: USER,
        channel: o.channel,
        messageTs: o.messageTs,
        threadTs: o.threadTs,
        ephemeral: o.ephemeral,
        responseUrl: fake.responseUrl(),
      }),
    );
    return deliver("interactive", JSON.parse(form.get("payload") ?? "{}") as Json);
  };

  it("checks the bot token, connects with the app-level token, and opens no HTTP port", async () => {
    expect(bot().mode).toBe("socket");
    expect(bot().port).toBeUndefined();
    const opens = fake.history.filter((c) => c.method === "apps.connections.open");
    expect(opens).toHaveLength(1);
    expect(opens[0]?.token).toBe(APP_TOKEN);
    const authTests = fake.history.filter((c) => c.method === "auth.test");
    expect(authTests.map((c) => c.token)).toEqual([GOOD_TOKEN]);
    expect(connection.path).toMatch(/^\/link\?ticket=/);
    // Nothing listens on PORT (nor anywhere else for Slack): Socket Mode needs no public URL.
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch((err: unknown) => err);
    expect(res).toBeInstanceOf(Error);
    // The bot answers Slack's ping (the fake pings right after hello).
    await waitFor("a pong to the fake Slack's ping", () => connection.pongs > 0);
  });

  it("/ecs-vs-eks help is answered in the ack payload: ephemeral, with blocks and buttons", async () => {
    const ack = await slash("help");
    expect(ack.payload?.response_type).toBe("ephemeral");
    expect(ack.payload?.text).toMatch(/ECS or EKS/);
    expect(shown(ack.payload)).toContain("/ecs-vs-eks decide");
    expect(elements(ack.payload).map((e) => e.action_id)).toEqual(["help_start", "help_matrix"]);
    // Answered in the ack itself: no Web API call, no response_url post.
    expect(fake.calls).toEqual([]);
    expect(fake.responsePosts).toEqual([]);
  });

  it("after `lang ja`, help is answered in Japanese", async () => {
    const set = await slash("lang ja", "C0JAPAN001");
    expect(set.payload?.text).toContain("わかりました");
    const ack = await slash("help", "C0JAPAN001");
    expect(ack.payload?.response_type).toBe("ephemeral");
    expect(ack.payload?.text).toContain("ECS か EKS か");
    expect(shown(ack.payload)).toContain("意思決定を始める");
  });

  it("a question is answered with the capability card in the ack payload", async () => {
    const ack = await slash("Does ECS have something like Kubernetes Secrets?");
    expect(ack.payload?.response_type).toBe("ephemeral");
    const text = shown(ack.payload);
    expect(text).toContain("`secrets`");
    expect(text).toContain("Amazon ECS");
    expect(elements(ack.payload)[0]?.action_id).toBe("answer_share");
    expect(fake.responsePosts).toEqual([]);
  });

  it("an app_mention is acked and answered in the mention's thread", async () => {
    const ts = nextTs();
    const ack = await mention("How do I run a cron job on ECS?", { ts, eventId: "Ev0SOCK0001" });
    expect(ack.payload ?? {}).toEqual({});
    const posts = fake.posts(CHANNEL);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.thread_ts).toBe(ts);
    expect(shown(posts[0])).toContain("`scheduled-jobs`");
    expect(shown(posts[0])).toContain(`<@${USER}> asked`);
    expect(fake.callsTo("chat.postMessage")[0]?.token).toBe(GOOD_TOKEN);
  });

  it("the same event delivered twice (the second a retry) is acked twice and answered once", async () => {
    const ts = nextTs();
    const first = await mention("secrets", { ts, eventId: "Ev0SOCKDUP1" });
    const retry = await mention("secrets", { ts, eventId: "Ev0SOCKDUP1", retryAttempt: 1 });
    expect(first.envelope_id).not.toBe(retry.envelope_id);
    expect(fake.posts()).toHaveLength(1);
    expect(fake.posts()[0]?.thread_ts).toBe(ts);
  });

  it("block_actions: help's Start button starts a walkthrough, and its option buttons answer", async () => {
    const help = await slash("help", "C0HELP0001");
    const startButton = elements(help.payload).find((e) => e.action_id === "help_start");
    if (!startButton) throw new Error(`no help_start in ${shown(help.payload)}`);
    const started = await click(startButton, {
      channel: "C0HELP0001",
      messageTs: nextTs(),
      ephemeral: true,
    });
    expect(started.payload ?? {}).toEqual({});
    // It opens the start modal; submitted as drawn (view_submission), the walkthrough starts.
    const modal = fake.callsTo("views.open").at(-1)?.args.view as Json;
    const submission = new URLSearchParams(
      viewSubmissionBody({ view: modal, values: startValues(modal) as never, user: USER }),
    );
    const submitted = await deliver(
      "interactive",
      JSON.parse(submission.get("payload") ?? "{}") as Json,
    );
    expect(submitted.payload ?? {}).toEqual({});
    const [root, question] = fake.posts("C0HELP0001");
    expect(root?.thread_ts).toBeUndefined();
    expect(question?.thread_ts).toBeDefined();
    const total = bot().bot.deps.walkthrough.questions.length;
    expect(shown(question)).toContain(`Question 1 of ${total}`);

    const rootTs = String(question?.thread_ts);
    const questionTs = String(
      fake.callsTo("chat.postMessage").find((c) => c.args === question)?.result?.ts,
    );
    const option = elements(question).find((e) => String(e.action_id).startsWith("decide_answer_"));
    if (!option) throw new Error(`no option button in ${shown(question)}`);
    const answered = await click(option, {
      channel: "C0HELP0001",
      messageTs: questionTs,
      threadTs: rootTs,
    });
    expect(answered.payload ?? {}).toEqual({});
    const update = fake.callsTo("chat.update").at(-1)?.args;
    expect(update?.channel).toBe("C0HELP0001");
    expect(shown(update)).toContain("Question 2 of");
    expect(shown(update)).toContain(`<@${USER}> answered`);
  });

  it("reconnects when Slack asks it to, with a new apps.connections.open, and keeps answering", async () => {
    const opensBefore = fake.history.filter((c) => c.method === "apps.connections.open").length;
    const old = connection;
    socket.requestDisconnect();
    // SocketModeClient closes the old socket, waits (its clientPingTimeout, 5 s), then reconnects.
    await within("the old connection to close", old.closed);
    connection = await waitFor("a new connection", () => socket.open().find((c) => c !== old));
    expect(fake.history.filter((c) => c.method === "apps.connections.open")).toHaveLength(
      opensBefore + 1,
    );
    const ack = await slash("help");
    expect(ack.payload?.text).toMatch(/ECS or EKS/);
  });

  it("serves /healthz, /readyz (Slack connected) and /metrics (reconnects counted) on HEALTH_PORT", async () => {
    const base = `http://127.0.0.1:${bot().healthPort}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ok", slack: "connected", store: "ok" });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^ecs_vs_eks_socket_mode_connected 1$/m);
    // The reconnect of the test above was counted.
    expect(metrics).toMatch(/^ecs_vs_eks_socket_mode_reconnects_total [1-9]/m);
    expect(metrics).toMatch(/ecs_vs_eks_requests_total\{kind="command",outcome="ok"\} [1-9]/);
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
  });

  it("ignores malformed frames (acking those with an envelope id) and keeps the connection", async () => {
    const conn = socket.current();
    const bad: unknown[] = [
      null,
      [],
      "not json at all",
      { type: "events_api", envelope_id: "bad-no-event", payload: { type: "event_callback" } },
      { type: "events_api", envelope_id: "bad-null-payload", payload: null },
      {
        type: "interactive",
        envelope_id: "bad-action",
        payload: { type: "block_actions", actions: [{}] },
      },
      { type: "slash_commands", envelope_id: "bad-command", payload: { text: "help" } },
      { type: "something_new", envelope_id: "bad-unknown", payload: {} },
    ];
    const acked = ["bad-no-event", "bad-null-payload", "bad-action", "bad-command", "bad-unknown"];
    const acks = acked.map((id) => socket.ackOf(id));
    for (const frame of bad) {
      conn.socket.send(typeof frame === "string" ? frame : JSON.stringify(frame));
    }
    conn.socket.send(Buffer.from([0, 1, 2, 3]));
    // Acked with an empty payload, so Slack does not send them again; nothing else happened.
    for (const ack of await within("the acks of the malformed envelopes", Promise.all(acks))) {
      expect(ack.payload ?? {}).toEqual({});
    }
    expect(socket.current()).toBe(conn);
    const help = await slash("help");
    expect(help.payload?.text).toMatch(/ECS or EKS/);
    expect(fake.callsTo("chat.postMessage")).toEqual([]);
  });
});

describe("Socket Mode start and stop", () => {
  it("stop() closes the socket cleanly, finishes the work in flight, then resolves", async () => {
    const running = await start(envFor(await freePort()), { logger: recordingLogger(logs) });
    try {
      const conn = await waitFor("the bot's WebSocket connection", () => socket.open()[0]);
      // A mention whose reply is still being posted when the stop comes.
      const held = fake.hold("chat.postMessage");
      const ts = nextTs();
      const id = socket.send(
        "events_api",
        JSON.parse(
          appMentionBody({
            text: "secrets",
            user: USER,
            channel: "C0STOP0001",
            ts,
            eventId: "Ev0SOCKSTOP",
            eventTime: Math.floor(Date.now() / 1000),
          }),
        ) as Json,
      );
      await within("the ack of the mention", socket.ackOf(id));
      await waitFor("the reply to be on its way", () => held.arrived());
      let stopped = false;
      const stopping = running.stop().then(() => {
        stopped = true;
      });
      // The socket closes at once (normal closure): Slack sends new work to other connections...
      expect(await within("the socket to close", conn.closed)).toBe(1000);
      // ...but stop() waits for the reply in flight.
      expect(stopped).toBe(false);
      held.release();
      await within("stop()", stopping);
      expect(fake.posts("C0STOP0001").map((p) => p.thread_ts)).toEqual([ts]);
      expect(socket.open()).toEqual([]);
    } finally {
      await running.stop();
    }
  });

  it("stop() has closed the socket when it resolves", async () => {
    const running = await start(envFor(await freePort()), { logger: recordingLogger(logs) });
    try {
      const conn = await waitFor("the bot's WebSocket connection", () => socket.open()[0]);
      await within("stop()", running.stop());
      // The bot's close frame reached Slack and was answered before stop() resolved...
      expect(conn.socket.readyState).not.toBe(conn.socket.OPEN);
      // ...a normal closure (1000), not a reset.
      expect(await within("the socket to close", conn.closed)).toBe(1000);
      expect(socket.open()).toEqual([]);
    } finally {
      await running.stop();
    }
  });

  it("a refused app-level token stops start-up with one line naming SLACK_APP_TOKEN", async () => {
    const lines: string[] = [];
    const port = await freePort();
    const code = await main(
      { ...envFor(port), SLACK_APP_TOKEN: "xapp-1-revoked-token" },
      { stderr: (l) => lines.push(l), stdout: (l) => lines.push(l), onSignal: () => {} },
      { logger: recordingLogger([]) },
    );
    expect(code).toBe(1);
    expect(lines).toEqual([
      "ecs-vs-eks: Slack refused SLACK_APP_TOKEN (invalid_auth); check the app-level token (connections:write)",
    ]);
    expect(socket.open()).toEqual([]);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch((err: unknown) => err);
    expect(res).toBeInstanceOf(Error);
  });

  it("main() says it runs in Socket Mode, and on SIGTERM closes the socket and returns 0", async () => {
    const lines: string[] = [];
    let signal: ((s: string) => void) | undefined;
    const done = main(
      envFor(await freePort()),
      {
        stderr: (l) => lines.push(l),
        stdout: (l) => lines.push(l),
        onSignal: (h) => {
          signal = h;
        },
      },
      { logger: recordingLogger(logs) },
    );
    const conn = await waitFor("the bot's WebSocket connection", () => socket.open()[0]);
    const stop = await waitFor("main() to register its signal handler", () => signal);
    expect(lines[0]).toMatch(
      /^ecs-vs-eks is running \(Socket Mode; \/healthz, \/readyz and \/metrics on port \d+\)$/,
    );
    stop("SIGTERM");
    expect(await within("main() to return", done)).toBe(0);
    expect(conn.socket.readyState).not.toBe(conn.socket.OPEN);
    expect(await within("the socket to close", conn.closed)).toBe(1000);
    expect(lines).toContain("ecs-vs-eks: SIGTERM received, finishing requests in flight");
  });
});
