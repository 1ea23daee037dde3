import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import type { FakeCallEvent, FakeSlack } from "../test/support/fake-slack.js";
import { signatureHeaders } from "../test/support/slack-signing.js";
import { cpuMs } from "./procs.js";

type Tap = (e: FakeCallEvent) => void;

/** The fake Slack's Web API calls: counted, and shown to taps. */
export class Watch {
  calls = 0;
  private readonly taps = new Set<Tap>();

  constructor(fake: FakeSlack) {
    fake.onCall((e) => {
      // Who-am-I checks at start-up (Bolt's, then the scheduler's) answer no request: counted in
      // a request's calls, they would make the bare app replay them and every later request wait
      // for a call that never comes.
      if (e.method === "auth.test") return;
      this.calls += 1;
      for (const tap of this.taps) tap(e);
    });
  }

  /** Shows every call to `tap` until the returned function is called. */
  tap(tap: Tap): () => void {
    this.taps.add(tap);
    return () => this.taps.delete(tap);
  }

  /** Waits until `done()` holds (at most maxMs), then until no call came for quietMs. */
  async settle(done: () => boolean, quietMs: number, maxMs = 20_000): Promise<void> {
    const deadline = performance.now() + maxMs;
    while (!done() && performance.now() < deadline) await sleep(2);
    for (let seen = -1; seen !== this.calls && performance.now() < deadline; ) {
      seen = this.calls;
      await sleep(quietMs);
    }
  }
}

/** One kind of request as the load generator sends it. */
export interface LoadKind {
  name: string;
  contentType: string;
  /** The next body; for an answer sent as a Web API call, the key that call carries. */
  next(): { body: string; key?: string };
  /** That Web API call, and its argument holding the request's key. */
  reply?: { method: string; field: string } | undefined;
  /** Web API calls per answer (as recorded from the bot). */
  calls: number;
}

export interface Phase {
  requests: number;
  /** Non-2xx, connection errors, timeouts, answers that never reached the fake Slack. */
  errors: number;
  /** ms: the ack, or request → the answer's Web API call at the fake Slack. */
  p50: number;
  p99: number;
  /** Answers per second. */
  rps: number;
  /** CPU of the process per request, its work after the ack included. */
  cpuMsPerRequest: number;
}

/**
 * A proxy in front of the process for answers sent as Web API calls: it answers autocannon only
 * once the answer reached the fake Slack, so `concurrency` answers are in flight, not just acks.
 */
function proxy(target: string, answered: (key: string) => Promise<void>): Promise<Server> {
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const up = request(`${target}${req.url}`, { method: "POST", headers: req.headers, agent });
    up.on("response", (ack) => {
      ack.resume().on("end", () => {
        const key = String(req.headers["x-bench-key"]);
        const done = ack.statusCode === 200 ? answered(key) : Promise.resolve();
        void done.then(() => res.writeHead(ack.statusCode ?? 502).end());
      });
    });
    up.on("error", () => res.writeHead(502).end());
    req.pipe(up);
  });
  server.once("close", () => agent.destroy());
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/**
 * `amount` signed requests of one kind over `concurrency` connections (autocannon), then the Web
 * API calls their answers make; the process's CPU is read before and after.
 */
export async function runPhase(o: {
  url: string;
  secret: string;
  pid: number;
  watch: Watch;
  kind: LoadKind;
  concurrency: number;
  amount: number;
}): Promise<Phase> {
  const { kind, watch, concurrency } = o;
  const amount = Math.max(o.amount, concurrency);
  /** Requests whose answer has not reached the fake Slack: when sent; the proxy's wait for it. */
  const sent = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const samples: number[] = [];
  let [responses, non2xx, last] = [0, 0, 0];
  const reply = kind.reply;
  const untap = watch.tap((e) => {
    if (!reply || e.method !== reply.method) return;
    const key = String(e.args[reply.field]);
    const at = sent.get(key);
    if (at === undefined) return;
    sent.delete(key);
    last = performance.now();
    samples.push(last - at);
    waiting.get(key)?.();
    waiting.delete(key);
  });
  const answered = (key: string) =>
    new Promise<void>((resolve) => (sent.has(key) ? waiting.set(key, resolve) : resolve()));
  const server = reply ? await proxy(o.url, answered) : undefined;
  const url = server ? `http://127.0.0.1:${(server.address() as AddressInfo).port}` : o.url;
  const calls = watch.calls;
  const cpu = cpuMs(o.pid);
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const requests: autocannon.Request[] = [
      {
        method: "POST",
        path: "/slack/events",
        setupRequest: (req) => {
          const { body, key = "" } = kind.next();
          if (reply) sent.set(key, performance.now());
          const headers = {
            ...req.headers,
            "content-type": kind.contentType,
            "x-bench-kind": kind.name,
            "x-bench-key": key,
            ...signatureHeaders(o.secret, body),
          };
          return { ...req, headers, body };
        },
      },
    ];
    // sampleInt: autocannon looks for the end every sampleInt ms (1 s by default).
    const options = { url, connections: concurrency, amount, timeout: 10, sampleInt: 10, requests };
    const instance = autocannon(options, (err, res) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(res);
    });
    const timer = setTimeout(() => instance.stop(), 120_000);
    instance.on("response", (_client, status, _bytes, ms) => {
      responses += 1;
      if (status < 200 || status > 299) non2xx += 1;
      else if (!reply) {
        last = performance.now();
        samples.push(ms);
      }
    });
  });
  server?.closeAllConnections();
  server?.close();
  const expected = calls + (responses - non2xx) * kind.calls;
  await watch.settle(() => watch.calls >= expected, 30);
  const cpuPerRequest = (cpuMs(o.pid) - cpu) / responses;
  untap();
  const sorted = samples.sort((a, b) => a - b);
  return {
    requests: responses,
    errors: non2xx + result.errors + result.timeouts + (responses - non2xx - samples.length),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    rps: (samples.length * 1000) / (last - started),
    cpuMsPerRequest: cpuPerRequest,
  };
}
