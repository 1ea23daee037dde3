export * from "./labels.js";
export * from "./load.js";
export * from "./query.js";
export * from "./schema.js";
export * from "./select.js";
export * from "./view.js";
