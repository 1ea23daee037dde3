import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BufferedResponse, createNodeFetch } from "../../src/slack/http-fetch.js";

let server: Server;
let base: string;
const seen: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[] =
  [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      if (req.url === "/redirect") {
        res.writeHead(302, { location: "/elsewhere" });
        res.end();
        return;
      }
      if (req.url === "/limited") {
        res.writeHead(429, { "retry-after": "3", "content-type": "application/json" });
        res.end('{"ok":false}');
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "x-multi": ["a", "b"] });
      res.end(JSON.stringify({ ok: true, echo: body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("createNodeFetch", () => {
  const nodeFetch = createNodeFetch();

  it("POSTs a string body with its headers and hands back status, headers and body", async () => {
    const res = await nodeFetch(`${base}/api/chat.postMessage`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: "Bearer x" },
      body: "channel=C1&text=h%C3%A9",
      redirect: "error",
    });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("x-multi")).toBe("a, b");
    expect(await res.json()).toEqual({ ok: true, echo: "channel=C1&text=h%C3%A9" });
    const request = seen.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.headers.authorization).toBe("Bearer x");
    expect(request?.headers["content-length"]).toBe(String(Buffer.byteLength(request?.body ?? "")));
  });

  it("reports a status other than 200 like fetch (no throw), and refuses a redirect when asked", async () => {
    const limited = await nodeFetch(`${base}/limited`, { method: "POST", body: "{}" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    await expect(nodeFetch(`${base}/redirect`, { redirect: "error" })).rejects.toBeInstanceOf(
      TypeError,
    );
  });

  it("rejects like fetch when the server cannot be reached", async () => {
    const err = await nodeFetch("http://127.0.0.1:1/api/auth.test", { method: "POST" }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).cause).toBeInstanceOf(Error);
  });

  it("hands bodies it does not handle (FormData) to the built-in fetch", async () => {
    const form = new FormData();
    form.append("field", "value");
    const res = await nodeFetch(`${base}/upload`, { method: "POST", body: form });
    expect(res.status).toBe(200);
    expect(seen.at(-1)?.body).toContain("value");
  });

  it("hands back a Response that reads its body once, like fetch's, and names the URL", async () => {
    const res = await nodeFetch(`${base}/api/auth.test`, { method: "POST", body: "a=1" });
    expect(res).toBeInstanceOf(BufferedResponse);
    expect(res.url).toBe(`${base}/api/auth.test`);
    expect(res.bodyUsed).toBe(false);
    expect(await res.text()).toBe(JSON.stringify({ ok: true, echo: "a=1" }));
    expect(res.bodyUsed).toBe(true);
    await expect(res.json()).rejects.toBeInstanceOf(TypeError);
    await expect(res.text()).rejects.toBeInstanceOf(TypeError);
  });
});

describe("BufferedResponse", () => {
  const make = (body: string | null, status = 200) =>
    new BufferedResponse(body === null ? null : Buffer.from(body), {
      status,
      statusText: "OK",
      headers: new Headers({ "content-type": "application/json" }),
      url: "http://x/api/m",
    });

  it("reads text, JSON and bytes from its buffer", async () => {
    expect(await make('{"ok":true,"t":"é"}').json()).toEqual({ ok: true, t: "é" });
    expect(await make("é").text()).toBe("é");
    const bytes = new Uint8Array(await make("ab").arrayBuffer());
    expect([...bytes]).toEqual([97, 98]);
    expect(await make(null, 204).text()).toBe("");
    await expect(make("not json").json()).rejects.toBeInstanceOf(SyntaxError);
  });

  it("answers the rest (stream body, blob, clone) through a standard Response", async () => {
    const streamed = make("hello");
    const reader = streamed.body?.getReader();
    expect(reader).toBeDefined();
    const chunk = await reader?.read();
    expect(Buffer.from(chunk?.value ?? new Uint8Array()).toString()).toBe("hello");
    expect(streamed.bodyUsed).toBe(true);
    await expect(streamed.text()).rejects.toBeInstanceOf(TypeError);

    expect(await (await make("blob").blob()).text()).toBe("blob");
    const original = make("twice");
    const copy = original.clone();
    expect(await copy.text()).toBe("twice");
    expect(await original.text()).toBe("twice");

    const read = make("once");
    await read.text();
    expect(read.body === null || read.bodyUsed).toBe(true);
    await expect(read.blob()).rejects.toBeInstanceOf(TypeError);
  });

  it("keeps the status, headers and flags of a fetch Response", () => {
    const res = make("{}", 404);
    expect(res.ok).toBe(false);
    expect(res.status).toBe(404);
    expect(res.statusText).toBe("OK");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.redirected).toBe(false);
    expect(res.type).toBe(new Response(null).type);
    expect(() => make("", 101)).toThrow(RangeError);
  });
});
