import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One Web API call the bot made, with its arguments parsed (JSON fields such as blocks decoded). */
export interface FakeCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** What the fake answered (set once it has answered), e.g. the ts of a posted message. */
  result?: Record<string, unknown>;
}

/** A POST the bot made to a response_url. */
export interface FakeResponsePost {
  id: string;
  body: Record<string, unknown>;
}

export interface FakeMessage {
  ts: string;
  text?: string;
  user?: string;
}

/**
 * What onCall() listeners see: a Web API call once answered (`result` set), or a POST to a
 * response_url (`method` "response_url", `responsePath` the part after /response/).
 */
export interface FakeCallEvent {
  method: string;
  args: Record<string, unknown>;
  result?: Record<string, unknown>;
  responsePath?: string;
}

/** A person as users.info describes them. */
export interface FakeUser {
  name: string;
  real_name?: string;
  display_name?: string;
  locale?: string;
}

export type FakeCallListener = (event: FakeCallEvent) => void;

export const GOOD_TOKEN = "xoxb-test-good-token";
export const BOT_USER_ID = "UBOT0001";
export const TEAM_ID = "T0TEAM001";
/** The app-level token (Socket Mode) the fake accepts for apps.connections.open. */
export const APP_TOKEN = "xapp-1-A0APP0001-1234-fakeapptoken";

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // not JSON: keep the string
      }
    }
    out[key] = value;
  }
  return out;
}

/**
 * A local fake of the Slack Web API (node:http on 127.0.0.1), selected with SLACK_API_URL. Records
 * every call and answers like Slack does; errors can be configured per method.
 */
export class FakeSlack {
  readonly calls: FakeCall[] = [];
  /** Every call since the fake started: reset() does not clear it. */
  readonly history: FakeCall[] = [];
  readonly responsePosts: FakeResponsePost[] = [];
  readonly uploads: { fileId: string; body: string }[] = [];
  private readonly rateLimits: {
    method: string;
    channel: string;
    retryAfter: string;
    times: number;
  }[] = [];
  /** Channels conversations.info describes as private; every other channel is public. */
  readonly privateChannels = new Set<string>();
  /** People users.info knows; any other id answers user_not_found (as at Slack). */
  readonly users = new Map<string, FakeUser>();
  /** Thread parents and replies for conversations.replies, by channel and thread ts. */
  readonly threads = new Map<string, FakeMessage[]>();
  private readonly failures = new Map<string, { error: string; times: number }>();
  private readonly listeners = new Set<FakeCallListener>();
  private readonly holds = new Map<string, { arrived: boolean; release: Promise<void> }>();
  private server: Server | undefined;
  /** Where apps.connections.open points the bot (a FakeSocketMode's connectUrl), when set. */
  private socketModeUrl: (() => string) | undefined;
  private tsCounter = 100;
  private fileCounter = 0;
  private responseCounter = 0;
  base = "";

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The Web API base URL for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A new response_url pointing at this fake. */
  responseUrl(): string {
    this.responseCounter += 1;
    return `${this.base}/response/${this.responseCounter}`;
  }

  /** The next `times` calls of a method answer { ok: false, error }. */
  /** The next `times` calls of a method to one channel answer HTTP 429 with Retry-After. */
  rateLimit(method: string, channel: string, retryAfterSeconds: number, times = 1): void {
    this.rateLimits.push({ method, channel, retryAfter: String(retryAfterSeconds), times });
  }

  fail(method: string, error: string, times = 1): void {
    this.failures.set(method, { error, times });
  }

  /** Sets the messages of a thread, the first being its parent. */
  setThread(channel: string, threadTs: string, messages: FakeMessage[]): void {
    this.threads.set(`${channel}/${threadTs}`, messages);
  }

  /**
   * Holds the answer to the next call of a method until the returned function is called (the call is
   * recorded when it arrives). For "a request is in flight" tests.
   */
  hold(method: string): { release: () => void; arrived: () => boolean } {
    let release = () => {};
    const entry = {
      arrived: false,
      release: new Promise<void>((resolve) => {
        release = resolve;
      }),
    };
    this.holds.set(method, entry);
    return { release, arrived: () => entry.arrived };
  }

  /**
   * Answers apps.connections.open (called with APP_TOKEN) with the URL `url()` gives: a local
   * Socket Mode endpoint such as FakeSocketMode's.
   */
  serveSocketMode(url: () => string): void {
    this.socketModeUrl = url;
  }

