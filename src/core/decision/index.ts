export * from "./conditions.js";
export * from "./decide.js";
export * from "./plan.js";
export * from "./status.js";
export * from "./versions.js";
export * from "./view.js";
