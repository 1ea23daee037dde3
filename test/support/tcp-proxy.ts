import net from "node:net";

/**
 * A TCP forwarder on 127.0.0.1 that can be stopped (the listener closed and every connection
 * destroyed, as if the server went away) and started again on the same port.
 */
export class TcpProxy {
  #server: net.Server | undefined;
  readonly #sockets = new Set<net.Socket>();

  constructor(
    readonly host: string,
    readonly port: number,
  ) {}

  get listening(): boolean {
    return this.#server?.listening === true;
  }

  /** Listens on listenPort (0: a free one) and resolves with the port. */
  start(listenPort = 0): Promise<number> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.port, this.host);
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on("close", () => this.#sockets.delete(s));
        s.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(listenPort, "127.0.0.1", () => {
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : listenPort);
      });
    });
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const s of this.#sockets) s.destroy();
    this.#sockets.clear();
    if (server?.listening) await new Promise<void>((r) => server.close(() => r()));
  }
}
