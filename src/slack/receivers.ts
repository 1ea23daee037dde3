import type { ServerResponse } from "node:http";
import { HTTPReceiver, type Logger, LogLevel, SocketModeReceiver } from "@slack/bolt";
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

/** Socket Mode: no public URL needed; the connection is opened with the app-level token. */
export function createSocketReceiver(opts: {
  appToken: string;
  logger?: Logger;
  logLevel: LogLevelName;
}): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken: opts.appToken,
    ...(opts.logger ? { logger: opts.logger } : {}),
    logLevel: boltLogLevel(opts.logLevel),
  });
}
