import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import type { Logger } from "@slack/bolt";
import { config as loadDotenv } from "dotenv";
import { type BotApp, createApp } from "./app.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { type Clock, systemClock } from "./core/clock.js";
import { DataFileError } from "./core/matrix/index.js";
import { type OpsEndpoints, portOf, startOpsServer } from "./ops/endpoints.js";
import { EventLoopWatch } from "./ops/event-loop.js";
import { createLogger } from "./ops/log.js";
import { instrumentStore, Metrics } from "./ops/metrics.js";
import { opsEndpoints } from "./ops/readiness.js";
import { slackErrorCode } from "./slack/errors.js";
import { createHttpReceiver, createSocketReceiver, watchConnection } from "./slack/receivers.js";
import { createDispatcher } from "./slack/transport.js";
import {
  createStore,
  openStore,
  type Store,
  StoreUnavailableError,
  withChannelLangCache,
} from "./store/index.js";

/** A reason the bot cannot start, said in one line (no stack trace). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}

export interface RunningBot {
  mode: "http" | "socket";
  /** The HTTP port (HTTP mode). */
  port?: number;
  /** The port of /healthz, /readyz and /metrics in Socket Mode. */
  healthPort?: number;
  metrics: Metrics;
  bot: BotApp;
  /**
   * Stops taking requests, finishes the ones in flight (until the stop deadline: then their Slack
   * calls are cut off), closes the store. `drained` is false when the deadline cut requests off.
   */
  stop(): Promise<{ drained: boolean }>;
}

export interface StartOptions {
  logger?: Logger;
  /** How long to wait for Slack to answer the token check (auth.test) before giving up. */
  initTimeoutMs?: number;
  /** The one clock of the app, the store and the records (tests fix it). */
  clock?: Clock;
  /** How long a stop waits for requests in flight (default STOP_DEADLINE_MS). */
  stopDeadlineMs?: number;
}

/** A stop (SIGTERM) finishes within this, whatever is in flight: ECS and Kubernetes wait 30 s. */
export const STOP_DEADLINE_MS = 10_000;

/** The token check retries while Slack is unreachable; past this, start-up gives up with one line. */
export const INIT_TIMEOUT_MS = 15_000;

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const REFUSED = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "no_permission",
]);

async function openStoreFor(
  config: Config,
  clock: Clock,
  logger: Logger | undefined,
): Promise<Store> {
  const storeConfig = {
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    dataDir: config.dataDir,
    clock,
    sessionIdleDays: config.sessionIdleDays,
    onBackgroundError: (error: Error) => logger?.warn(`Database: ${error.message}`),
  };
  try {
    return await openStore(storeConfig);
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    // Answers and the matrix need no database: serve them, retry the database on each call.
    logger?.warn(
      "The database is unreachable; starting anyway (/readyz answers 503 until it is back)",
    );
    return createStore(storeConfig);
  }
}

/**
 * Reads the configuration, opens the store, builds the app, checks the token (auth.test) and only
 * then starts taking requests: Socket Mode when SLACK_APP_TOKEN is set, HTTP otherwise.
 */
export async function start(
  env: Record<string, string | undefined>,
  options: StartOptions = {},
): Promise<RunningBot> {
  const config = loadConfig(env);
  const logger =
    options.logger ??
    createLogger({
      level: config.logLevel,
      format: config.logFormat,
      secrets: [config.botToken, config.appToken, config.signingSecret, config.databaseUrl],
    });
  const clock = options.clock ?? systemClock;
  const dispatcher = createDispatcher(env);
  const loop = new EventLoopWatch();
  const metrics = new Metrics();
  // Every command and mention reads its channel's language: keep it in memory for a short while
  // (replicas sharing PostgreSQL see another replica's change within the TTL).
  const store = withChannelLangCache(
    instrumentStore(await openStoreFor(config, clock, logger), metrics),
  );
  const mode = config.appToken ? "socket" : "http";
  let bot: BotApp | undefined;
  let connected: (() => boolean) | undefined;
  const ops: OpsEndpoints = opsEndpoints({
    check: () => bot?.health(),
    connected: () => connected?.() ?? true,
    loop,
    metrics,
    mode,
  });
  let opsServer: Server | undefined;
  try {
    let receiver: ReturnType<typeof createSocketReceiver> | ReturnType<typeof createHttpReceiver>;
    if (config.appToken) {
      const socket = createSocketReceiver({
        appToken: config.appToken,
        slackApiUrl: config.slackApiUrl,
        logLevel: config.logLevel,
        dispatcher,
        logger,
      });
      connected = watchConnection(socket, (event) => {
        if (event === "reconnecting") metrics.socketReconnects.inc();
        metrics.socketConnected.set(event === "connected" ? 1 : 0);
      });
      receiver = socket;
    } else {
      receiver = createHttpReceiver({
        signingSecret: config.signingSecret ?? "",
        logLevel: config.logLevel,
        logger,
        ops,
      });
    }
    bot = createApp({
      config,
      store,
      receiver,
      now: clock,
      dispatcher,
      metrics,
      logger,
      ...(config.matrixDir ? { dataDir: config.matrixDir } : {}),
    });
    const where = config.slackApiUrl ?? "https://slack.com/api/";
    const timeoutMs = options.initTimeoutMs ?? INIT_TIMEOUT_MS;
    try {
      await withTimeout(
        bot.init(),
        timeoutMs,
        () =>
          new StartupError(
            `Could not reach Slack at ${where} within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} to check SLACK_BOT_TOKEN; check the network (and SLACK_API_URL)`,
          ),
      );
    } catch (err) {
      if (err instanceof StartupError) throw err;
      const code = slackErrorCode(err);
      if (code && REFUSED.has(code)) {
        throw new StartupError(`Slack refused SLACK_BOT_TOKEN (${code}); check the bot token`);
      }
      throw new StartupError(
        `Could not check SLACK_BOT_TOKEN with Slack at ${where}: ${code ?? (err as Error).message}`,
      );
    }
    const running = bot;
    let port: number | undefined;
    if (config.appToken) {
      // Socket Mode opens no port for Slack: health, readiness and metrics get one of their own.
      opsServer = await startOpsServer(ops, config.healthPort);
      try {
        await running.app.start();
      } catch (err) {
        const code = slackErrorCode(err);
        if (code && REFUSED.has(code)) {
          throw new StartupError(
            `Slack refused SLACK_APP_TOKEN (${code}); check the app-level token (connections:write)`,
          );
        }
        throw new StartupError(
          `Could not open a Socket Mode connection to Slack: ${code ?? (err as Error).message}`,
        );
      }
    } else {
      const server = (await running.app.start(config.port)) as Server;
      port = (server.address() as AddressInfo).port;
    }
    running.schedule.start();
    let stopping: Promise<{ drained: boolean }> | undefined;
    const healthServer = opsServer;
    return {
      mode,
      ...(port !== undefined ? { port } : {}),
      ...(healthServer ? { healthPort: portOf(healthServer) } : {}),
      metrics,
      bot: running,
      stop() {
        stopping ??= (async () => {
          // Requests in flight get until the deadline; then their Slack calls are cut off, so a hung
          // or retrying call cannot keep the process from exiting before its supervisor kills it.
          const drained = (async () => {
            await running.schedule.stop();
            await running.app.stop().catch(() => undefined);
            await running.idle();
          })();
          const inTime = await withTimeout(
            drained.then(() => true),
            options.stopDeadlineMs ?? STOP_DEADLINE_MS,
            () => new Error("deadline"),
          ).catch(() => false);
          await dispatcher.destroy().catch(() => undefined);
          await store.close().catch(() => undefined);
          healthServer?.close();
          loop.stop();
          return { drained: inTime };
        })();
        return stopping;
      },
    };
  } catch (err) {
    opsServer?.close();
    loop.stop();
    await dispatcher.destroy().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw err;
  }
}

