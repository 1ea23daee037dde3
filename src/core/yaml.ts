import { createRequire } from "node:module";

type Yaml = typeof import("yaml");

let loaded: Yaml | undefined;

/**
 * The YAML library, loaded on first use: a bot reading compiled data (see readData in matrix/load.ts)
 * only needs it when it writes a decision record, so start-up does not pay for it.
 */
export function yaml(): Yaml {
  loaded ??= createRequire(import.meta.url)("yaml") as Yaml;
  return loaded;
}
