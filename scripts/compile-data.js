// Run by `npm run build` after tsc: compiles data/*.yml to validated JSON under dist/src/compiled-data/,
// which the bot reads at start instead of the YAML (see readData in src/core/matrix/load.ts).
import path from "node:path";
import { compileData } from "../dist/src/core/compile-data.js";

try {
  const written = compileData();
  const names = written.map((file) => path.relative(process.cwd(), file)).join(", ");
  console.log(`compiled data: ${names || "nothing"}`);
} catch (err) {
  console.error(`data/ is not valid: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
