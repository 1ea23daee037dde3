import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningBot, start } from "../../src/main.js";
import { FakeSlack, GOOD_TOKEN } from "../support/fake-slack.js";
import { appMentionBody } from "../support/slack-requests.js";
import { postSigned } from "../support/slack-signing.js";

/**
 * A bot inside a company network reaches Slack through its proxy: HTTP_PROXY (here, for the
 * plain-HTTP fake Slack) routes every Web API call through it.
 */

interface Proxy {
  server: Server;
  url: string;
  /** The absolute-form request targets the proxy forwarded. */
  seen: string[];
}

/** A minimal forward proxy for plain HTTP: absolute-form request line in, the same request out. */
async function startProxy(): Promise<Proxy> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const target = new URL(req.url ?? "/");
    seen.push(target.href);
    const upstream = request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, seen };
}

let fake: FakeSlack;
let proxy: Proxy;
let dataDir: string;
beforeAll(async () => {
  fake = await new FakeSlack().start();
  proxy = await startProxy();
  dataDir = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-proxy-"));
});
afterAll(async () => {
  await fake.stop();
  await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe("HTTP_PROXY", () => {
  it("sends the token check and the reply to a mention through the proxy", async () => {
    const running: RunningBot = await start({
      SLACK_BOT_TOKEN: GOOD_TOKEN,
      SLACK_SIGNING_SECRET: "proxy-secret",
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATA_DIR: dataDir,
      LOG_LEVEL: "error",
      HTTP_PROXY: proxy.url,
      NO_PROXY: "",
    });
    try {
      expect(proxy.seen.some((u) => u.endsWith("/auth.test"))).toBe(true);
      const res = await postSigned(
        `http://127.0.0.1:${running.port}/slack/events`,
        "proxy-secret",
        appMentionBody({
          text: "does ECS have CronJobs?",
          user: "U0PROXY01",
          channel: "C0PROXY01",
          ts: "1700000000.000100",
          eventId: "Ev0PROXY01",
          eventTime: 1_700_000_000,
        }),
        "application/json",
      );
      expect(res.status).toBe(200);
      await vi.waitUntil(() => fake.callsTo("chat.postMessage").length > 0, { timeout: 5000 });
      expect(proxy.seen.some((u) => u.endsWith("/chat.postMessage"))).toBe(true);
      // Every call the fake Slack received came through the proxy.
      expect(proxy.seen.filter((u) => u.startsWith(fake.apiUrl)).length).toBe(fake.calls.length);
    } finally {
      await running.stop();
    }
  });

  it("goes direct when NO_PROXY names Slack's host", async () => {
    const before = proxy.seen.length;
    const authTestsBefore = fake.callsTo("auth.test").length;
    const running = await start({
      SLACK_BOT_TOKEN: GOOD_TOKEN,
      SLACK_SIGNING_SECRET: "proxy-secret",
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATA_DIR: dataDir,
      LOG_LEVEL: "error",
      HTTP_PROXY: proxy.url,
      NO_PROXY: "127.0.0.1",
    });
    await running.stop();
    expect(proxy.seen.length).toBe(before);
    expect(fake.callsTo("auth.test").length).toBeGreaterThan(0);
    // This bot's own auth.test reached the fake directly (an earlier test already called it).
    expect(fake.callsTo("auth.test").length).toBeGreaterThan(authTestsBefore);
  });
});
