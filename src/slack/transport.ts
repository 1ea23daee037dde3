import type { FetchFunction } from "@slack/web-api";
import { type Dispatcher, EnvHttpProxyAgent, fetch as undiciFetch } from "undici";

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

/** The Web API client's fetch, through a dispatcher (npm undici's fetch, which takes its dispatcher). */
export function fetchThrough(dispatcher: Dispatcher): FetchFunction {
  return ((url, init) => undiciFetch(url, { ...(init as object), dispatcher })) as FetchFunction;
}
