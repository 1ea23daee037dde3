import { describe, expect, it } from "vitest";
import type { EventLoopWatch } from "../../src/ops/event-loop.js";
import { Metrics } from "../../src/ops/metrics.js";
import { opsEndpoints } from "../../src/ops/readiness.js";

/** Readiness in either mode: the store writes, Slack is connected, the event loop is not stalled. */
describe("opsEndpoints", () => {
  const loopAt = (ms: number) => ({ worstDelayMs: () => ms }) as unknown as EventLoopWatch;
  const store = (ok: boolean) => async () => ({
    ok,
    body: { store: ok ? "ok" : "unavailable" },
  });

  it("is alive while starting, but not ready until the bot is built", async () => {
    const ops = opsEndpoints({ check: () => undefined, metrics: new Metrics(), mode: "socket" });
    expect(await ops.healthz()).toMatchObject({ ok: true });
    expect(await ops.readyz()).toMatchObject({ ok: false, body: { status: "starting" } });
  });

  it("is ready only when the store writes, Slack is connected and the loop is responsive", async () => {
    const ready = (storeOk: boolean, connected: boolean, delay: number) =>
      opsEndpoints({
        check: () => store(storeOk)(),
        connected: () => connected,
        loop: loopAt(delay),
        metrics: new Metrics(),
        mode: "socket",
      }).readyz();
    expect(await ready(true, true, 20)).toMatchObject({ ok: true, body: { slack: "connected" } });
    expect(await ready(false, true, 20)).toMatchObject({
      ok: false,
      body: { store: "unavailable" },
    });
    expect(await ready(true, false, 20)).toMatchObject({
      ok: false,
      body: { slack: "disconnected" },
    });
    expect(await ready(true, true, 2_500)).toMatchObject({
      ok: false,
      body: { eventLoop: "stalled", eventLoopDelayMs: 2_500 },
    });
  });

  it("serves the metrics registry in Prometheus' text format", async () => {
    const metrics = new Metrics();
    metrics.slackCall("https://slack.com/api/chat.postMessage", "rate_limited");
    const { contentType, text } = await opsEndpoints({
      check: () => undefined,
      metrics,
      mode: "http",
    }).metrics();
    expect(contentType).toMatch(/text\/plain/);
    expect(text).toContain(
      'ecs_vs_eks_slack_api_calls_total{method="chat.postMessage",outcome="rate_limited"} 1',
    );
  });
});
