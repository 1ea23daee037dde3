import type { Lang } from "../core/i18n/lang.js";
import { StoreUnavailableError } from "../store/index.js";
import { t } from "./messages.js";

/** The Slack Web API error code of a failed call ("not_in_channel", "ratelimited"…), if any. */
export function slackErrorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null || !("code" in err)) return undefined;
  const { code } = err as { code: unknown };
  if (code === "slack_webapi_rate_limited_error") return "ratelimited";
  if (code === "slack_webapi_platform_error" && "data" in err) {
    const data = (err as { data: unknown }).data;
    if (typeof data === "object" && data !== null && "error" in data) {
      const error = (data as { error: unknown }).error;
      return typeof error === "string" ? error : undefined;
    }
  }
  return undefined;
}

/**
 * A call that never got an answer from Slack (timeout, refused connection) or got an HTTP error
 * (a 5xx), after the client's retries.
 */
function isSlackUnreachable(err: unknown): boolean {
  if (typeof err !== "object" || err === null || !("code" in err)) return false;
  const { code } = err as { code: unknown };
  return code === "slack_webapi_request_error" || code === "slack_webapi_http_error";
}

/** A message for the user, in their language, for an error a Web API call or the store raised. */
export function userErrorMessage(err: unknown, lang: Lang, botMention: string): string {
  if (err instanceof StoreUnavailableError) return t(lang, "errStore");
  switch (slackErrorCode(err)) {
    case "not_in_channel":
    case "channel_is_archived":
    case "is_archived":
      return t(lang, "errNotInChannel", { bot: botMention });
    case "channel_not_found":
      return t(lang, "errChannelNotFound");
    case "ratelimited":
    case "rate_limited":
      return t(lang, "errRateLimited");
    case "internal_error":
    case "fatal_error":
    case "service_unavailable":
    case "request_timeout":
      return t(lang, "errSlackDown");
    default:
      return isSlackUnreachable(err) ? t(lang, "errSlackDown") : t(lang, "errGeneric");
  }
}

/** A short description for logs: never the token, never the request body. */
export function describeError(err: unknown): string {
  const code = slackErrorCode(err);
  if (code) return `Slack API error ${code}`;
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
