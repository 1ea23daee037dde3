import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { main, start } from "../../src/main.js";
import { FakeSlack, GOOD_TOKEN } from "../support/fake-slack.js";
import { formBody, postSigned } from "../support/slack-signing.js";

let fake: FakeSlack;
let dataDir: string;
beforeAll(async () => {
  fake = await new FakeSlack().start();
  dataDir = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-main-"));
});
afterAll(async () => {
  await fake.stop();
  rmSync(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  fake.reset();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function baseEnv(port: number): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: GOOD_TOKEN,
    SLACK_SIGNING_SECRET: "main-secret",
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: "error",
  };
}

/** Captures everything written to the console while fn runs. */
async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; output: string[] }> {
  const output: string[] = [];
  const grab = (...args: unknown[]) => {
    output.push(args.map(String).join(" "));
  };
  for (const m of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, m).mockImplementation(grab);
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    output.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    output.push(String(chunk));
    return true;
  });
  const result = await fn();
  vi.restoreAllMocks();
  return { result, output };
}

const noSignals = { onSignal: () => {} };

describe("configuration", () => {
  it("names every missing variable in one line and points to .env.example", async () => {
    const lines: string[] = [];
    const { result, output } = await captureOutput(() =>
      main({}, { stderr: (l) => lines.push(l), stdout: (l) => lines.push(l), ...noSignals }),
    );
    expect(result).toBe(1);
    expect(lines).toEqual([
      "ecs-vs-eks: missing SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode); copy .env.example to .env and fill them in",
    ]);
    expect(output).toEqual([]);
  });

  it("counts a blank variable as missing, and needs no signing secret in Socket Mode", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: " ", SLACK_SIGNING_SECRET: "s" })).toThrow(
      /^missing SLACK_BOT_TOKEN; copy .env.example to .env and fill them in$/,
    );
    expect(() => loadConfig({ SLACK_APP_TOKEN: "xapp-1-abc" })).toThrow(
      /^missing SLACK_BOT_TOKEN; copy/,
    );
    expect(() => loadConfig({ SLACK_BOT_TOKEN: GOOD_TOKEN })).toThrow(ConfigError);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: GOOD_TOKEN })).toThrow(
      /^missing SLACK_SIGNING_SECRET \(or SLACK_APP_TOKEN for Socket Mode\); copy/,
    );
  });

  it("names a malformed variable", () => {
    expect(() =>
      loadConfig({ SLACK_BOT_TOKEN: GOOD_TOKEN, SLACK_SIGNING_SECRET: "s", PORT: "eighty" }),
    ).toThrow(/^PORT must be a port number$/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxp-user", SLACK_SIGNING_SECRET: "s" })).toThrow(
      /^SLACK_BOT_TOKEN must be a bot token/,
    );
    expect(() =>
      loadConfig({ SLACK_BOT_TOKEN: GOOD_TOKEN, SLACK_SIGNING_SECRET: "s", DEFAULT_LANG: "fr" }),
    ).toThrow(/^DEFAULT_LANG /);
    expect(() =>
      loadConfig({
        SLACK_BOT_TOKEN: GOOD_TOKEN,
        SLACK_SIGNING_SECRET: "s",
        DECISIONS_CHANNEL: "#general",
      }),
    ).toThrow(/^DECISIONS_CHANNEL must be a channel id/);
  });

  it("names the missing and the malformed variables together", () => {
    expect(() => loadConfig({ SLACK_APP_TOKEN: "xapp-1-abc", PORT: "eighty" })).toThrow(
      /^missing SLACK_BOT_TOKEN; PORT must be a port number; copy .env.example to .env and fill them in$/,
    );
  });

  it("chooses Socket Mode when SLACK_APP_TOKEN is set, with defaults for the rest", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: GOOD_TOKEN, SLACK_APP_TOKEN: "xapp-1-abc" });
    expect(config.appToken).toBe("xapp-1-abc");
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe("./var");
    expect(config.matrixMaxAgeDays).toBe(180);
    expect(config.defaultLang).toBe("en");
  });
});

describe("start-up", () => {
  it("exits with one clear line and never listens when Slack refuses the token", async () => {
    const port = await freePort();
    const lines: string[] = [];
    const env = { ...baseEnv(port), SLACK_BOT_TOKEN: "xoxb-refused-token" };
    const { result, output } = await captureOutput(() =>
      main(env, { stderr: (l) => lines.push(l), stdout: (l) => lines.push(l), ...noSignals }),
    );
    expect(result).toBe(1);
    expect(lines).toEqual([
      "ecs-vs-eks: Slack refused SLACK_BOT_TOKEN (invalid_auth); check the bot token",
    ]);
    expect(output.join("")).not.toContain("xoxb-refused-token");
    expect(fake.callsTo("auth.test")).toHaveLength(1);
    // Nothing is listening on the port.
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch((err: unknown) => err);
    expect(res).toBeInstanceOf(Error);
  });

  it("gives up with one clear line, never listening, when Slack cannot be reached", async () => {
    const port = await freePort();
    const closed = await freePort();
    const lines: string[] = [];
    const env = { ...baseEnv(port), SLACK_API_URL: `http://127.0.0.1:${closed}/api/` };
    const { result } = await captureOutput(() =>
      main(
        env,
        { stderr: (l) => lines.push(l), stdout: (l) => lines.push(l), ...noSignals },
        { initTimeoutMs: 300 },
      ),
    );
    expect(result).toBe(1);
    expect(lines).toEqual([
      `ecs-vs-eks: Could not reach Slack at http://127.0.0.1:${closed}/api/ within 300 ms to check SLACK_BOT_TOKEN; check the network (and SLACK_API_URL)`,
    ]);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch((err: unknown) => err);
    expect(res).toBeInstanceOf(Error);
  });

  it("checks the token before opening the port, serves Slack and /healthz, and stops cleanly", async () => {
    const running = await start(baseEnv(0));
    try {
      expect(running.mode).toBe("http");
      expect(fake.callsTo("auth.test")).toHaveLength(1);
      const health = await fetch(`http://127.0.0.1:${running.port}/healthz`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { status: string }).status).toBe("ok");
      const body = formBody({
        team_id: "T1",
        channel_id: "C1",
        user_id: "U1",
        command: "/ecs-vs-eks",
        text: "matrix",
        response_url: fake.responseUrl(),
        trigger_id: "t",
      });
      const res = await postSigned(
        `http://127.0.0.1:${running.port}/slack/events`,
        "main-secret",
        body,
        "application/x-www-form-urlencoded",
      );
      expect(res.status).toBe(200);
      expect(res.json?.response_type).toBe("ephemeral");
    } finally {
      await running.stop();
    }
    const after = await fetch(`http://127.0.0.1:${running.port}/healthz`).catch(
      (err: unknown) => err,
    );
    expect(after).toBeInstanceOf(Error);
  });

  it("main() runs until SIGTERM, then stops and returns 0", async () => {
    const lines: string[] = [];
    let signal: ((s: string) => void) | undefined;
    const done = main(baseEnv(0), {
      stderr: (l) => lines.push(l),
      stdout: (l) => lines.push(l),
      onSignal: (h) => {
        signal = h;
      },
    });
    await vi.waitUntil(() => signal !== undefined);
    signal?.("SIGTERM");
    expect(await done).toBe(0);
    expect(lines[0]).toMatch(/^ecs-vs-eks is running \(HTTP on port \d+/);
  });
});
