#!/usr/bin/env node
import { createInterface } from "node:readline/promises";
import { run } from "./run.js";

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  prompt: interactive
    ? async (question) => {
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        try {
          return await rl.question(question);
        } finally {
          rl.close();
        }
      }
    : undefined,
});
process.exitCode = code;
