import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { StoreUnavailableError } from "../store/index.js";
import type { Store } from "../store/types.js";

/**
 * What a platform team watches, in Prometheus' format on /metrics: requests by kind and outcome with
 * their latency, walkthroughs and decisions, store errors, Slack API calls by outcome (rate limits,
 * errors and the retries they cause show as extra calls), and Socket Mode reconnects. One Registry
 * per bot, so tests and several bots in one process never share counters.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: "ecs_vs_eks_requests_total",
    help: "Requests and events handled, by kind (command, app_mention, block_actions…) and outcome",
    labelNames: ["kind", "outcome"] as const,
    registers: [this.registry],
  });
  readonly requestSeconds = new Histogram({
    name: "ecs_vs_eks_request_duration_seconds",
    help: "Time to handle a request or event, follow-up Web API calls included",
    labelNames: ["kind"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly walkthroughs = new Counter({
    name: "ecs_vs_eks_walkthroughs_total",
    help: "Walkthroughs started and finished",
    labelNames: ["event"] as const,
    registers: [this.registry],
  });
  readonly decisions = new Counter({
    name: "ecs_vs_eks_decisions_total",
    help: "Decisions saved, by recommendation",
    labelNames: ["recommendation"] as const,
    registers: [this.registry],
  });
  readonly storeErrors = new Counter({
    name: "ecs_vs_eks_store_errors_total",
    help: "Store calls that failed because the database was unavailable, by operation",
    labelNames: ["operation"] as const,
    registers: [this.registry],
  });
  readonly slackCalls = new Counter({
    name: "ecs_vs_eks_slack_api_calls_total",
    help: "HTTP calls to Slack's Web API (each retry counts), by method and outcome: ok, rate_limited, http_4xx, http_5xx, timeout, error",
    labelNames: ["method", "outcome"] as const,
    registers: [this.registry],
  });
  readonly socketReconnects = new Counter({
    name: "ecs_vs_eks_socket_mode_reconnects_total",
    help: "Socket Mode reconnections",
    registers: [this.registry],
  });
  readonly socketConnected = new Gauge({
    name: "ecs_vs_eks_socket_mode_connected",
    help: "1 while the Socket Mode connection is up",
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "ecs_vs_eks_" });
  }

  /** Records a Web API call's HTTP outcome (called by the transport). */
  slackCall(url: string, outcome: string): void {
    const method = url.split("?")[0]?.split("/").pop() || "unknown";
    this.slackCalls.inc({ method: method.startsWith("upload") ? "upload" : method, outcome });
  }
}

/** The kind of a request Bolt received: the slash command, event type or interaction type. */
export function requestKind(body: Record<string, unknown>): string {
  if (typeof body.command === "string") return "command";
  const event = body.event as { type?: unknown } | undefined;
  if (body.type === "event_callback" && typeof event?.type === "string") return event.type;
  return typeof body.type === "string" ? body.type : "other";
}

/**
 * The store, counting what happens to walkthroughs and decisions and every call that failed on an
 * unavailable database. Behaviour is unchanged: results and errors pass through.
 */
export function instrumentStore(store: Store, metrics: Metrics): Store {
  const observe: Partial<Record<keyof Store, (args: unknown[], result: unknown) => void>> = {
    createSession: () => metrics.walkthroughs.inc({ event: "started" }),
    updateSession: (args, result) => {
      const patch = args[2] as { status?: string } | undefined;
      if (patch?.status === "finished" && (result as { ok?: boolean }).ok) {
        metrics.walkthroughs.inc({ event: "finished" });
      }
    },
    saveDecision: (args) => {
      const input = args[0] as { recommendation?: string };
      metrics.decisions.inc({ recommendation: input.recommendation ?? "unknown" });
    },
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function" || typeof prop !== "string") return value;
      const operation = prop as keyof Store;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (resolved) => {
            observe[operation]?.(args, resolved);
            return resolved;
          },
          (error: unknown) => {
            if (error instanceof StoreUnavailableError) metrics.storeErrors.inc({ operation });
            throw error;
          },
        );
      };
    },
  });
}
