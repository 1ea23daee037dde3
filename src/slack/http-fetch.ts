import http from "node:http";
import https from "node:https";

export interface NodeFetchOptions {
  /** Sockets kept per host (default 50; the Web API client runs at most 100 calls at once). */
  maxSockets?: number;
}

type FetchInit = NonNullable<Parameters<typeof fetch>[1]>;

function headersOf(init: FetchInit): Record<string, string> {
  const out: Record<string, string> = {};
  const given = init.headers;
  if (given === undefined) return out;
  if (given instanceof Headers || Array.isArray(given)) {
    for (const [k, v] of new Headers(given)) out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(given)) if (v !== undefined) out[k] = String(v);
  return out;
}

/** The content type fetch gives a body sent without one. */
function defaultContentType(body: FetchInit["body"]): string | undefined {
  if (typeof body === "string") return "text/plain;charset=UTF-8";
  if (body instanceof URLSearchParams) return "application/x-www-form-urlencoded;charset=UTF-8";
  return undefined;
}

function bodyOf(body: FetchInit["body"]): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  return undefined;
}

/**
 * A small fetch() for the Slack Web API client and Bolt's respond(), on node:http(s) with keep-alive
 * agents. Node's built-in fetch (undici with WHATWG streams, an AbortSignal and a Request per call)
 * costs more CPU per call than everything else the bot does for a Web API call; this one does what
 * the clients use — a POST or GET with a string body, the status, the headers and the body as
 * text — and hands back a standard Response.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): typeof fetch {
  const maxSockets = options.maxSockets ?? 50;
  // An idle kept-alive socket is closed after 4 s (the agent's timeout only ends free sockets), well
  // before servers drop idle connections, so a request seldom meets a socket the server just closed.
  const agents = {
    "http:": new http.Agent({ keepAlive: true, maxSockets, timeout: 4_000 }),
    "https:": new https.Agent({ keepAlive: true, maxSockets, timeout: 4_000 }),
  };
  const nodeFetch = (
    input: Parameters<typeof fetch>[0],
    init: FetchInit = {},
  ): Promise<Response> => {
    const body = bodyOf(init.body);
    // Anything this fetch does not handle (a stream, FormData: file uploads) goes to the real one.
    if (
      (init.body !== undefined && init.body !== null && body === undefined) ||
      input instanceof Request
    ) {
      return fetch(input, init);
    }
    const url = new URL(String(input));
    const agent =
      url.protocol === "https:"
        ? agents["https:"]
        : url.protocol === "http:"
          ? agents["http:"]
          : undefined;
    if (agent === undefined) return fetch(input, init);
    const headers = headersOf(init);
    if (body !== undefined) {
      headers["content-length"] = String(Buffer.byteLength(body));
      const hasType = Object.keys(headers).some((k) => k.toLowerCase() === "content-type");
      const type = defaultContentType(init.body);
      if (!hasType && type !== undefined) headers["content-type"] = type;
    }
    return new Promise<Response>((resolve, reject) => {
      const request = (url.protocol === "https:" ? https : http).request(url, {
        method: init.method ?? "GET",
        headers,
        agent,
        ...(init.signal ? { signal: init.signal } : {}),
      });
      request.on("error", (error) =>
        reject(
          init.signal?.aborted
            ? init.signal.reason
            : new TypeError("fetch failed", { cause: error }),
        ),
      );
      request.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", (error) => reject(new TypeError("fetch failed", { cause: error })));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status >= 300 && status < 400 && res.headers.location !== undefined) {
            if (init.redirect === "error") {
              reject(new TypeError("fetch failed", { cause: new Error("unexpected redirect") }));
            } else if (init.redirect === "manual") {
              resolve(new Response(null, { status, headers: { location: res.headers.location } }));
            } else {
              // Following redirects (never done by Slack's Web API or response URLs): the real fetch.
              fetch(input, init).then(resolve, reject);
            }
            return;
          }
          try {
            const responseHeaders = new Headers();
            for (const [k, v] of Object.entries(res.headers)) {
              if (Array.isArray(v)) for (const item of v) responseHeaders.append(k, item);
              else if (v !== undefined) responseHeaders.set(k, v);
            }
            const payload = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
            const nullBody = status === 204 || status === 205 || status === 304;
            resolve(
              new Response(nullBody ? null : payload, {
                status,
                statusText: res.statusMessage ?? "",
                headers: responseHeaders,
              }),
            );
          } catch (error) {
            // A status or header fetch would not accept either.
            reject(new TypeError("fetch failed", { cause: error }));
          }
        });
      });
      request.end(body);
    });
  };
  return nodeFetch as typeof fetch;
}
