import { fileURLToPath } from "node:url";
import { loadWalkthrough } from "../../../src/core/walkthrough/index.js";

/** The real walkthrough (data/walkthrough.yml), its question ids in order, and fixed times. */
export const def = loadWalkthrough(fileURLToPath(new URL("../../../data/", import.meta.url)));
export const ids = def.questions.map((q) => q.id);
export const T0 = new Date("2026-11-28T01:00:00Z");
export const T1 = new Date("2026-11-28T02:00:00Z");
