import { App, type Logger, type Receiver } from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import type { Dispatcher } from "undici";
import type { Config } from "./config.js";
import { createAnswerer } from "./core/answer/index.js";
import { type ChangeLog, loadChanges } from "./core/changes/index.js";
import { type Clock, systemClock } from "./core/clock.js";
import { loadMatrix, type Matrix } from "./core/matrix/index.js";
import { loadWalkthrough, type WalkthroughDef } from "./core/walkthrough/index.js";
import type { Status } from "./ops/endpoints.js";
import { requestContext } from "./ops/log.js";
import { type Metrics, requestKind } from "./ops/metrics.js";
import { COMMAND, type SlackDeps } from "./slack/deps.js";
import { describeError } from "./slack/errors.js";
import { registerListeners } from "./slack/listeners/index.js";
import { boltLogLevel } from "./slack/receivers.js";
import { STARTUP_JOBS, SWEEP_JOBS } from "./slack/schedule/jobs.js";
import { Sweeper } from "./slack/schedule/sweeper.js";
import { createDispatcher, fetchThrough } from "./slack/transport.js";
import { UserDirectory } from "./slack/users.js";
import type { Store } from "./store/index.js";

export interface AppDeps {
  config: Config;
  store: Store;
  /** Socket Mode or HTTP: chosen by the caller (main.ts), never here. */
  receiver: Receiver;
  /**
   * The folder holding capabilities.yml, walkthrough.yml and changes.yml (default: the project's
   * data/).
   */
  dataDir?: string;
  matrix?: Matrix;
  walkthrough?: WalkthroughDef;
  /** The change log (default: changes.yml in the same folder as the matrix). */
  changes?: ChangeLog;
  logger?: Logger;
  /** The clock shared with the store (main.ts passes the same one to both). */
  now?: Clock;
  /** How Web API calls and respond() reach Slack (main.ts shares it with Socket Mode). */
  dispatcher?: Dispatcher;
  /** Requests, latencies and Slack API calls are counted here when given. */
  metrics?: Metrics;
  /** Extra Web API client options (tests turn retries off). */
  clientOptions?: WebClientOptions;
}

export interface BotApp {
  app: App;
  deps: SlackDeps;
  /** Calls auth.test with the bot token: rejects when Slack refuses it. Call before start(). */
  init(): Promise<void>;
  /** Resolves when every request being handled has finished (for tests and graceful stop). */
  idle(): Promise<void>;
  /** The store can write and the matrix is loaded (readiness builds on it). */
  health(): Promise<Status>;
  /**
   * The bot's own work: reminders when dates pass, the check of stored decisions against the facts
   * loaded now (src/slack/schedule). main.ts starts it once Slack is reachable; tests call sweep().
   */
  schedule: Sweeper;
}

/**
 * How the bot calls Slack. The client's defaults suit a batch job, not a person waiting: no timeout,
 * ten retries over about 30 minutes, and a 429 on one call pauses every call of the process for the
 * Retry-After. Here a call gives up after 5 s, a failure is retried twice within about a second, and a
 * rate-limited call fails alone (the listener tells the user) while other users' replies go on.
 */
export const WEB_API_POLICY = {
  timeout: 5_000,
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000, randomize: true },
  rejectRateLimitedCalls: true,
} as const satisfies WebClientOptions;

/** Counts requests in flight so a stop can wait for them, and tests can wait for the bot's work. */
class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  track<T>(work: Promise<T>): Promise<T> {
    this.count += 1;
    const done = () => {
      this.count -= 1;
      if (this.count === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const w of waiters) w();
      }
    };
    work.then(done, done);
    return work;
  }

  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/**
 * Builds the Slack app: Bolt with deferred initialization (auth.test happens in init(), awaited
 * before the port opens), the listeners, and a health check. Used by main.ts and the tests.
 */
export function createApp(deps: AppDeps): BotApp {
  const { config, store } = deps;
  const matrix = deps.matrix ?? loadMatrix(deps.dataDir);
  const walkthrough = deps.walkthrough ?? loadWalkthrough(deps.dataDir, matrix);
  const changes = deps.changes ?? loadChanges(deps.dataDir, matrix);
  const now = deps.now ?? systemClock;

  const app = new App({
    token: config.botToken,
    receiver: deps.receiver,
    deferInitialization: true,
    // The bot never reads context.conversation; Bolt's default store costs a lookup (and an Error on
    // every miss) per request.
    convoStore: false,
    ...(deps.logger ? { logger: deps.logger } : {}),
    logLevel: boltLogLevel(config.logLevel),
    clientOptions: {
      // Web API calls and respond(): proxies from the environment, undici's keep-alive pool.
      fetch: fetchThrough(
        deps.dispatcher ?? createDispatcher(process.env),
        deps.metrics ? (url, outcome) => deps.metrics?.slackCall(url, outcome) : undefined,
      ),
      ...WEB_API_POLICY,
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      ...deps.clientOptions,
    },
  });

  const answerer = createAnswerer(matrix, {
    clock: now,
    maxAgeDays: config.matrixMaxAgeDays,
    changes,
    walkthrough,
  });
  const slackDeps: SlackDeps = {
    store,
    matrix,
    answerer,
    walkthrough,
    changes,
    defaultLang: config.defaultLang,
    decisionsChannel: config.decisionsChannel,
    maxAgeDays: config.matrixMaxAgeDays,
    now,
    command: COMMAND,
    users: new UserDirectory(),
  };

  registerListeners(app, slackDeps);

  app.error(async (error) => {
    app.logger.error(`Unhandled error: ${describeError(error)}`);
  });

  const inFlight = new InFlight();
  const processEvent = app.processEvent.bind(app);
  const { metrics } = deps;
  let requests = 0;
  app.processEvent = (event) => {
    const body = event.body as Record<string, unknown>;
    const kind = requestKind(body);
    // Every log line written while handling it carries this id (Slack's event id when there is one).
    requests += 1;
    const requestId = typeof body.event_id === "string" ? body.event_id : `r${requests}`;
    const started = process.hrtime.bigint();
    const work = requestContext.run({ requestId }, () => processEvent(event));
    if (metrics) {
      const done = (outcome: string) => () => {
        metrics.requests.inc({ kind, outcome });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        metrics.requestSeconds.observe({ kind }, seconds);
      };
      work.then(done("ok"), done("error"));
    }
    return inFlight.track(work);
  };

  const schedule = new Sweeper({
    deps: slackDeps,
    client: app.client,
    logger: app.logger,
    jobs: SWEEP_JOBS,
    startup: STARTUP_JOBS,
  });

  return {
    app,
    deps: slackDeps,
    schedule,
    init: () => app.init(),
    idle: () => inFlight.idle(),
    async health() {
      let storeOk = false;
      try {
        storeOk = await store.ping();
      } catch {
        storeOk = false;
      }
      return {
        ok: storeOk,
        body: {
          status: storeOk ? "ok" : "degraded",
          store: storeOk ? "ok" : "unavailable",
          matrix: matrix.version,
          capabilities: matrix.capabilities.length,
        },
      };
    },
  };
}
