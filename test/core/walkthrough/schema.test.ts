import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DataFileError, loadMatrix, readYaml } from "../../../src/core/matrix/load.js";
import {
  loadWalkthrough,
  parseWalkthrough,
  STAGE_IDS,
  type WalkthroughDef,
} from "../../../src/core/walkthrough/index.js";
import { fixtureMatrix } from "../../support/fixture-matrix.js";

const DATA_DIR = fileURLToPath(new URL("../../../data/", import.meta.url));
const WALKTHROUGH = `${DATA_DIR}walkthrough.yml`;

const REQUIRED: Record<string, { stage: string; options: string[] }> = {
  workload: {
    stage: "what-system",
    options: ["web-services", "batch-jobs", "event-driven", "ml-gpu", "mixed"],
  },
  scale: { stage: "what-system", options: ["few", "many", "huge"] },
  portability: { stage: "what-system", options: ["aws-only", "hybrid", "multi-cloud"] },
  "current-platform": {
    stage: "what-system",
    options: ["greenfield", "ecs", "eks", "other-kubernetes", "other"],
  },
  "k8s-experience": { stage: "how-to-build", options: ["none", "some", "deep"] },
  extensibility: { stage: "how-to-build", options: ["not-needed", "some", "platform"] },
  "aws-integration": { stage: "how-to-build", options: ["deep", "neutral", "avoid-lock-in"] },
  "ops-team": { stage: "how-to-run", options: ["none", "small", "platform-team"] },
  "upgrade-tolerance": { stage: "how-to-run", options: ["low", "medium", "high"] },
  "cost-model": {
    stage: "how-to-run",
    options: ["minimize-fixed", "balanced", "optimize-at-scale"],
  },
};

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

interface RawOption {
  id: string;
  label: { en?: string; ja?: string };
  lean: string;
  weight: number;
  capabilities: string[];
}
interface RawQuestion {
  id: string;
  prompt?: unknown;
  options: RawOption[];
}
interface RawFile {
  version?: string;
  stages: { id: string; questions: RawQuestion[] }[];
}

function raw(): RawFile {
  return structuredClone(readYaml(WALKTHROUGH)) as RawFile;
}

function questionOf(data: RawFile, stage: number, index: number): RawQuestion {
  const q = data.stages[stage]?.questions[index];
  if (!q) throw new Error(`no question ${stage}.${index}`);
  return q;
}

function optionOf(q: RawQuestion, id: string): RawOption {
  const o = q.options.find((x) => x.id === id);
  if (!o) throw new Error(`no option ${q.id}.${id}`);
  return o;
}

function errorOf(fn: () => unknown): DataFileError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataFileError) return err;
    throw err;
  }
  throw new Error("expected a DataFileError");
}

describe("data/walkthrough.yml", () => {
  const def: WalkthroughDef = loadWalkthrough(DATA_DIR, fixtureMatrix());

  it("has a version and the three stages in order, each titled in both languages", () => {
    expect(def.version).toMatch(/\S/);
    expect(def.stages.map((s) => s.id)).toEqual([...STAGE_IDS]);
    for (const stage of def.stages) {
      expect(stage.title.en).toMatch(/\?$/);
      expect(stage.title.ja).toMatch(JAPANESE);
    }
  });

  it("has every required question in its stage with every required option", () => {
    for (const [id, { stage, options }] of Object.entries(REQUIRED)) {
      const q = def.byId.get(id);
      expect(q, id).toBeDefined();
      expect(q?.stage).toBe(stage);
      expect(q?.options.map((o) => o.id)).toEqual(expect.arrayContaining(options));
    }
  });

  it("keeps the walkthrough short enough to answer in Slack", () => {
    expect(def.questions.length).toBeGreaterThanOrEqual(10);
    expect(def.questions.length).toBeLessThanOrEqual(12);
    expect(def.questions).toEqual(def.stages.flatMap((s) => s.questions));
    expect(def.byId.size).toBe(def.questions.length);
  });

  it("writes every prompt, label and why in English and natural Japanese", () => {
    for (const q of def.questions) {
      for (const text of [q.prompt, q.topic, ...(q.help ? [q.help] : [])]) {
        expect(text.en).not.toMatch(JAPANESE);
        expect(text.ja, `${q.id}`).toMatch(JAPANESE);
      }
      for (const o of q.options) {
        expect(o.why.en.length, `${q.id}.${o.id}`).toBeGreaterThan(30);
        expect(o.why.ja, `${q.id}.${o.id}`).toMatch(JAPANESE);
        expect(o.why.ja).toMatch(/。$/);
        // Japanese full-width punctuation, not ASCII commas, in Japanese prose.
        expect(o.why.ja).not.toMatch(/[ぁ-んァ-ン一-龯],/);
      }
    }
  });

  it("gives every option a lean with a consistent weight", () => {
    for (const o of def.questions.flatMap((q) => q.options)) {
      if (o.lean === "neutral") expect(o.weight).toBe(0);
      else expect(o.weight).toBeGreaterThanOrEqual(1);
      expect(o.weight).toBeLessThanOrEqual(3);
    }
    const leans = new Set(def.questions.flatMap((q) => q.options.map((o) => o.lean)));
    expect(leans).toEqual(new Set(["ecs", "eks", "neutral"]));
  });

  it("references only capability ids that exist in data/capabilities.yml", () => {
    const matrix = loadMatrix(DATA_DIR);
    const walkthrough = loadWalkthrough(DATA_DIR, matrix);
    for (const o of walkthrough.questions.flatMap((q) => q.options)) {
      for (const cap of o.capabilities) expect(matrix.byId.has(cap), cap).toBe(true);
    }
  });
});

