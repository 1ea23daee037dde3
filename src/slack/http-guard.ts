import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { isValidSlackRequest } from "@slack/bolt";
import { isSlackBody } from "./envelope.js";

/**
 * The HTTP boundary in front of Bolt's receiver. Policy: decide as early and as cheaply as possible.
 * - Before reading a byte of the body: the signature headers must be there and the timestamp within
 *   ±5 minutes (Slack's rule; Bolt only rejects the past), and the declared length within the cap.
 * - While reading: stop at the cap. A slow body is cut by the server's request timeout (server.ts).
 * - After reading: the signature must verify, and the body must have the shape Bolt dereferences
 *   (a signed `null`, an array or an action without a user answers 400, never a 500 with a stack).
 * Only then does Bolt see the request, with the body already buffered (req.rawBody), so it is read once.
 */

/** Slack's payloads are far smaller; a view submission with every field filled is tens of kB. */
export const MAX_BODY_BYTES = 512 * 1024;
export const MAX_SKEW_SECONDS = 5 * 60;

/** The request body as Bolt parses it: form fields (with a JSON `payload`), or JSON. */
function parsedBody(raw: string, contentType: string | undefined): unknown {
  if (contentType?.startsWith("application/x-www-form-urlencoded")) {
    const fields = parseQuery(raw);
    return typeof fields.payload === "string" ? JSON.parse(fields.payload) : { ...fields };
  }
  return JSON.parse(raw);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

function refuse(res: ServerResponse, status: number): void {
  // Close the connection: whatever of the body is still coming is not read.
  res.writeHead(status, { Connection: "close", "Content-Length": 0 });
  res.end();
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface GuardOptions {
  signingSecret: string;
  endpoints: readonly string[];
  /** Seconds since the epoch (tests inject one). Default: the system clock, as Slack's signer uses. */
  nowSeconds?: () => number;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Wraps Bolt's request listener with the checks above; anything not for `endpoints` passes through. */
export function guardRequests(next: Listener, opts: GuardOptions): Listener {
  const nowSeconds = opts.nowSeconds ?? (() => Date.now() / 1000);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let path: string;
    try {
      path = new URL(req.url ?? "/", "http://localhost").pathname;
    } catch {
      return refuse(res, 400);
    }
    if (req.method !== "POST" || !opts.endpoints.includes(path)) return next(req, res);
    const signature = header(req, "x-slack-signature");
    const timestamp = Number(header(req, "x-slack-request-timestamp"));
    if (!signature || !Number.isInteger(timestamp)) return refuse(res, 401);
    if (Math.abs(nowSeconds() - timestamp) > MAX_SKEW_SECONDS) return refuse(res, 401);
    if (Number(header(req, "content-length") ?? 0) > MAX_BODY_BYTES) return refuse(res, 413);
    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === null) return refuse(res, 413);
    const body = raw.toString("utf8");
    const signed = isValidSlackRequest({
      signingSecret: opts.signingSecret,
      body,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
      nowMilliseconds: nowSeconds() * 1000,
    });
    if (!signed) return refuse(res, 401);
    let parsed: unknown;
    try {
      parsed = parsedBody(body, header(req, "content-type"));
    } catch {
      return refuse(res, 400);
    }
    if (!isSlackBody(parsed)) return refuse(res, 400);
    Object.assign(req, { rawBody: raw });
    next(req, res);
  };
  return (req, res) => {
    handle(req, res).catch(() => {
      // The client went away mid-body (aborted, timed out): nothing to answer.
      if (!res.headersSent) refuse(res, 400);
    });
  };
}
