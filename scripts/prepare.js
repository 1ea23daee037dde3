// Run by npm's `prepare` (after `npm install` and `npm ci`): builds dist/ when the dev dependencies are
// installed, so a fresh clone's `npm install` leaves a runnable bot. A production install
// (`npm ci --omit=dev`, as the Dockerfile's deps stage does) has no TypeScript, and its dist/ comes
// from the image's build stage: there the build is skipped instead of failing on a missing `tsc`.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
try {
  require.resolve("typescript/package.json");
} catch {
  console.log("prepare: TypeScript is not installed (production install); not building dist/");
  process.exit(0);
}

// npm_execpath is the npm that runs this script; fall back to the one on PATH.
const npm = process.env.npm_execpath;
const result = npm
  ? spawnSync(process.execPath, [npm, "run", "build"], { stdio: "inherit" })
  : spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
process.exit(result.status ?? 1);
