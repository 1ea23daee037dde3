import { MemoryStore } from "../../src/store/index.js";
import { defineStoreContract } from "./contract.js";

defineStoreContract("memory", {
  shared: false,
  open: async (options) => new MemoryStore(options),
});
