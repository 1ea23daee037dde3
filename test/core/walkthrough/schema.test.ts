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
    options: [
      "web-services",
      "batch-jobs",
      "event-driven",
      "event-handler",
      "gpu-inference",
      "ml-training",
      "mixed",
    ],
  },
  scale: { stage: "what-system", options: ["few", "many", "huge"] },
  portability: {
    stage: "what-system",
    options: ["aws-only", "hybrid", "disconnected", "multi-cloud"],
  },
  "current-platform": {
    stage: "what-system",
    options: ["greenfield", "ecs", "eks", "other-kubernetes", "openshift", "other"],
  },
  windows: { stage: "what-system", options: ["linux-only", "mostly-windows", "some-windows"] },
  "required-software": {
    stage: "what-system",
    options: ["none", "managed-data", "stateful-self-run", "k8s-only", "ship-helm-chart"],
  },
  "service-security": {
    stage: "how-to-build",
    options: ["network", "encryption", "mesh-policies"],
  },
  "time-to-production": { stage: "how-to-build", options: ["weeks", "months", "longer"] },
  isolation: {
    stage: "how-to-run",
    options: ["standard", "regulated", "egress-allowlist", "shared-cluster"],
  },
  "ip-addresses": { stage: "how-to-run", options: ["plenty", "scarce-ipv4", "ipv6"] },
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
  const matrix = loadMatrix(DATA_DIR);
  const def: WalkthroughDef = loadWalkthrough(DATA_DIR, matrix);

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

  // Issue 10 added six questions (Windows, required software, isolation, IP addresses,
  // service-to-service security, time to production); every one can be skipped.
  it("keeps the walkthrough short enough to answer in Slack", () => {
    expect(def.questions.length).toBeGreaterThanOrEqual(10);
    expect(def.questions.length).toBeLessThanOrEqual(18);
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

describe("data/walkthrough.yml: hard constraints, capacity, the bill of materials", () => {
  const matrix = loadMatrix(DATA_DIR);
  const def = loadWalkthrough(DATA_DIR, matrix);
  const options = def.questions.flatMap((q) => q.options.map((o) => ({ q, o })));
  /** Options whose fact the matrix does not hold yet (no Lambda or ROSA entry in capabilities.yml). */

  it("gives every hard constraint a reason, a flip clause and a primary source from the matrix", () => {
    const musts = options.filter(({ o }) => o.must);
    expect(musts.map(({ q, o }) => `${q.id}=${o.id}`).sort()).toEqual(
      [
        "current-platform=openshift",
        "portability=disconnected",
        "required-software=k8s-only",
        "required-software=ship-helm-chart",
        "workload=event-handler",
      ].sort(),
    );
    for (const { q, o } of musts) {
      const where = `${q.id}=${o.id}`;
      const must = o.must;
      if (!must) continue;
      expect(must.because.en, where).toMatch(/\.$/);
      expect(must.because.ja, where).toMatch(/。$/);
      expect(must.if.en, where).toMatch(/^If /);
      expect(must.if.ja, where).toMatch(JAPANESE);
      // A hard constraint decides on its own: it adds no weight of its own to either side.
      expect(o.weight, where).toBe(0);
      expect(must.fact, where).toBeDefined();
      const cap = matrix.byId.get(must.fact?.capability ?? "");
      const source = cap?.sources.find((s) => s.url === must.fact?.source);
      expect(source?.kind, where).toBe("primary");
    }
  });

  it("rejects a fact whose source is not a primary source of its capability", () => {
    const data = raw() as unknown as {
      stages: {
        questions: { id: string; options: { id: string; must?: { fact?: unknown } }[] }[];
      }[];
    };
    const disconnected = data.stages[0]?.questions
      .find((q) => q.id === "portability")
      ?.options.find((o) => o.id === "disconnected");
    if (!disconnected?.must) throw new Error("no must");
    disconnected.must.fact = { capability: "hybrid-on-prem", source: "https://example.com/x" };
    expect(errorOf(() => parseWalkthrough(data, "w.yml", matrix)).message).toContain(
      "question portability option disconnected field must field fact.source: not a source of capability hybrid-on-prem",
    );
    disconnected.must.fact = {
      capability: "control-plane-cost",
      source:
        "https://raw.githubusercontent.com/api-evangelist/amazon-ecs/refs/heads/main/plans/amazon-ecs-plans-pricing.yml",
    };
    expect(errorOf(() => parseWalkthrough(data, "w.yml", matrix)).message).toContain(
      "a third-party source cannot back a rule",
    );
  });

  it("rejects a constraint that both requires a platform and names a better option", () => {
    const data = raw() as unknown as {
      stages: {
        questions: { id: string; options: { id: string; must?: Record<string, unknown> }[] }[];
      }[];
    };
    const k8sOnly = data.stages[0]?.questions
      .find((q) => q.id === "required-software")
      ?.options.find((o) => o.id === "k8s-only");
    if (!k8sOnly?.must) throw new Error("no must");
    k8sOnly.must.instead = { en: "Anything", ja: "何か" };
    expect(errorOf(() => parseWalkthrough(data, "w.yml")).message).toContain(
      "question required-software option k8s-only field must: must have exactly one of requires",
    );
  });

  it("names the need, field and id when a condition refers to what does not exist", () => {
    const data = raw() as unknown as { needs: { id: string; when?: unknown; unless?: unknown }[] };
    const alb = data.needs.find((n) => n.id === "ecs-alb");
    if (!alb) throw new Error("no ecs-alb");
    alb.when = { workload: ["web-services", "websites"], budget: ["low"] };
    alb.unless = { capacity: ["warp-drive"] };
    const problems = errorOf(() => parseWalkthrough(data, "w.yml")).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        "need ecs-alb field when: unknown option websites for question workload",
        "need ecs-alb field when: unknown question budget",
        "need ecs-alb field unless: unknown capacity option warp-drive",
      ]),
    );
  });

  it("needs a default capacity rule per platform, and each rule's option on its platform", () => {
    const data = raw() as unknown as {
      capacity: { choose: { platform: string; option: string; when?: unknown }[] };
    };
    const choose = data.capacity.choose;
    const lastEcs = [...choose].reverse().find((r) => r.platform === "ecs");
    if (!lastEcs) throw new Error("no ecs rule");
    lastEcs.when = { scale: ["few"] };
    const first = choose[0];
    if (!first) throw new Error("no rule");
    first.option = "auto-mode";
    const problems = errorOf(() => parseWalkthrough(data, "w.yml")).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        "capacity field choose: the last ecs rule must have no when",
        "capacity rule #1 field option: auto-mode is not a ecs option",
      ]),
    );
  });

  it("takes every fee and figure from the capability matrix", () => {
    const matrixText = matrix.capabilities
      .flatMap((c) => [c.kubernetes.summary.en, c.ecs.summary.en, c.implication.en])
      .join("\n");
    const texts = [
      ...(def.capacity?.options ?? []).flatMap((o) => [o.fee.en, o.label.en]),
      ...(def.capacity?.choose ?? []).map((r) => r.why.en),
      ...(def.needs ?? []).flatMap((n) => [n.name.en, n.why.en]),
      ...(["ecs", "eks"] as const).flatMap((p) => {
        const info = def.platforms?.[p];
        return info ? [...info.good, ...info.bad, info.migrate].map((c) => c.en) : [];
      }),
    ];
    const figures = texts.flatMap((text) => text.match(/\$\d+(?:\.\d+)?|\d+%/g) ?? []);
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(matrixText, figure).toContain(figure);
  });

  it("writes every capacity option and bill-of-materials item in both languages", () => {
    for (const o of def.capacity?.options ?? []) {
      expect(o.fee.en).toMatch(/\.$/);
      expect(o.fee.ja, o.id).toMatch(/。$/);
    }
    for (const r of def.capacity?.choose ?? []) expect(r.why.ja).toMatch(/。$/);
    for (const n of def.needs ?? []) {
      expect(n.why.en, n.id).toMatch(/^[A-Z].*\.$/);
      expect(n.why.ja, n.id).toMatch(/。$/);
      expect(n.why.ja).not.toMatch(/[ぁ-んァ-ン一-龯],/);
      // Never the product itself.
      expect(["Amazon ECS", "Amazon EKS"]).not.toContain(n.name.en);
    }
  });

  it("gives every option of the new questions cues in both languages", () => {
    for (const id of [
      "windows",
      "required-software",
      "service-security",
      "time-to-production",
      "isolation",
      "ip-addresses",
    ]) {
      const q = def.byId.get(id);
      for (const o of q?.options ?? []) {
        expect(o.cues?.en?.length, `${id}=${o.id}`).toBeGreaterThan(0);
        expect(o.cues?.ja?.length, `${id}=${o.id}`).toBeGreaterThan(0);
      }
    }
  });
});
