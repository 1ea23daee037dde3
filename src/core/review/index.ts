export * from "./record.js";
export * from "./relied.js";
export * from "./revisit.js";
export * from "./view.js";
