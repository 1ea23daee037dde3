import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BotProcess,
  ROOT,
  SIGNING_SECRET,
  slash,
  useBotSuite,
} from "../support/bot-process.js";
import { GOOD_TOKEN } from "../support/fake-slack.js";

/**
 * The container image without a Docker engine (none runs here, and no base image can be pulled):
 * the Dockerfile is read, and what its deps and runtime stages copy is laid out in temporary folders
 * (`/app` becomes the folder). The deps stage's own `npm ci --omit=dev` runs against the npm registry,
 * `prepare` and the native SQLite driver's install script included; the build stage's output is the
 * dist/ the process tests' global setup just built with the same `npm run build`. Then the runtime
 * stage's ENTRYPOINT + CMD run from there with its ENV, and answer a signed slash command. This is
 * what catches a runtime import of a devDependency, a file the image forgets, or a broken `prepare`.
 *
 * One departure, for time: better-sqlite3's install script (`prebuild-install || node-gyp rebuild`)
 * would download its prebuilt binary (as a Docker build does) but cannot reach GitHub here, and
 * compiling SQLite takes over a minute on two cores. The binary the root install already built is
 * handed to prebuild-install as a local prebuild (its `npm_config_<pkg>_local_prebuilds` option), in
 * the very archive it would download, so the install script still runs and unpacks it.
 */

const execFileP = promisify(execFile);

/* ---------- Reading the Dockerfile ---------- */

interface Copy {
  from?: string;
  sources: string[];
  dest: string;
}

interface Stage {
  name: string;
  workdir: string;
  copies: Copy[];
  runs: string[];
  env: Record<string, string>;
  user?: string;
  entrypoint?: string[];
  cmd?: string[];
  healthcheck?: string[];
}

/** The Dockerfile's instructions, one per logical line (continuations joined, comments dropped). */
function instructions(text: string): { op: string; args: string }[] {
  const out: { op: string; args: string }[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!pending && (line === "" || line.startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = pending + line;
    pending = "";
    const m = /^(\w+)\s+(.*)$/s.exec(full);
    if (m?.[1] && m[2] !== undefined) out.push({ op: m[1].toUpperCase(), args: m[2].trim() });
  }
  return out;
}

function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  let stage: Stage | undefined;
  for (const { op, args } of instructions(text)) {
    if (op === "FROM") {
      const name = /\bAS\s+(\S+)$/i.exec(args)?.[1] ?? `stage-${stages.length}`;
      stage = { name, workdir: "/", copies: [], runs: [], env: {} };
      stages.push(stage);
      continue;
    }
    if (!stage) continue;
    switch (op) {
      case "WORKDIR":
        stage.workdir = path.posix.resolve(stage.workdir, args);
        break;
      case "COPY": {
        const words = args.split(/\s+/);
        const from = words.find((w) => w.startsWith("--from="))?.slice("--from=".length);
        const paths = words.filter((w) => !w.startsWith("--"));
        const dest = paths.pop() ?? "";
        stage.copies.push({ ...(from ? { from } : {}), sources: paths, dest });
        break;
      }
      case "RUN":
        stage.runs.push(args);
        break;
      case "ENV":
        for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) {
          stage.env[m[1] ?? ""] = (m[2] ?? "").replace(/^"|"$/g, "");
        }
        break;
      case "USER":
        stage.user = args;
        break;
      case "ENTRYPOINT":
        stage.entrypoint = JSON.parse(args) as string[];
        break;
      case "CMD":
        stage.cmd = JSON.parse(args) as string[];
        break;
      case "HEALTHCHECK": {
        const json = /\bCMD\s+(\[.*\])$/s.exec(args)?.[1];
        if (json) stage.healthcheck = JSON.parse(json) as string[];
        break;
      }
    }
  }
  return stages;
}

const stages = parseDockerfile(readFileSync(path.join(ROOT, "Dockerfile"), "utf8"));
const stageNamed = (name: string): Stage => {
  const found = stages.find((s) => s.name === name);
  if (!found) throw new Error(`the Dockerfile has no stage "${name}"`);
  return found;
};
const runtime = stages.at(-1) as Stage;

/* ---------- Laying the stages out ---------- */

/** A path of the image (absolute, or relative to the stage's WORKDIR) inside the stage's folder. */
function inStage(stage: Stage, dir: string, imagePath: string): string {
  const absolute = path.posix.resolve(stage.workdir, imagePath);
  const relative = path.posix.relative(stage.workdir, absolute);
  if (relative.startsWith("..")) throw new Error(`${imagePath} is outside ${stage.workdir}`);
  return path.join(dir, ...relative.split("/").filter(Boolean));
}

