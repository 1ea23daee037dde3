import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient } from "./http-client.js";

export interface Target {
  name: string;
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Spawn → first 200 from /healthz, in ms. */
  startupMs: number;
  /** Tail of the process's stderr/stdout, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  /** Node arguments: the script and any flags (e.g. --cpu-prof). */
  args: string[];
  env: Record<string, string>;
  port: number;
  cwd: string;
  readyTimeoutMs?: number;
}

/** Spawns `node <args>` and polls GET /healthz every 5 ms until the first 200. */
export async function spawnTarget(options: SpawnOptions): Promise<Target> {
  const started = performance.now();
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString("utf8")).slice(-4_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited: string | undefined;
  child.on("exit", (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const probe = createClient(baseUrl, 1);
  const deadline = started + (options.readyTimeoutMs ?? 15_000);
  let startupMs = Number.NaN;
  try {
    while (performance.now() < deadline) {
      if (exited !== undefined) break;
      const r = await probe.get("/healthz", 500);
      if (r.status === 200) {
        startupMs = performance.now() - started;
        break;
      }
      await sleep(5);
    }
  } finally {
    probe.close();
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
    await gone;
    clearTimeout(timer);
  };
  if (!Number.isFinite(startupMs)) {
    await stop();
    throw new Error(
      `${options.name} did not become ready on ${baseUrl}/healthz (${exited ?? "timeout"}):\n${tail}`,
    );
  }
  if (child.pid === undefined) throw new Error(`${options.name} has no pid`);
  return {
    name: options.name,
    child,
    pid: child.pid,
    baseUrl,
    startupMs,
    output: () => tail,
    stop,
  };
}

/** Resident memory in MB, from VmRSS in /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match?.[1] !== undefined ? Number(match[1]) / 1024 : Number.NaN;
}

/** utime + stime of a process, in clock ticks, from /proc/<pid>/stat. */
export function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) is in parentheses and may hold spaces: split after the last ')'.
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // rest[0] is field 3 (state); utime is field 14, stime field 15.
  return Number(rest[11]) + Number(rest[12]);
}

/**
 * utime + stime of the process's main thread (where JavaScript runs), in clock ticks. The rest of
 * cpuTicks() is V8's helper threads (parallel and concurrent GC, background compilation) and libuv.
 */
export function mainThreadTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return Number.NaN;
  }
}

let clkTck: number | undefined;
export function clockTicksPerSecond(): number {
  if (clkTck === undefined) {
    try {
      clkTck = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clkTck = 100;
    }
  }
  return clkTck;
}

/** A free TCP port on 127.0.0.1 (asks the OS, then releases it). */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