  callsTo(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages the bot posted (chat.postMessage), optionally in one channel. */
  posts(channel?: string): Record<string, unknown>[] {
    return this.callsTo("chat.postMessage")
      .map((c) => c.args)
      .filter((a) => channel === undefined || a.channel === channel);
  }

  /**
   * Calls `listener` synchronously for every answered Web API call and every response_url post (the
   * bench times replies with it). Returns a function that removes the listener.
   */
  onCall(listener: FakeCallListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(event: FakeCallEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  reset(): void {
    this.calls.length = 0;
    this.responsePosts.length = 0;
    this.uploads.length = 0;
    this.failures.clear();
    this.holds.clear();
    this.rateLimits.length = 0;
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1764300000.${String(this.tsCounter).padStart(6, "0")}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.base);
    const raw = await readBody(req);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };

    if (url.pathname.startsWith("/response/")) {
      const post = {
        id: url.pathname.slice("/response/".length),
        body: JSON.parse(raw || "{}") as Record<string, unknown>,
      };
      this.responsePosts.push(post);
      this.emit({ method: "response_url", args: post.body, responsePath: post.id });
      json(200, { ok: true });
      return;
    }
    if (url.pathname.startsWith("/upload/")) {
      this.uploads.push({ fileId: url.pathname.slice("/upload/".length), body: raw });
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end(`OK - ${raw.length}`);
      return;
    }
    if (!url.pathname.startsWith("/api/")) {
      json(404, { ok: false, error: "unknown_path" });
      return;
    }

    const method = url.pathname.slice("/api/".length);
    const args = parseArgs(raw, req.headers["content-type"]);
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : (args.token as string | undefined);
    const call: FakeCall = { method, args, token };
    this.calls.push(call);
    this.history.push(call);

    if (method === "apps.connections.open") {
      // Only an app-level token opens a Socket Mode connection (as at Slack).
      call.result =
        token === APP_TOKEN && this.socketModeUrl
          ? { ok: true, url: this.socketModeUrl() }
          : {
              ok: false,
              error: token?.startsWith("xapp-") ? "invalid_auth" : "not_allowed_token_type",
            };
      this.emit({ method, args, result: call.result });
      json(200, call.result);
      return;
    }
    if (token !== GOOD_TOKEN) {
      json(200, { ok: false, error: "invalid_auth" });
      return;
    }
    const hold = this.holds.get(method);
    if (hold) {
      this.holds.delete(method);
      hold.arrived = true;
      await hold.release;
    }
    const limit = this.rateLimits.find(
      (r) => r.method === method && r.channel === args.channel && r.times > 0,
    );
    if (limit) {
      limit.times -= 1;
      res.writeHead(429, { "Content-Type": "application/json", "Retry-After": limit.retryAfter });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    const failure = this.failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      json(200, { ok: false, error: failure.error });
      return;
    }
    call.result = this.answer(method, args);
    this.emit({ method, args, result: call.result });
    json(200, call.result);
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = args.channel as string | undefined;
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://fake-team.slack.com/",
          team: "Fake Team",
          user: "ecs-vs-eks",
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: "B0BOT0001",
        };
      case "chat.postMessage": {
        const ts = this.nextTs();
        return {
          ok: true,
          channel,
          ts,
          message: { type: "message", text: args.text, ts, user: BOT_USER_ID },
        };
      }
      case "chat.update":
        return { ok: true, channel, ts: args.ts, text: args.text };
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.nextTs() };
      case "chat.getPermalink":
        return {
          ok: true,
          channel,
          permalink: `https://fake-team.slack.com/archives/${channel}/p${String(args.message_ts).replace(".", "")}`,
        };
      case "conversations.info": {
        const isPrivate = this.privateChannels.has(channel ?? "");
        return {
          ok: true,
          channel: {
            id: channel,
            is_channel: !isPrivate,
            is_group: isPrivate,
            is_private: isPrivate,
          },
        };
      }
      case "conversations.replies": {
        const messages = this.threads.get(`${channel}/${args.ts as string}`);
        if (!messages) return { ok: false, error: "thread_not_found" };
        const limit = Number(args.limit ?? 1000);
        return { ok: true, messages: messages.slice(0, limit), has_more: messages.length > limit };
      }
      case "users.info": {
        const id = String(args.user);
        const u = this.users.get(id);
        if (!u) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: {
            id,
            name: u.name,
            real_name: u.real_name ?? "",
            ...(u.locale ? { locale: u.locale } : {}),
            profile: { display_name: u.display_name ?? "", real_name: u.real_name ?? "" },
          },
        };
      }
      case "views.publish":
      case "views.open":
      case "views.update":
      case "views.push":
        return { ok: true, view: { id: "V0VIEW001", ...(args.view as Record<string, unknown>) } };
      case "files.getUploadURLExternal": {
        this.fileCounter += 1;
        const fileId = `F0FILE${this.fileCounter}`;
        return { ok: true, upload_url: `${this.base}/upload/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal":
        return {
          ok: true,
          files: ((args.files as { id: string; title?: string }[] | undefined) ?? []).map((f) => ({
            id: f.id,
            title: f.title,
          })),
        };
      default:
        return { ok: true };
    }
  }
}
