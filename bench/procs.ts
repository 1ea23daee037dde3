import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

export type Proc = Awaited<ReturnType<typeof spawnProc>>;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** `node <args>` with PORT set; ready (readyMs) once GET /healthz gets any answer, polled every 5 ms. */
export async function spawnProc(name: string, args: string[], env: Record<string, string>) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // Not the project folder: the bot loads .env from its working directory.
  const child = spawn(process.execPath, args, {
    cwd: tmpdir(),
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      out = (out + chunk.toString("utf8")).slice(-4_000);
    });
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  while (performance.now() - started < 15_000 && child.exitCode === null) {
    const answered = await fetch(`${url}/healthz`).then(
      (res) => res.arrayBuffer().then(() => true),
      () => false,
    );
    if (answered)
      return { name, pid: child.pid ?? 0, url, readyMs: performance.now() - started, stop };
    await sleep(5);
  }
  await stop();
  throw new Error(`${name} did not answer on ${url} within 15 s:\n${out}`);
}

/**
 * CPU time of a process in ms: its threads' /proc/<pid>/task/<tid>/schedstat (ns), or utime+stime
 * of /proc/<pid>/stat (ticks of 10 ms) where the kernel has no schedstat.
 */
export function cpuMs(pid: number): number {
  try {
    const ns = readdirSync(`/proc/${pid}/task`)
      .map((tid) =>
        Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]),
      )
      .reduce((a, b) => a + b, 0);
    if (ns > 0) return ns / 1e6;
  } catch {
    // no schedstat: the tick counters below
  }
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory in MB (VmRSS of /proc/<pid>/status). */
export function rssMb(pid: number): number {
  return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;
}
