import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Status {
  ok: boolean;
  body: Record<string, string | number | boolean>;
}

/**
 * The operations endpoints, the same in both Slack modes: HTTP mode serves them on PORT beside
 * /slack/events, Socket Mode on HEALTH_PORT (it opens no other port).
 * - /healthz: the process is alive (liveness; it answers as long as the event loop runs);
 * - /readyz: the store can write, the Slack connection is up and the event loop was not stalled;
 * - /metrics: Prometheus' text format.
 */
export interface OpsEndpoints {
  healthz: () => Promise<Status>;
  readyz: () => Promise<Status>;
  metrics: () => Promise<{ contentType: string; text: string }>;
}

export const OPS_PATHS = ["/healthz", "/readyz", "/metrics"] as const;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** Answers one of OPS_PATHS (GET); never throws. */
export function serveOps(ops: OpsEndpoints, path: string, res: ServerResponse): void {
  if (path === "/metrics") {
    ops.metrics().then(
      ({ contentType, text }) => {
        res.writeHead(200, { "Content-Type": contentType });
        res.end(text);
      },
      () => json(res, 500, { status: "metrics unavailable" }),
    );
    return;
  }
  const check = path === "/readyz" ? ops.readyz : ops.healthz;
  check().then(
    (status) => json(res, status.ok ? 200 : 503, status.body),
    () => json(res, 503, { status: "unavailable" }),
  );
}

/** Socket Mode's small HTTP server for OPS_PATHS on `port` (0: any free port). */
export async function startOpsServer(ops: OpsEndpoints, port: number): Promise<Server> {
  const server = createServer({ headersTimeout: 5_000, requestTimeout: 5_000 }, (req, res) => {
    const path = pathOf(req);
    if (req.method === "GET" && (OPS_PATHS as readonly string[]).includes(path)) {
      serveOps(ops, path, res);
    } else {
      json(res, 404, { status: "not found" });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return server;
}

function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    return "";
  }
}

export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}
