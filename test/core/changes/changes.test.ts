import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { capabilityCard, createAnswerer } from "../../../src/core/answer/index.js";
import {
  CHANGE_KINDS,
  type ChangeLog,
  changeAliasesByCapability,
  changesFor,
  changesSince,
  emptyChangeLog,
  loadChanges,
  parseChanges,
  queryChanges,
  selectChanges,
} from "../../../src/core/changes/index.js";
import { compileData } from "../../../src/core/compile-data.js";
import { compiledPath, DataFileError, loadMatrix } from "../../../src/core/matrix/index.js";
import { fixtureMatrix } from "../../support/fixture-matrix.js";

const matrix = fixtureMatrix();

/** One valid change; tests override what they need. */
function change(id: string, date: string, capabilities: string[], extra: object = {}) {
  return {
    id,
    date,
    kind: "launch",
    title: { en: `Title of ${id}`, ja: `${id} のタイトル` },
    summary: { en: `What ${id} changed.`, ja: `${id} で変わったことです。` },
    source: { url: `https://aws.amazon.com/blogs/${id}`, title: `About ${id}`, kind: "primary" },
    capabilities,
    aliases: { en: [`${id} alias`], ja: [`${id} の別名`] },
    ...extra,
  };
}

/** A small log: four deployment changes, one of them announced for after "now". */
function fixtureLog(): ChangeLog {
  return parseChanges(
    {
      version: "test",
      changes: [
        change("old-blue-green", "2024-03-01", ["deployment-strategies", "rollback"]),
        change("linear", "2025-10-28", ["deployment-strategies"], { kind: "launch" }),
        change("mesh-end", "2026-09-30", ["service-mesh"], {
          kind: "end-of-support",
          aliases: { en: ["app mesh", "appmesh"], ja: ["App Mesh"] },
        }),
        change("future-limit", "2027-01-15", ["deployment-strategies"], { kind: "limit" }),
        change("pricing", "2025-10-28", ["deployment-strategies", "service-mesh"], {
          kind: "pricing",
          aliases: { en: ["app mesh", "mesh price"], ja: ["料金"] },
          source: { url: "https://example.com/p", title: "A blog", kind: "third-party" },
        }),
      ],
    },
    "changes.yml",
    matrix,
  );
}

