import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The version in the nearest package.json above this module: the project's own, whether it runs
 * from src/ (tests), dist/src/ (npm run cli) or node_modules/ecs-vs-eks/dist/src/ (npx).
 */
export function packageVersion(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file))
      return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
