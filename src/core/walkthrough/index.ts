export * from "./load.js";
export * from "./schema.js";
export * from "./session.js";
export * from "./types.js";
