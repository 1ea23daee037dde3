export * from "./file-name.js";
export * from "./render.js";
