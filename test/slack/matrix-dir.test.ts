import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { main } from "../../src/main.js";
import { DATA_DIR } from "../support/essay-cases.js";
import { FakeSlack, GOOD_TOKEN } from "../support/fake-slack.js";

let fake: FakeSlack;
let dir: string;
beforeAll(async () => {
  fake = await new FakeSlack().start();
  dir = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-matrix-dir-"));
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("MATRIX_DIR", () => {
  it("is optional: unset means the package's data/", () => {
    const env = { SLACK_BOT_TOKEN: GOOD_TOKEN, SLACK_SIGNING_SECRET: "s" };
    expect(loadConfig(env).matrixDir).toBeUndefined();
    expect(loadConfig({ ...env, MATRIX_DIR: " " }).matrixDir).toBeUndefined();
    expect(loadConfig({ ...env, MATRIX_DIR: "/srv/our-matrix" }).matrixDir).toBe("/srv/our-matrix");
  });

  it("a broken file in it stops start-up with one line naming the file, entry and field", async () => {
    for (const file of ["capabilities.yml", "walkthrough.yml", "changes.yml"]) {
      cpSync(path.join(DATA_DIR, file), path.join(dir, file));
    }
    const file = path.join(dir, "capabilities.yml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        /(- id: secrets[\s\S]*?ecs:\n\s+support: )\w+/,
        "$1sometimes",
      ),
    );
    const err: string[] = [];
    const code = await main(
      {
        SLACK_BOT_TOKEN: GOOD_TOKEN,
        SLACK_SIGNING_SECRET: "s",
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATA_DIR: dir,
        MATRIX_DIR: dir,
        LOG_LEVEL: "error",
      },
      { stderr: (l) => err.push(l), stdout: () => {}, onSignal: () => {} },
    );
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      new RegExp(
        `^ecs-vs-eks: Invalid data file ${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: entry secrets field ecs\\.support: `,
      ),
    );
  });
});
