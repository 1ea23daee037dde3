/**
 * `npm run bench`: measures the bot against a bare Bolt app in one run on this machine, writes
 * bench/results/latest.json and latest.md, and prints the table with PASS/MISS per target.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runBench } from "./harness.js";
import { parseCli, USAGE } from "./options.js";
import { renderMarkdown } from "./report.js";

/** The repository root: this file is bench/run.ts or dist-bench/bench/run.js. */
function findRoot(here: string): string {
  let dir = here;
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  if (cli.help) {
    console.log(USAGE);
    return 0;
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = findRoot(here);
  const bareEntry = path.join(here, "bare-app.js");
  const botEntry = cli.bareOnly
    ? null
    : path.resolve(root, cli.botEntry ?? path.join("dist", "src", "main.js"));
  if (botEntry !== null && !existsSync(botEntry)) {
    console.error(
      `The bot's entry ${botEntry} does not exist: run \`npm run build\` (or pass --bare-only).`,
    );
    return 1;
  }
  const outDir = path.resolve(root, cli.outDir ?? path.join("bench", "results"));
  mkdirSync(outDir, { recursive: true });
  console.log(`Bench: bot ${botEntry ?? "(none)"} vs bare ${bareEntry}`);
  const report = await runBench({
    ...cli.bench,
    root,
    botEntry,
    bareEntry,
    ...(cli.profile ? { cpuProfDir: outDir } : {}),
    ...(cli.heapSnapshot ? { heapSnapshotDir: outDir } : {}),
    ...(cli.nodeArgs.length > 0 ? { nodeArgs: cli.nodeArgs } : {}),
    log: (line) => console.log(line),
  });
  const markdown = renderMarkdown(report);
  writeFileSync(path.join(outDir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(outDir, "latest.md"), markdown);
  console.log("");
  console.log(markdown);
  console.log(`Written: ${path.join(outDir, "latest.json")}, ${path.join(outDir, "latest.md")}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  },
);
