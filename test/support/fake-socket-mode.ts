import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/** What the bot sent back for an envelope: `{ envelope_id, payload? }`. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/** One envelope as Slack sends it over the socket. */
export interface Envelope {
  envelope_id: string;
  type: "slash_commands" | "events_api" | "interactive";
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

/** One WebSocket connection the bot opened, as the fake sees it. */
export interface FakeConnection {
  /** The URL path and query the bot connected to (from apps.connections.open). */
  path: string;
  socket: WebSocket;
  /** Pongs the bot sent to the fake's pings. */
  pongs: number;
  /** Pings the bot sent (SocketModeClient pings every few seconds). */
  pings: number;
  /** Set once the socket has closed, with the close code. */
  closedWith?: number;
  closed: Promise<number>;
}

export const APP_ID = "A0APP0001";

/**
 * A local stand-in for Slack's Socket Mode endpoint (a `ws` server on 127.0.0.1). FakeSlack answers
 * apps.connections.open with `connectUrl()`; on connection the fake sends Slack's `hello`, then the
 * test pushes envelopes with `send()` and awaits the bot's ack with `ackOf()`.
 */
export class FakeSocketMode {
  readonly connections: FakeConnection[] = [];
  /** Every ack the bot sent, in order. */
  readonly acks: SocketAck[] = [];
  /** Messages from the bot that were not acks of a known envelope (should stay empty). */
  readonly unexpected: unknown[] = [];
  private readonly waiting = new Map<string, (ack: SocketAck) => void>();
  private readonly ackPromises = new Map<string, Promise<SocketAck>>();
  private server: WebSocketServer | undefined;
  private ticket = 0;
  private envelopeCounter = 0;
  private port = 0;

  async start(): Promise<this> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
    this.port = (server.address() as AddressInfo).port;
    server.on("connection", (socket, req) => this.accept(socket, req));
    return this;
  }

  /** A fresh URL for apps.connections.open (Slack hands out a new ticket each time). */
  connectUrl(): string {
    this.ticket += 1;
    return `ws://127.0.0.1:${this.port}/link?ticket=fake-ticket-${this.ticket}&app_id=${APP_ID}`;
  }

  /** Connections whose socket is still open. */
  open(): FakeConnection[] {
    return this.connections.filter((c) => c.closedWith === undefined);
  }

  /** The one open connection; throws when there is none or several. */
  current(): FakeConnection {
    const open = this.open();
    if (open.length !== 1) throw new Error(`expected one open connection, found ${open.length}`);
    return open[0] as FakeConnection;
  }

  /** Sends an envelope on the open connection; returns its envelope_id. */
  send(
    type: Envelope["type"],
    payload: Record<string, unknown>,
    opts: { envelopeId?: string; retryAttempt?: number; retryReason?: string } = {},
  ): string {
    this.envelopeCounter += 1;
    const envelopeId = opts.envelopeId ?? `fake-envelope-${this.envelopeCounter}`;
    const envelope: Envelope = {
      envelope_id: envelopeId,
      type,
      payload,
      // Slack accepts a response payload for slash commands (and some interactive payloads).
      accepts_response_payload: type === "slash_commands",
      ...(type === "events_api"
        ? { retry_attempt: opts.retryAttempt ?? 0, retry_reason: opts.retryReason ?? "" }
        : {}),
    };
    this.expectAck(envelopeId);
    this.current().socket.send(JSON.stringify(envelope));
    return envelopeId;
  }

  /** Resolves with the bot's ack of an envelope (however early or late it arrives). */
  ackOf(envelopeId: string): Promise<SocketAck> {
    return this.expectAck(envelopeId);
  }

  /** Asks the bot to reconnect, as Slack does before recycling a connection. */
  requestDisconnect(reason = "refresh_requested"): void {
    this.current().socket.send(JSON.stringify({ type: "disconnect", reason }));
  }

  /** Closes every connection and the server. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const c of this.connections) if (c.closedWith === undefined) c.socket.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private expectAck(envelopeId: string): Promise<SocketAck> {
    let promise = this.ackPromises.get(envelopeId);
    if (!promise) {
      promise = new Promise<SocketAck>((resolve) => this.waiting.set(envelopeId, resolve));
      this.ackPromises.set(envelopeId, promise);
    }
    return promise;
  }

  private accept(socket: WebSocket, req: IncomingMessage): void {
    let closedResolve: (code: number) => void = () => {};
    const connection: FakeConnection = {
      path: req.url ?? "",
      socket,
      pongs: 0,
      pings: 0,
      closed: new Promise<number>((resolve) => {
        closedResolve = resolve;
      }),
    };
    this.connections.push(connection);
    socket.on("pong", () => {
      connection.pongs += 1;
    });
    // `ws` answers pings with pongs by itself (autoPong); count them.
    socket.on("ping", () => {
      connection.pings += 1;
    });
    socket.on("message", (data, isBinary) => {
      if (isBinary) {
        this.unexpected.push(data);
        return;
      }
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch {
        this.unexpected.push(String(data));
        return;
      }
      const id =
        typeof message === "object" && message !== null && "envelope_id" in message
          ? message.envelope_id
          : undefined;
      const resolve = typeof id === "string" ? this.waiting.get(id) : undefined;
      if (typeof id !== "string" || !resolve) {
        this.unexpected.push(message);
        return;
      }
      const ack = message as SocketAck;
      this.waiting.delete(id);
      this.acks.push(ack);
      resolve(ack);
    });
    socket.on("close", (code) => {
      connection.closedWith = code;
      closedResolve(code);
    });
    socket.on("error", () => {
      // A reset connection is seen as a close; nothing else to do.
    });
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.open().length,
        debug_info: {
          host: "applink-fake-1",
          build_number: 1,
          approximate_connection_time: 18060,
        },
        connection_info: { app_id: APP_ID },
      }),
    );
    // Slack pings its clients; the bot's WebSocket must answer with a pong.
    socket.ping(Buffer.from("fake slack ping"));
  }
}
