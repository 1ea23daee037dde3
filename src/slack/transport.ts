import type { FetchFunction } from "@slack/web-api";
import { type Dispatcher, EnvHttpProxyAgent, type RequestInit, fetch as undiciFetch } from "undici";

/**
 * How the bot reaches Slack: undici's EnvHttpProxyAgent, so a bot inside a company network honours
 * HTTP_PROXY / HTTPS_PROXY / NO_PROXY (upper or lower case) like any other tool, with undici's
 * keep-alive pool. One dispatcher serves the Web API, respond() and the Socket Mode connection.
 */
export function createDispatcher(env: Record<string, string | undefined>): Dispatcher {
  const pick = (name: string): string | undefined => env[name] ?? env[name.toLowerCase()];
  const httpProxy = pick("HTTP_PROXY");
  const httpsProxy = pick("HTTPS_PROXY");
  const noProxy = pick("NO_PROXY");
  return new EnvHttpProxyAgent({
    // Given explicitly (not read from process.env by undici) so the env that configured the bot,
    // .env included, is the one that decides. An empty value means "no proxy".
    httpProxy: httpProxy ?? "",
    // Without HTTPS_PROXY, undici sends HTTPS through HTTP_PROXY too.
    httpsProxy: httpsProxy ?? "",
    noProxy: noProxy ?? "",
    // Plain-HTTP targets are forwarded as proxies expect (absolute-form), as curl does; HTTPS (Slack
    // itself) always tunnels with CONNECT.
    proxyTunnel: false,
  });
}

type Init = NonNullable<Parameters<FetchFunction>[1]>;

/**
 * npm undici's fetch only knows its own FormData; the Web API client builds Node's global one (the
 * decision record's upload), which it would send as the text "[object FormData]". Encoded here with
 * the platform's own Response, boundary and all.
 */
async function portableBody(init: Init): Promise<RequestInit> {
  if (!(init.body instanceof FormData)) return init as RequestInit;
  const encoded = new Response(init.body);
  const type = encoded.headers.get("content-type") ?? "multipart/form-data";
  const body = Buffer.from(await encoded.arrayBuffer());
  return { ...init, headers: { ...init.headers, "content-type": type }, body };
}

/** Told of every HTTP call's outcome: "ok", "rate_limited", "http_5xx"…, "timeout" or "error". */
export type CallObserver = (url: string, outcome: string) => void;

const outcomeOf = (status: number) =>
  status === 429 ? "rate_limited" : status >= 500 ? "http_5xx" : status >= 400 ? "http_4xx" : "ok";

/** The Web API client's fetch, through a dispatcher (npm undici's fetch, which takes its dispatcher). */
export function fetchThrough(dispatcher: Dispatcher, observe?: CallObserver): FetchFunction {
  return (async (url, init) => {
    const where = String(url);
    try {
      const response = await undiciFetch(url, {
        ...(init ? await portableBody(init) : {}),
        dispatcher,
      });
      observe?.(where, outcomeOf(response.status));
      return response;
    } catch (error) {
      const name = error instanceof Error ? error.name : "";
      observe?.(where, name === "TimeoutError" || name === "AbortError" ? "timeout" : "error");
      throw error;
    }
  }) as FetchFunction;
}