/** COPY's rule: a folder's contents go into dest; a file goes into dest/ or becomes dest. */
async function copyInto(source: string, dest: string, destIsDir: boolean): Promise<void> {
  const target = destIsDir ? dest : path.dirname(dest);
  await mkdir(target, { recursive: true });
  if ((await stat(source)).isDirectory()) await cp(source, dest, { recursive: true });
  else await cp(source, destIsDir ? path.join(dest, path.basename(source)) : dest);
}

/** Runs a stage's COPY lines: from the build context (ROOT), or from another stage's folder. */
async function applyCopies(stage: Stage, dir: string, stageDirs: Record<string, string>) {
  for (const copy of stage.copies) {
    for (const source of copy.sources) {
      let from: string;
      if (copy.from) {
        const other = stageNamed(copy.from);
        const base = stageDirs[copy.from];
        if (!base) throw new Error(`no folder for stage ${copy.from}`);
        from = inStage(other, base, source);
      } else {
        from = path.join(ROOT, source);
      }
      const destIsDir = copy.dest.endsWith("/") || copy.dest === "." || copy.sources.length > 1;
      await copyInto(from, inStage(stage, dir, copy.dest), destIsDir);
    }
  }
}

/** better-sqlite3's binary from the root install, packed as prebuild-install downloads it. */
async function localPrebuild(into: string): Promise<Record<string, string>> {
  const pkgDir = path.join(ROOT, "node_modules", "better-sqlite3");
  const binary = path.join(pkgDir, "build", "Release", "better_sqlite3.node");
  if (!existsSync(binary)) return {}; // it will compile instead: slower, same result
  const { name, version } = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  const archive = `${name}-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  await mkdir(into, { recursive: true });
  await execFileP("tar", [
    "-czf",
    path.join(into, archive),
    "-C",
    pkgDir,
    "build/Release/better_sqlite3.node",
  ]);
  return { npm_config_better_sqlite3_local_prebuilds: into };
}

/** The environment without the test runner's npm and NODE_ENV settings (a Docker build has none). */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^npm_/i.test(key) || key === "NODE_ENV") continue;
    env[key] = value;
  }
  return env;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/* ---------- The test ---------- */

let work = "";
let deps = "";
let app = "";
let install = { stdout: "", stderr: "" };
let bot: BotProcess | undefined;
let child: ChildProcess | undefined;
const { fake, diagnostics } = useBotSuite({ bots: () => [bot] });

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ecs-vs-eks-image-"));
  deps = path.join(work, "deps");
  app = path.join(work, "app");
  const depsStage = stageNamed("deps");
  await applyCopies(depsStage, deps, {});
  // The deps stage's own install command (not what follows it: `npm cache clean --force` would
  // empty this machine's npm cache).
  const npmCi = depsStage.runs
    .flatMap((run) => run.split("&&").map((part) => part.trim()))
    .find((part) => part.startsWith("npm ci"));
  if (!npmCi) throw new Error("the deps stage runs no `npm ci`");
  const [npm, ...npmArgs] = npmCi.split(/\s+/);
  install = await execFileP(npm ?? "npm", npmArgs, {
    cwd: deps,
    env: { ...cleanEnv(), ...(await localPrebuild(path.join(work, "prebuilds"))) },
    maxBuffer: 16 * 1024 * 1024,
  });
  await applyCopies(runtime, app, { deps, build: ROOT });
}, 240_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the Dockerfile", () => {
  it("has a build, a deps and a runtime stage; the runtime runs node directly as a non-root user", () => {
    expect(stages.map((s) => s.name).slice(0, 2)).toEqual(["build", "deps"]);
    expect(stageNamed("build").runs.join("\n")).toContain("npm run build");
    expect(stageNamed("deps").runs.join("\n")).toMatch(/npm ci --omit=dev/);
    // No npm, no shell between the container runtime and node: SIGTERM reaches the bot.
    const command = [...(runtime.entrypoint ?? []), ...(runtime.cmd ?? [])];
    expect(command).toEqual(["node", "dist/src/main.js"]);
    expect(runtime.user).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
    expect(runtime.healthcheck?.[0]).toBe("node");
    expect(runtime.env.NODE_ENV).toBe("production");
    expect(runtime.env.DATA_DIR).toMatch(/^\//);
    // The runtime stage takes node_modules from the production install and nothing from test/.
    expect(runtime.copies).toContainEqual({
      from: "deps",
      sources: ["/app/node_modules/"],
      dest: "node_modules/",
    });
    const copied = runtime.copies.flatMap((c) => c.sources);
    expect(copied.filter((s) => /^(src|test|bench|deploy)\b/.test(s))).toEqual([]);
  });
});

describe("the image's contents, run", () => {
  it("installs production dependencies only: `prepare` skips the build, no devDependency is there", () => {
    const output = install.stdout + install.stderr;
    expect(output).toMatch(/prepare: TypeScript is not installed/);
    // Every package the lock file marks dev-only is absent; every dependency is there.
    const lock = JSON.parse(readFileSync(path.join(deps, "package-lock.json"), "utf8")) as {
      packages: Record<string, { dev?: boolean; dependencies?: Record<string, string> }>;
    };
    const devOnly = Object.entries(lock.packages)
      .filter(([where, entry]) => where.startsWith("node_modules/") && entry.dev)
      .map(([where]) => where);
    expect(devOnly).toContain("node_modules/typescript");
    expect(devOnly.filter((where) => existsSync(path.join(app, where)))).toEqual([]);
    const runtimeDeps = Object.keys(lock.packages[""]?.dependencies ?? {});
    expect(runtimeDeps.filter((dep) => !existsSync(path.join(app, "node_modules", dep)))).toEqual(
      [],
    );
    expect(existsSync(path.join(app, "dist", "src", "main.js"))).toBe(true);
    expect(existsSync(path.join(app, "src"))).toBe(false);
  });

  it("starts with the image's command and environment and answers a signed /ecs-vs-eks help", async () => {
    const port = await freePort();
    const [command, ...args] = [...(runtime.entrypoint ?? []), ...(runtime.cmd ?? [])];
    // The image's ENV, its /app paths moved to the folder, then what a deployment sets.
    const imageEnv = Object.fromEntries(
      Object.entries(runtime.env).map(([k, v]) => [
        k,
        v.startsWith(`${runtime.workdir}/`) ? inStage(runtime, app, v) : v,
      ]),
    );
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ...imageEnv,
      PORT: String(port),
      HEALTH_PORT: "0",
      SLACK_BOT_TOKEN: GOOD_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: "warn",
    };
    const dataDir = env.DATA_DIR ?? "";
    await mkdir(dataDir, { recursive: true }); // the Dockerfile's `RUN mkdir -p /app/var`
    // `node` in the image is the image's Node.js 20; here, the one running the tests.
    const proc = spawn(command === "node" ? process.execPath : (command ?? ""), args, {
      cwd: app,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    let out = "";
    proc.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    proc.stderr.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      proc.once("exit", (code, signal) => resolve({ code, signal })),
    );
    bot = {
      name: "image",
      child: proc,
      port,
      url: `http://127.0.0.1:${port}`,
      output: () => out,
      exitInfo: () =>
        proc.exitCode === null && proc.signalCode === null
          ? undefined
          : { code: proc.exitCode, signal: proc.signalCode },
      exited,
    };
    const running = bot;

    // Up once /healthz answers 200 (the store is open and writable: the native driver loaded).
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (running.exitInfo()) throw new Error(`the bot exited before answering:\n${out}`);
      const ok = await fetch(`${running.url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`no /healthz within 20 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(existsSync(dataDir) && (await readdir(dataDir)).some((f) => f.endsWith(".sqlite"))).toBe(
      true,
    );

    const res = await slash(running, fake, "help");
    expect(res.status, diagnostics()).toBe(200);
    expect(res.json?.text).toMatch(/ECS or EKS/);
    const answer = await slash(running, fake, "does ECS have CronJobs?");
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.json)).toMatch(/EventBridge/);

    // The image's HEALTHCHECK command, run as Docker would (inside the container, its environment).
    const [hcCommand, ...hcArgs] = runtime.healthcheck ?? [];
    const healthy = await execFileP(
      hcCommand === "node" ? process.execPath : (hcCommand ?? ""),
      hcArgs,
      { env },
    ).then(
      () => true,
      () => false,
    );
    expect(healthy).toBe(true);

    // SIGTERM to node itself (PID 1 in the container): a clean stop.
    proc.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(out).not.toMatch(/Cannot find (module|package)|ERR_MODULE_NOT_FOUND/);
  });
});
