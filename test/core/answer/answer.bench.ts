import { existsSync, readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { parse } from "yaml";
import { createAnswerer } from "../../../src/core/answer/index.js";
import { MatrixIndex } from "../../../src/core/answer/matcher.js";
import { loadMatrix, type Matrix } from "../../../src/core/matrix/index.js";
import { fixtureMatrix } from "./fixture.js";

// Throughput of Answerer.answer over the development and extra questions:
//   npx vitest bench --run test/core/answer
const matrix: Matrix = existsSync("data/capabilities.yml") ? loadMatrix("data") : fixtureMatrix();
const questions = ["test/fixtures/questions.dev.yml", "test/fixtures/questions.extra.yml"].flatMap(
  (file) => (parse(readFileSync(file, "utf8")) as { q: string }[]).map((x) => x.q),
);
const answerer = createAnswerer(matrix, { clock: () => new Date("2026-11-28T00:00:00Z") });

describe(`answer() over ${questions.length} questions (one iteration answers them all)`, () => {
  bench("index build (on the first question)", () => {
    new MatrixIndex(matrix);
  });
  bench("answer all questions", () => {
    for (const q of questions) answerer.answer(q);
  });
  // Worst case: every question has a new unknown word, so typo correction cannot use its cache.
  let n = 0;
  const letters = "abcdefghijklmnopqrstuvwxyz";
  bench("answer 100 questions, each with a new 9-letter unknown word", () => {
    for (let i = 0; i < 100; i++) {
      let word = "";
      for (let k = 0, x = n++; k < 9; k++, x = Math.floor(x / 26) + k * 7) word += letters[x % 26];
      answerer.answer(`how do we configure ${word} for our services`);
    }
  });
});