export interface MainIO {
  stderr: (line: string) => void;
  stdout: (line: string) => void;
  /** Registers a handler for SIGTERM and SIGINT. */
  onSignal: (handler: (signal: string) => void) => void;
}

const processIO: MainIO = {
  stderr: (line) => process.stderr.write(`${line}\n`),
  stdout: (line) => process.stdout.write(`${line}\n`),
  onSignal: (handler) => {
    process.once("SIGTERM", () => handler("SIGTERM"));
    process.once("SIGINT", () => handler("SIGINT"));
  },
};

/** One line for a start-up failure: ours are explained, anything else is named without a stack. */
export function startupMessage(err: unknown): string {
  if (err instanceof ConfigError || err instanceof StartupError) return err.message;
  if (err instanceof DataFileError) return `Invalid data file ${err.message}`;
  if (err instanceof StoreUnavailableError)
    return "The database is unavailable (DATABASE_URL, DATA_DIR)";
  if (err instanceof Error && "code" in err && err.code === "EADDRINUSE") {
    return "PORT is already in use by another program";
  }
  return `Could not start: ${err instanceof Error ? err.message : String(err)}`;
}

/** The program: returns the exit code once the bot has stopped (or could not start). */
export async function main(
  env: Record<string, string | undefined> = process.env,
  io: MainIO = processIO,
  options: StartOptions = {},
): Promise<number> {
  let running: RunningBot;
  try {
    running = await start(env, options);
  } catch (err) {
    io.stderr(`ecs-vs-eks: ${startupMessage(err).split("\n")[0]}`);
    return 1;
  }
  io.stdout(
    running.mode === "http"
      ? `ecs-vs-eks is running (HTTP on port ${running.port}; Slack requests on POST /slack/events)`
      : `ecs-vs-eks is running (Socket Mode; /healthz, /readyz and /metrics on port ${running.healthPort})`,
  );
  return new Promise<number>((resolve) => {
    io.onSignal((signal) => {
      io.stdout(`ecs-vs-eks: ${signal} received, finishing requests in flight`);
      running.stop().then(
        ({ drained }) => {
          if (!drained) {
            io.stderr("ecs-vs-eks: requests still in flight at the stop deadline were cut off");
          }
          resolve(0);
        },
        (err: unknown) => {
          io.stderr(`ecs-vs-eks: stopping failed: ${startupMessage(err)}`);
          resolve(1);
        },
      );
    });
  });
}

/**
 * The last line of defence, for the process only (not for tests that call main()). A rejected
 * promise that escaped every handler is a bug to log, not a reason to drop everyone's requests: the
 * bot goes on. An uncaught exception leaves the process in an unknown state: log it and exit 1, so
 * the supervisor (ECS, Kubernetes, systemd) starts a clean one.
 */
export function installProcessGuards(io: Pick<MainIO, "stderr"> = processIO): void {
  const describe = (reason: unknown) =>
    reason instanceof Error
      ? (reason.stack ?? `${reason.name}: ${reason.message}`)
      : String(reason);
  process.on("unhandledRejection", (reason) => {
    io.stderr(
      `ecs-vs-eks: a promise was rejected and not handled (still running): ${describe(reason)}`,
    );
  });
  process.on("uncaughtException", (error) => {
    io.stderr(`ecs-vs-eks: uncaught exception, exiting: ${describe(error)}`);
    process.exit(1);
  });
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  loadDotenv({ quiet: true });
  installProcessGuards();
  // Exit once stopped (or when start-up failed): nothing left behind may hold the process open.
  main().then((code) => process.exit(code));
}
