import type { Server, ServerOptions, ServerResponse } from "node:http";
import type { ListenOptions } from "node:net";
import {
  HTTPReceiver,
  type HTTPReceiverOptions,
  type Logger,
  LogLevel,
  SocketModeReceiver,
} from "@slack/bolt";
import type { SocketModeClient } from "@slack/socket-mode";
import type { Dispatcher } from "undici";
import type { LogLevelName } from "../config.js";
import { OPS_PATHS, type OpsEndpoints, serveOps } from "../ops/endpoints.js";
import { parseFrame } from "./envelope.js";
import { guardRequests } from "./http-guard.js";

const LEVELS: Record<LogLevelName, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export function boltLogLevel(level: LogLevelName): LogLevel {
  return LEVELS[level];
}

/** Seconds: Slack sends a request in one go; a client that dribbles is cut off. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Bolt's HTTPReceiver behind the guard of http-guard.ts, on a server with short header and request
 * timeouts (Node's defaults let a stalled body hold its memory for 300 s).
 */
class GuardedHTTPReceiver extends HTTPReceiver {
  constructor(options: HTTPReceiverOptions & { signingSecret: string; endpoints: string[] }) {
    super(options);
    this.requestListener = guardRequests(this.requestListener, {
      signingSecret: options.signingSecret,
      endpoints: options.endpoints,
    });
    const start = this.start.bind(this) as (
      port: number | string | ListenOptions,
      options?: ServerOptions,
    ) => Promise<Server>;
    this.start = ((port: number | string | ListenOptions, options: ServerOptions = {}) =>
      start(port, {
        headersTimeout: HEADERS_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        ...options,
      })) as HTTPReceiver["start"];
  }
}

/**
 * HTTP mode: Slack's requests on POST /slack/events (signature verification always on); GET
 * /healthz answers 200 with a small JSON status, or 503 when the store cannot write; GET /readyz
 * also answers 503 while the event loop was recently stalled.
 */
export function createHttpReceiver(opts: {
  signingSecret: string;
  logger?: Logger;
  logLevel: LogLevelName;
  /** /healthz, /readyz and /metrics, served beside /slack/events. */
  ops: OpsEndpoints;
}): HTTPReceiver {
  return new GuardedHTTPReceiver({
    signingSecret: opts.signingSecret,
    endpoints: ["/slack/events"],
    ...(opts.logger ? { logger: opts.logger } : {}),
    logLevel: boltLogLevel(opts.logLevel),
    signatureVerification: true,
    customRoutes: OPS_PATHS.map((path) => ({
      path,
      method: ["GET"],
      handler: (_req: unknown, res: ServerResponse) => serveOps(opts.ops, path, res),
    })),
  });
}

/**
 * Bolt's SocketModeReceiver.stop() starts the close handshake but resolves at once; this one resolves
 * once the socket has closed, so a stop (SIGTERM) never closes the store under a live connection.
 */
class ClosingSocketModeReceiver extends SocketModeReceiver {
  constructor(options: ConstructorParameters<typeof SocketModeReceiver>[0], logger?: Logger) {
    super(options);
    guardFrames(this.client, logger);
  }

  override async stop(): Promise<void> {
    await this.client.disconnect();
  }
}

/**
 * One malformed frame (a `null`, an events_api envelope without its event) used to throw inside
 * SocketModeClient's message handler and end the process. Frames are checked first (envelope.ts):
 * a bad one is logged, acked when it has an envelope id (so Slack does not resend it), and dropped;
 * the connection stays up.
 */
function guardFrames(
  client: SocketModeClient,
  logger: Pick<Logger, "warn" | "error"> = console,
): void {
  const handlers = client.listeners("ws_message") as ((
    data: unknown,
    binary: boolean,
  ) => unknown)[];
  client.removeAllListeners("ws_message");
  const ack = (client as unknown as { send(id: string): Promise<void> }).send.bind(client);
  client.on("ws_message", (data: unknown, isBinary: boolean) => {
    if (isBinary || typeof data !== "string") return;
    const frame = parseFrame(data);
    if (!frame.ok) {
      logger.warn("Ignored a malformed Socket Mode frame");
      if (frame.envelopeId) ack(frame.envelopeId).catch(() => undefined);
      return;
    }
    for (const handle of handlers) {
      Promise.resolve(handle(data, isBinary)).catch((err: unknown) =>
        logger.error(
          `Socket Mode frame failed: ${err instanceof Error ? err.message : String(err)}`,
        ),
      );
    }
  });
}

/**
 * Whether the Socket Mode connection is up, for readiness; `onReconnect` is told of each
 * reconnection (metrics).
 */
export function watchConnection(
  receiver: SocketModeReceiver,
  onChange: (event: "connected" | "disconnected" | "reconnecting") => void = () => {},
): () => boolean {
  let up = false;
  const client = receiver.client;
  client.on("connected", () => {
    up = true;
    onChange("connected");
  });
  for (const event of ["disconnected", "reconnecting"] as const) {
    client.on(event, () => {
      up = false;
      onChange(event);
    });
  }
  return () => up;
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
  return new ClosingSocketModeReceiver(
    {
      appToken: opts.appToken,
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
      ...(opts.logger ? { logger: opts.logger } : {}),
      logLevel: boltLogLevel(opts.logLevel),
      ...(opts.slackApiUrl
        ? { installerOptions: { clientOptions: { slackApiUrl: opts.slackApiUrl } } }
        : {}),
    },
    opts.logger,
  );
}