describe("parseWalkthrough errors", () => {
  it("names the file, the question, the option and the field", () => {
    const data = raw();
    delete optionOf(questionOf(data, 0, 0), "web-services").label.ja;
    const err = errorOf(() => parseWalkthrough(data, "walkthrough.yml"));
    expect(err.file).toBe("walkthrough.yml");
    expect(err.message).toContain("walkthrough.yml");
    expect(err.message).toContain("question workload option web-services field label.ja");
  });

  it("names a missing question-level field", () => {
    const data = raw();
    delete questionOf(data, 1, 0).prompt;
    const err = errorOf(() => parseWalkthrough(data, "w.yml"));
    expect(err.problems).toEqual([expect.stringContaining("question k8s-experience field prompt")]);
  });

  it("rejects an unknown lean, a weighted neutral option and duplicate ids", () => {
    const data = raw();
    const opsTeam = questionOf(data, 2, 0);
    optionOf(opsTeam, "none").lean = "nomad";
    optionOf(questionOf(data, 2, 1), "medium").weight = 2;
    data.stages[2]?.questions.push(structuredClone(opsTeam));
    const err = errorOf(() => parseWalkthrough(data, "w.yml"));
    expect(err.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("question ops-team option none field lean"),
        expect.stringContaining("question upgrade-tolerance option medium field weight"),
        "question ops-team: duplicate id",
      ]),
    );
  });

  it("rejects capability ids the matrix does not have, when given a matrix", () => {
    const data = raw();
    optionOf(questionOf(data, 0, 0), "web-services").capabilities.push("teleportation");
    expect(() => parseWalkthrough(data, "w.yml")).not.toThrow();
    const err = errorOf(() => parseWalkthrough(data, "w.yml", fixtureMatrix()));
    expect(err.message).toMatch(
      /question workload option web-services field capabilities\.\d+: unknown capability id teleportation/,
    );
  });

  it("rejects text split by an unquoted comma in a YAML flow mapping", () => {
    const text = readFileSync(WALKTHROUGH, "utf8").replace(
      'en: "Yes, our own internal platform"',
      "en: Yes, our own internal platform",
    );
    const err = errorOf(() => parseWalkthrough(parse(text), "w.yml"));
    expect(err.problems).toEqual([
      expect.stringMatching(
        /^question extensibility option platform field label: .*our own internal platform/,
      ),
    ]);
  });

  it("loads from the default data folder", () => {
    expect(loadWalkthrough().questions.map((q) => q.id)).toEqual(
      loadWalkthrough(DATA_DIR).questions.map((q) => q.id),
    );
  });

  it("rejects stages out of order and a file without a version", () => {
    const data = raw();
    data.stages.reverse();
    expect(errorOf(() => parseWalkthrough(data)).message).toContain("stage #1 field id");
    const noVersion = raw();
    delete noVersion.version;
    expect(errorOf(() => parseWalkthrough(noVersion)).message).toContain("file field version");
  });
});
