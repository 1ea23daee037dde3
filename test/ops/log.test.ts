import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start } from "../../src/main.js";
import { createLogger, requestContext } from "../../src/ops/log.js";
import { APP_TOKEN, FakeSlack, GOOD_TOKEN } from "../support/fake-slack.js";
import { FakeSocketMode } from "../support/fake-socket-mode.js";
import { appMentionBody } from "../support/slack-requests.js";

/** Collects what a logger writes, one parsed JSON object a line. */
function sink() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return {
    lines,
    destination,
    json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const SECRET = "s3cr3t-signing-secret-value";
const DB = "postgres://bot:hunter2-db-password@db.internal:5432/bot";

describe("structured logs", () => {
  it("writes one JSON object a line, with the level and the request id of the work being done", () => {
    const out = sink();
    const logger = createLogger({
      level: "info",
      format: "json",
      secrets: [],
      destination: out.destination,
    });
    logger.info("outside any request");
    requestContext.run({ requestId: "Ev0ABC123" }, () => logger.warn("inside", { n: 1 }));
    logger.debug("below the level");
    const [first, second] = out.json();
    expect(out.lines).toHaveLength(2);
    expect(first).toMatchObject({ level: "info", msg: "outside any request", app: "ecs-vs-eks" });
    expect(first?.requestId).toBeUndefined();
    expect(second).toMatchObject({ level: "warn", msg: 'inside {"n":1}', requestId: "Ev0ABC123" });
  });

  it("never prints a token, the signing secret, a database password or a Socket Mode ticket", () => {
    const out = sink();
    const logger = createLogger({
      level: "debug",
      format: "json",
      secrets: [GOOD_TOKEN, APP_TOKEN, SECRET, DB],
      destination: out.destination,
    });
    logger.debug(`token ${GOOD_TOKEN} and xoxb-9999-other-token and ${APP_TOKEN}`);
    logger.info({ signingSecret: SECRET, url: DB });
    logger.warn("connecting to wss://wss-primary.slack.com/link/?ticket=abc-123&app_id=A1");
    logger.error(new Error(`failed with postgres://u:pa55word@h/db`));
    const text = out.lines.join("\n");
    for (const leaked of ["xoxb-", "xapp-", SECRET, "hunter2", "pa55word", "ticket=abc"]) {
      expect(text).not.toContain(leaked);
    }
    expect(text).toContain("wss://wss-primary.slack.com/link/?[redacted]");
  });
});

describe("the bot's own debug lines, in Socket Mode", () => {
  let fake: FakeSlack;
  let socket: FakeSocketMode;
  let dataDir: string;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    socket = await new FakeSocketMode().start();
    fake.serveSocketMode(() => socket.connectUrl());
    dataDir = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-log-"));
  });
  afterAll(async () => {
    await socket.stop();
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("carry no token and no connection ticket at LOG_LEVEL=debug", async () => {
    const out = sink();
    const env = {
      SLACK_BOT_TOKEN: GOOD_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: fake.apiUrl,
      HEALTH_PORT: "0",
      DATA_DIR: dataDir,
      LOG_LEVEL: "debug",
    };
    const logger = createLogger({
      level: "debug",
      format: "json",
      secrets: [GOOD_TOKEN, APP_TOKEN],
      destination: out.destination,
    });
    const running = await start(env, { logger });
    try {
      const id = socket.send(
        "events_api",
        JSON.parse(
          appMentionBody({
            text: "does ECS have CronJobs?",
            user: "U0LOG00001",
            channel: "C0LOG00001",
            ts: "1700000000.000100",
            eventId: "Ev0LOG0001",
            eventTime: 1_700_000_000,
          }),
        ) as Record<string, unknown>,
      );
      await socket.ackOf(id);
      await running.bot.idle();
    } finally {
      await running.stop();
    }
    const text = out.lines.join("\n");
    expect(out.lines.length).toBeGreaterThan(10);
    expect(text).toMatch(/http request url/i);
    expect(text).not.toContain("xoxb-");
    expect(text).not.toContain("xapp-");
    expect(text).not.toContain("fake-ticket");
    // Lines written while handling the mention carry its event id.
    expect(out.json().some((l) => l.requestId === "Ev0LOG0001")).toBe(true);
  });
});
