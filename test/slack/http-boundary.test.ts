import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningBot, start } from "../../src/main.js";
import { FakeSlack, GOOD_TOKEN } from "../support/fake-slack.js";
import { formBody, signatureHeaders } from "../support/slack-signing.js";

/**
 * The HTTP boundary through the real receiver: what is refused, when, and that the bot keeps
 * answering afterwards. Nothing here may reach a listener, log a stack or end the process.
 */

const SECRET = "boundary-secret";
let fake: FakeSlack;
let dataDir: string;
let running: RunningBot;
const logged: string[] = [];
const logger = {
  debug: () => {},
  info: () => {},
  warn: (...m: unknown[]) => logged.push(m.map(String).join(" ")),
  error: (...m: unknown[]) => logged.push(m.map(String).join(" ")),
  setLevel: () => {},
  getLevel: () => "error" as never,
  setName: () => {},
};

beforeAll(async () => {
  fake = await new FakeSlack().start();
  dataDir = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-boundary-"));
  running = await start(
    {
      SLACK_BOT_TOKEN: GOOD_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATA_DIR: dataDir,
      LOG_LEVEL: "error",
    },
    { logger },
  );
});
afterAll(async () => {
  await running.stop();
  await fake.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const url = () => `http://127.0.0.1:${running.port}/slack/events`;
const now = () => Math.floor(Date.now() / 1000);

async function post(
  body: string,
  contentType: string,
  headers: Record<string, string> = signatureHeaders(SECRET, body),
): Promise<number> {
  const res = await fetch(url(), {
    method: "POST",
    headers: { "Content-Type": contentType, ...headers },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

/** Writes raw bytes on a fresh connection and returns the status line of the answer. */
function raw(request: string, keepOpen = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(running.port as number, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString();
      if (answer.includes("\r\n")) {
        resolve(answer.split("\r\n")[0] as string);
        socket.destroy();
      }
    });
    socket.on("error", reject);
    socket.write(request);
    if (!keepOpen) socket.end();
  });
}

const helpBody = () =>
  formBody({
    team_id: "T0BOUND01",
    channel_id: "C0BOUND01",
    user_id: "U0BOUND01",
    command: "/ecs-vs-eks",
    text: "help",
    response_url: fake.responseUrl(),
    trigger_id: "t",
  });

async function helpStillAnswers(): Promise<void> {
  const body = helpBody();
  const res = await fetch(url(), {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...signatureHeaders(SECRET, body),
    },
    body,
  });
  const text = await res.text();
  expect(res.status).toBe(200);
  // The help itself, acked in the response: what the bot does, and its Start button.
  expect(text).toContain("help_start");
  expect(text).toContain("/ecs-vs-eks decide");
}

describe("the HTTP boundary", () => {
  it("refuses a correctly signed request whose timestamp is in the future or too old", async () => {
    const body = helpBody();
    const form = "application/x-www-form-urlencoded";
    expect(await post(body, form, signatureHeaders(SECRET, body, now() + 86_400))).toBe(401);
    expect(await post(body, form, signatureHeaders(SECRET, body, now() + 301))).toBe(401);
    expect(await post(body, form, signatureHeaders(SECRET, body, now() - 301))).toBe(401);
    expect(await post(body, form, signatureHeaders(SECRET, body, now() + 30))).toBe(200);
  });

  it("answers 400 to signed bodies of the wrong shape, and keeps answering", async () => {
    const json = "application/json";
    const form = "application/x-www-form-urlencoded";
    for (const body of ["null", "[]", '"text"', "42", "{}", '{"event":null}', "not json"]) {
      expect(await post(body, json), body).toBe(400);
    }
    for (const payload of ["null", "[]", "{", '{"type":"block_actions","actions":[{}]}']) {
      expect(await post(formBody({ payload }), form), payload).toBe(400);
    }
    const noUser = JSON.stringify({
      type: "block_actions",
      actions: [{ action_id: "decide_answer", type: "button" }],
      team: null,
    });
    expect(await post(formBody({ payload: noUser }), form)).toBe(400);
    await helpStillAnswers();
    expect(logged.filter((l) => /TypeError|at .*\.js/.test(l))).toEqual([]);
  });

  it("answers 400 to a request line it cannot parse as a URL", async () => {
    expect(await raw("POST http://[junk/slack/events HTTP/1.1\r\nHost: x\r\n\r\n")).toMatch(
      / 400 /,
    );
    await helpStillAnswers();
  });

  it("refuses an unsigned or oversized body before reading it", async () => {
    const huge = 4_000_000;
    // Headers only: the answer comes while the body has not been sent.
    const unsigned = await raw(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${huge}\r\n\r\n`,
      true,
    );
    expect(unsigned).toMatch(/ 401 /);
    const signed = signatureHeaders(SECRET, "");
    const oversized = await raw(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${huge}\r\nX-Slack-Signature: ${signed["X-Slack-Signature"]}\r\nX-Slack-Request-Timestamp: ${signed["X-Slack-Request-Timestamp"]}\r\n\r\n`,
      true,
    );
    expect(oversized).toMatch(/ 413 /);
    await helpStillAnswers();
  });

  it("stops reading a chunked body at the cap", async () => {
    const signed = signatureHeaders(SECRET, "");
    const chunk = "x".repeat(64 * 1024);
    const chunks = Array.from({ length: 10 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const status = await raw(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Slack-Signature: ${signed["X-Slack-Signature"]}\r\nX-Slack-Request-Timestamp: ${signed["X-Slack-Request-Timestamp"]}\r\n\r\n${chunks.join("")}`,
      true,
    );
    expect(status).toMatch(/ 413 /);
    await helpStillAnswers();
  });

  it("still serves /healthz, and /readyz with the event loop's recent delay", async () => {
    const res = await fetch(`http://127.0.0.1:${running.port}/healthz`);
    expect(res.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${running.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ok", store: "ok", eventLoop: "ok" });
  });

  it("/readyz answers 503 after the event loop was blocked for seconds", async () => {
    const until = Date.now() + 1_500;
    while (Date.now() < until) {
      // A stalled disk under SQLite blocks the loop like this.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const ready = await fetch(`http://127.0.0.1:${running.port}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "not ready", eventLoop: "stalled" });
    // Liveness is about the process and its store: still fine.
    expect((await fetch(`http://127.0.0.1:${running.port}/healthz`)).status).toBe(200);
  });
});
