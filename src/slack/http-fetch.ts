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

interface BufferedInit {
  status: number;
  statusText: string;
  headers: Headers;
  url: string;
}

/**
 * A Response whose body has already arrived whole, as one Buffer. The standard Response wraps any
 * body in a WHATWG ReadableStream and reads it back through a stream reader: for the Web API
 * client's one `text()` per call that was a third of the call's CPU in the fetch. text(), json() and
 * arrayBuffer() read the Buffer directly; anything else (body, blob(), formData(), clone())
 * is answered by a standard Response built on first use, so it behaves like fetch's own.
 */
export class BufferedResponse implements Response {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly url: string;
  readonly redirected = false;
  readonly type: Response["type"] = "default";
  readonly #payload: Buffer | null;
  #used = false;
  #standard: Response | undefined;

  constructor(payload: Buffer | null, init: BufferedInit) {
    if (init.status < 200 || init.status > 599) {
      throw new RangeError(`status ${init.status} is outside the range [200, 599]`);
    }
    this.#payload = payload;
    this.status = init.status;
    this.statusText = init.statusText;
    this.headers = init.headers;
    this.url = init.url;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  get bodyUsed(): boolean {
    return this.#standard !== undefined ? this.#standard.bodyUsed : this.#used;
  }

  get body(): Response["body"] {
    return this.#real().body;
  }

  /** The standard Response for this one, made once, on first need; it then owns the body. */
  #real(): Response {
    if (this.#standard === undefined) {
      const standard = new Response(this.#payload, {
        status: this.status,
        statusText: this.statusText,
        headers: this.headers,
      });
      // A body already read here stays read there.
      if (this.#used) void standard.body?.cancel();
      this.#standard = standard;
    }
    return this.#standard;
  }

  /** The body, once; a second read rejects like fetch's Response. */
  #take(): Buffer | null {
    if (this.bodyUsed || (this.#standard?.body?.locked ?? false)) {
      throw new TypeError("Body is unusable: Body has already been read");
    }
    this.#used = true;
    return this.#payload;
  }

  async text(): Promise<string> {
    if (this.#standard !== undefined) return this.#standard.text();
    return this.#take()?.toString("utf8") ?? "";
  }

  async json(): Promise<unknown> {
    if (this.#standard !== undefined) return this.#standard.json();
    return JSON.parse(this.#take()?.toString("utf8") ?? "");
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#standard !== undefined) return this.#standard.arrayBuffer();
    const payload = this.#take();
    if (payload === null) return new ArrayBuffer(0);
    const copy = new ArrayBuffer(payload.byteLength);
    new Uint8Array(copy).set(payload);
    return copy;
  }

  blob(): Promise<Blob> {
    return this.#real().blob();
  }

  formData(): ReturnType<Response["formData"]> {
    return this.#real().formData();
  }

  clone(): Response {
    return this.#real().clone();
  }
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
              new BufferedResponse(nullBody ? null : (payload ?? Buffer.alloc(0)), {
                status,
                statusText: res.statusMessage ?? "",
                headers: responseHeaders,
                url: url.href,
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