/** The message of what `fn` throws. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected an error");
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-changes-"));
  dirs.push(dir);
  return dir;
}

describe("data/changes.yml", () => {
  const real = loadMatrix();
  const log = loadChanges(undefined, real);

  it("loads, every capability it names exists, and it is newest first", () => {
    expect(log.changes.length).toBeGreaterThanOrEqual(15);
    const dates = log.changes.map((c) => c.date);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const c of log.changes) {
      for (const id of c.capabilities) expect(real.byId.has(id), `${c.id} → ${id}`).toBe(true);
    }
  });

  it("covers the events since 2023 the choice turns on, each on a primary source", () => {
    for (const id of [
      "app-runner-closed-to-new-customers",
      "ecs-express-mode",
      "app-mesh-end-of-support",
      "copilot-cli-end-of-support",
      "xray-sdk-daemon-end-of-support",
      "ecs-built-in-blue-green",
      "ecs-linear-canary-deployments",
      "ecs-managed-instances",
      "ecs-managed-daemons",
      "eks-auto-mode",
      "eks-pod-identity",
      "eks-hybrid-nodes",
      "eks-capabilities",
      "eks-extended-support-pricing",
      "eks-provisioned-control-plane",
    ]) {
      expect(log.byId.has(id), id).toBe(true);
    }
    expect(log.byId.get("app-mesh-end-of-support")?.date).toBe("2026-09-30");
    expect(log.byId.get("xray-sdk-daemon-end-of-support")?.date).toBe("2027-02-25");
    for (const c of log.changes) {
      expect(c.source.kind, c.id).toBe("primary");
      expect(c.date >= "2023-01-01", c.id).toBe(true);
      // Every title and summary in both languages; Japanese in です/ます.
      expect(c.summary.ja, c.id).toMatch(/(です|ます|ました|ません|ください)。$/);
    }
  });
});

describe("validating a change file", () => {
  it("refuses a bad entry, naming the file, the entry and the field", () => {
    const err = thrown(() =>
      parseChanges(
        {
          version: "x",
          changes: [
            change("fine", "2025-01-01", ["secrets"]),
            change("bad-kind", "2025-01-01", ["secrets"], { kind: "rumour" }),
            change("bad-date", "2026-02-30", ["secrets"]),
            { ...change("no-ja", "2025-01-01", ["secrets"]), title: { en: "Only English" } },
          ],
        },
        "data/changes.yml",
        matrix,
      ),
    );
    expect(err).toBeInstanceOf(DataFileError);
    expect(err.message).toMatch(/^data\/changes\.yml: /);
    expect(err.message).toContain("entry bad-kind field kind: ");
    expect(err.message).toContain("entry bad-date field date: must be a real date");
    expect(err.message).toContain("entry no-ja field title.ja: ");
    expect(err.message).not.toContain("entry fine");
  });

  it("refuses a capability id the matrix does not have, and a duplicate id", () => {
    const err = thrown(() =>
      parseChanges(
        {
          version: "x",
          changes: [
            change("a", "2025-01-01", ["secrets", "no-such-capability"]),
            change("a", "2025-02-01", ["secrets"]),
          ],
        },
        "changes.yml",
        matrix,
      ),
    );
    expect(err.message).toContain(
      "entry a field capabilities.1: unknown capability id no-such-capability",
    );
    expect(err.message).toContain("entry a: duplicate id");
  });

  it("reads changes.yml beside the matrix, or an empty log when the folder has none", () => {
    const dir = tempDir();
    expect(loadChanges(dir, matrix).changes).toEqual([]);
    writeFileSync(
      path.join(dir, "changes.yml"),
      stringify({ version: "1", changes: [change("x", "2025-05-05", ["gitops", "nope"])] }),
    );
    const err = thrown(() => loadChanges(dir, matrix));
    expect(err.message).toBe(
      `${path.join(dir, "changes.yml")}: entry x field capabilities.1: unknown capability id nope`,
    );
  });

  it("is compiled with the matrix at build, and refused there too", () => {
    const data = tempDir();
    const out = tempDir();
    for (const name of ["capabilities.yml", "walkthrough.yml", "changes.yml"]) {
      copyFileSync(path.join("data", name), path.join(data, name));
    }
    const written = compileData(data, out).map((f) => path.basename(f));
    expect(written).toContain("changes.yml.json");
    const changesYml = path.join(data, "changes.yml");
    const compiled = JSON.parse(readFileSync(compiledPath(changesYml, out), "utf8"));
    expect(compiled.data.changes.length).toBe(loadChanges(data, loadMatrix(data)).changes.length);

    writeFileSync(
      changesYml,
      readFileSync(changesYml, "utf8").replace("[service-mesh]", "[service-meshes]"),
    );
    const err = thrown(() => compileData(data, out));
    expect(err.message).toContain("unknown capability id service-meshes");
    expect(() => readFileSync(compiledPath(changesYml, out))).toThrow();
  });
});

describe("changesFor and changesSince", () => {
  const log = fixtureLog();

  it("lists a capability's changes newest first, and none for an unknown id", () => {
    expect(changesFor(log, "deployment-strategies").map((c) => c.id)).toEqual([
      "future-limit",
      "linear",
      "pricing",
      "old-blue-green",
    ]);
    expect(changesFor(log, "rollback").map((c) => c.id)).toEqual(["old-blue-green"]);
    expect(changesFor(log, "no-such-thing")).toEqual([]);
  });

  it("keeps the changes on or after a date, from a string or a moment", () => {
    expect(changesSince(log, "2025-10-28").map((c) => c.id)).toEqual([
      "future-limit",
      "mesh-end",
      "linear",
      "pricing",
    ]);
    expect(changesSince(log, new Date("2026-09-30T23:59:00Z")).map((c) => c.id)).toEqual([
      "future-limit",
      "mesh-end",
    ]);
    expect(changesSince(log, "2028-01-01")).toEqual([]);
    expect(
      selectChanges(log, { since: "2025-01-01", capability: "service-mesh" }).map((c) => c.id),
    ).toEqual(["mesh-end", "pricing"]);
    expect(selectChanges(emptyChangeLog(), {})).toEqual([]);
  });

  it("answers a query, or says which part of it is refused", () => {
    const ok = queryChanges(log, matrix, { since: "2026-01-01", capability: "service-mesh" });
    expect(ok.ok && ok.changes.map((c) => c.id)).toEqual(["mesh-end"]);
    expect(queryChanges(log, matrix, { since: "2026-1-1" })).toEqual({
      ok: false,
      refused: "bad-date",
      value: "2026-1-1",
    });
    expect(queryChanges(log, matrix, { capability: "app-mesh" })).toEqual({
      ok: false,
      refused: "unknown-capability",
      value: "app-mesh",
    });
  });

  it("gives a matcher the names of each capability's events, once each", () => {
    const aliases = changeAliasesByCapability(log);
    expect(aliases.get("service-mesh")).toEqual({
      en: ["app mesh", "appmesh", "mesh price"],
      ja: ["App Mesh", "料金"],
    });
    expect(aliases.get("secrets")).toBeUndefined();
    expect(CHANGE_KINDS).toContain("end-of-support");
  });
});

describe("recent changes on an answer card", () => {
  const log = fixtureLog();
  const NOW = new Date("2026-11-28T00:00:00Z");
  const cap = matrix.byId.get("deployment-strategies");
  if (!cap) throw new Error("fixture has no deployment-strategies");

  it("lists at most three, newest first, localized, marking what is still to come", () => {
    const card = capabilityCard(matrix, cap, "ja", { now: NOW, changes: log });
    expect(card.recentChanges).toEqual([
      {
        id: "future-limit",
        date: "2027-01-15",
        kind: "limit",
        kindLabel: "上限",
        title: "future-limit のタイトル",
        upcoming: true,
        source: {
          url: "https://aws.amazon.com/blogs/future-limit",
          title: "About future-limit",
          kind: "primary",
        },
      },
      expect.objectContaining({ id: "linear", kindLabel: "提供開始", upcoming: false }),
      expect.objectContaining({
        id: "pricing",
        kindLabel: "料金",
        source: expect.objectContaining({ kind: "third-party", label: "第三者の情報源" }),
      }),
    ]);
    const en = capabilityCard(matrix, cap, "en", {
      now: new Date("2027-02-01T00:00:00Z"),
      changes: log,
    });
    expect(en.recentChanges?.[0]).toMatchObject({
      title: "Title of future-limit",
      kindLabel: "Limit",
      upcoming: false,
    });
  });

  it("has none without a change log, and an empty list for a capability with no changes", () => {
    expect(capabilityCard(matrix, cap, "en", { now: NOW }).recentChanges).toBeUndefined();
    const secrets = matrix.byId.get("secrets");
    if (!secrets) throw new Error("fixture has no secrets");
    expect(capabilityCard(matrix, secrets, "en", { now: NOW, changes: log }).recentChanges).toEqual(
      [],
    );
  });

  it("comes through the answerer when it is given the log", () => {
    const answerer = createAnswerer(matrix, { clock: () => NOW, changes: log });
    const result = answerer.answer("deployment-strategies", "en");
    expect(result.model.kind).toBe("capability");
    if (result.model.kind !== "capability") return;
    expect(result.model.recentChanges?.map((c) => c.id)).toEqual([
      "future-limit",
      "linear",
      "pricing",
    ]);
  });
});
