export * from "./click.js";
export * from "./credit.js";
export * from "./load.js";
export * from "./participation.js";
export * from "./schema.js";
export * from "./session.js";
export * from "./state.js";
export * from "./types.js";
