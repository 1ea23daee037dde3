import { createHmac } from "node:crypto";

/** Slack's v0 request signature: HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function signatureHeaders(
  secret: string,
  body: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return {
    "X-Slack-Request-Timestamp": String(timestamp),
    "X-Slack-Signature": signature,
  };
}

export interface SlackHttpResponse {
  status: number;
  text: string;
  json: Record<string, unknown> | null;
}

/** POSTs a signed request (form or JSON) the way Slack does. */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  contentType: "application/x-www-form-urlencoded" | "application/json",
  extraHeaders: Record<string, string> = {},
): Promise<SlackHttpResponse> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": contentType, ...signatureHeaders(secret, body), ...extraHeaders },
    body,
  });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
