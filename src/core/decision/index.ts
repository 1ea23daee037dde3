export * from "./decide.js";
export * from "./view.js";
