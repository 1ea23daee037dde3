import { performance } from "node:perf_hooks";
import type { BenchClient, PostResult } from "./http-client.js";
import { type LatencySummary, summarize } from "./stats.js";

export interface BenchRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

export interface LoadResult extends LatencySummary {
  concurrency: number;
  requests: number;
  errors: number;
  /** Completed (successful) requests per second over the wall time of the run. */
  rps: number;
  wallMs: number;
  /** First error message seen, to make failures explainable. */
  firstError?: string;
}

/**
 * Closed-loop load: `concurrency` workers, each sending its next request as soon as the previous one
 * answered, until `total` requests have been sent. Latency is time to the full HTTP response.
 */
export async function runLoad(
  client: BenchClient,
  concurrency: number,
  total: number,
  makeRequest: (index: number) => BenchRequest,
  isOk: (result: PostResult) => boolean = (r) => r.status === 200,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const index = next;
      next += 1;
      const req = makeRequest(index);
      const result = await client.post(req.path, req.body, req.headers);
      if (isOk(result)) {
        latencies.push(result.ms);
      } else {
        errors += 1;
        firstError ??= result.error ?? `HTTP ${result.status}: ${result.body.slice(0, 200)}`;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, total)) }, worker));
  const wallMs = performance.now() - started;
  const out: LoadResult = {
    ...summarize(latencies),
    concurrency,
    requests: total,
    errors,
    rps: wallMs > 0 ? (latencies.length * 1000) / wallMs : Number.NaN,
    wallMs,
  };
  if (firstError !== undefined) out.firstError = firstError;
  return out;
}
