import type { ServerResponse } from "node:http";
import { HTTPReceiver, type Logger, LogLevel, SocketModeReceiver } from "@slack/bolt";
import type { Dispatcher } from "undici";
import type { LogLevelName } from "../config.js";

const LEVELS: Record<LogLevelName, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export function boltLogLevel(level: LogLevelName): LogLevel {
  return LEVELS[level];
}

export interface HealthStatus {
  ok: boolean;
  body: Record<string, string | number | boolean>;
}

function writeJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/**
 * HTTP mode: Slack's requests on POST /slack/events (signature verification always on), and
 * GET /healthz answering 200 with a small JSON status, or 503 when the store does not answer.
 */
export function createHttpReceiver(opts: {
  signingSecret: string;
  logger?: Logger;
  logLevel: LogLevelName;
  health: () => Promise<HealthStatus>;
}): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret: opts.signingSecret,
    endpoints: ["/slack/events"],
    ...(opts.logger ? { logger: opts.logger } : {}),
    logLevel: boltLogLevel(opts.logLevel),
    signatureVerification: true,
    customRoutes: [
      {
        path: "/healthz",
        method: ["GET"],
        handler: (_req, res) => {
          opts.health().then(
            (status) => writeJson(res, status.ok ? 200 : 503, status.body),
            () => writeJson(res, 503, { status: "unavailable" }),
          );
        },
      },
    ],
  });
}

/**
 * Bolt's SocketModeReceiver.stop() starts the close handshake but resolves at once; this one resolves
 * once the socket has closed, so a stop (SIGTERM) never closes the store under a live connection.
 */
class ClosingSocketModeReceiver extends SocketModeReceiver {
  override async stop(): Promise<void> {
    await this.client.disconnect();
  }
}

/**
 * Socket Mode: no public URL needed; the connection is opened with the app-level token
 * (apps.connections.open, at slackApiUrl when set, like every other Web API call).
 */
export function createSocketReceiver(opts: {
  appToken: string;
  slackApiUrl?: string | undefined;
  logger?: Logger;
  logLevel: LogLevelName;
  /** The WebSocket and apps.connections.open go through it (proxies from the environment). */
  dispatcher?: Dispatcher;
}): SocketModeReceiver {
  return new ClosingSocketModeReceiver({
    appToken: opts.appToken,
    ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
    logLevel: boltLogLevel(opts.logLevel),
    ...(opts.slackApiUrl
      ? { installerOptions: { clientOptions: { slackApiUrl: opts.slackApiUrl } } }
      : {}),
  });
}
