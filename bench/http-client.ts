import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

export interface PostResult {
  status: number;
  body: string;
  /** Milliseconds from the request being sent to the last byte of the response. */
  ms: number;
  /** performance.now() when the request was started. */
  startedAt: number;
  error?: string;
}

export interface BenchClient {
  post(path: string, body: string, headers: Record<string, string>): Promise<PostResult>;
  get(path: string, timeoutMs?: number): Promise<PostResult>;
  close(): void;
}

/**
 * A plain node:http client with a keep-alive pool, light enough that the driver process takes as
 * little of the shared CPU as possible. One client per target process.
 */
export function createClient(baseUrl: string, maxSockets = 64): BenchClient {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const send = (
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
    timeoutMs: number,
    useAgent: boolean,
  ): Promise<PostResult> =>
    new Promise((resolve) => {
      const startedAt = performance.now();
      const finish = (status: number, text: string, error?: string): void => {
        const result: PostResult = {
          status,
          body: text,
          ms: performance.now() - startedAt,
          startedAt,
        };
        if (error !== undefined) result.error = error;
        resolve(result);
      };
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent: useAgent ? agent : false,
          headers:
            body === undefined
              ? headers
              : { ...headers, "content-length": String(Buffer.byteLength(body)) },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8")));
          res.on("error", (e) => finish(0, "", e.message));
        },
      );
      req.on("timeout", () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
      req.on("error", (e) => finish(0, "", e.message));
      if (body !== undefined) req.write(body);
      req.end();
    });
  return {
    post: (path, body, headers) => send("POST", path, body, headers, 30_000, true),
    get: (path, timeoutMs = 1_000) => send("GET", path, undefined, {}, timeoutMs, false),
    close: () => agent.destroy(),
  };
}
