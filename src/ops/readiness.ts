import type { OpsEndpoints, Status } from "./endpoints.js";
import { type EventLoopWatch, STALL_THRESHOLD_MS } from "./event-loop.js";
import type { Metrics } from "./metrics.js";

export interface OpsParts {
  /** The bot's own check (the store can write; the matrix loaded); undefined while starting. */
  check: () => Promise<Status> | undefined;
  /** Socket Mode: whether the connection to Slack is up (HTTP mode: always). */
  connected?: () => boolean;
  loop?: EventLoopWatch;
  metrics: Metrics;
  mode: "http" | "socket";
}

/**
 * Liveness answers as long as the process runs (a database outage is not a reason to restart it);
 * readiness needs a writable store, the Slack connection and an event loop that was not stalled.
 */
export function opsEndpoints(parts: OpsParts): OpsEndpoints {
  return {
    async healthz() {
      return { ok: true, body: { status: "ok", mode: parts.mode } };
    },
    async readyz() {
      const check = parts.check();
      if (!check) return { ok: false, body: { status: "starting", mode: parts.mode } };
      const status = await check;
      const connected = parts.connected?.() ?? true;
      const delayMs = parts.loop?.worstDelayMs() ?? 0;
      const loopOk = delayMs < STALL_THRESHOLD_MS;
      const ok = status.ok && connected && loopOk;
      return {
        ok,
        body: {
          ...status.body,
          status: ok ? "ok" : "not ready",
          mode: parts.mode,
          slack: connected ? "connected" : "disconnected",
          eventLoop: loopOk ? "ok" : "stalled",
          eventLoopDelayMs: delayMs,
        },
      };
    },
    async metrics() {
      const registry = parts.metrics.registry;
      return { contentType: registry.contentType, text: await registry.metrics() };
    },
  };
}
