/**
 * `npm run bench [-- --quick] [--profile] [--out DIR]`: the bot against a bare Bolt app answering
 * with the same bytes, in one run. Prints the table; writes latest.json and latest.md.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { FULL, QUICK, runBench } from "./bench.js";
import { evaluate, markdown } from "./report.js";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false }, // fewer requests, one start-up per side
    profile: { type: "boolean", default: false }, // a V8 CPU profile of the loaded bot: bot.cpuprofile
    out: { type: "string" }, // where the results go (default bench/results)
  },
});
// This file runs as dist-bench/bench/run.js: the repository is two folders up.
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const botEntry = path.join(root, "dist", "src", "main.js");
const out = path.resolve(values.out ?? path.join(root, "bench", "results"));
if (!existsSync(botEntry)) throw new Error(`${botEntry} does not exist: run \`npm run build\``);
mkdirSync(out, { recursive: true });
const report = evaluate(
  await runBench({
    botEntry,
    bareEntry: path.join(here, "bare-app.js"),
    sizes: values.quick ? QUICK : FULL,
    ...(values.profile
      ? { botNodeArgs: ["--cpu-prof", `--cpu-prof-dir=${out}`, "--cpu-prof-name=bot.cpuprofile"] }
      : {}),
    log: (line) => console.log(`  ${line}`),
  }),
);
const text = markdown(report);
writeFileSync(path.join(out, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(out, "latest.md"), text);
console.log(`\n${text}\nWritten: ${path.join(out, "latest.json")}, latest.md`);
