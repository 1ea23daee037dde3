import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { decide, describeDecision } from "../../../src/core/decision/index.js";
import type { Lang } from "../../../src/core/i18n/lang.js";
import { type RecordMeta, renderRecord } from "../../../src/core/record/index.js";
import { loadWalkthrough } from "../../../src/core/walkthrough/index.js";
import { AWS_AS_PLATFORM, DATA_DIR, PULLED_BOTH_WAYS } from "../../support/essay-cases.js";
import { fixtureMatrix } from "../../support/fixture-matrix.js";

const matrix = fixtureMatrix();
const def = loadWalkthrough(DATA_DIR, matrix);

const META: RecordMeta = {
  title: "Container platform for the payments team",
  date: new Date("2026-11-28T09:00:00Z"),
  status: "accepted",
  decisionMakers: ["Alice", "Bob"],
  consulted: ["Carol: SRE"],
  informed: ["#payments"],
  links: [{ label: "Slack thread", url: "https://example.slack.com/archives/C1/p1" }],
};

const HEADINGS: Record<Lang, string[]> = {
  en: [
    "## Context and Problem Statement",
    "## Decision Drivers",
    "## Considered Options",
    "## Decision Outcome",
    "### Consequences",
    "## Pros and Cons of the Options",
    "### Amazon ECS",
    "### Amazon EKS",
    "## More Information",
  ],
  ja: [
    "## 背景と課題",
    "## 決定要因",
    "## 検討した選択肢",
    "## 決定の結果",
    "### 影響",
    "## 各選択肢の長所と短所",
    "### Amazon ECS",
    "### Amazon EKS",
    "## 補足情報",
  ],
};

function render(answers: Record<string, string>, lang: Lang, meta: RecordMeta = META): string {
  return renderRecord(def, matrix, decide(def, matrix, answers), meta, lang);
}

/** The front matter (parsed) and the body. */
function split(md: string): { front: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(md);
  if (!m) throw new Error("no front matter");
  return { front: parse(m[1] ?? "") as Record<string, unknown>, body: m[2] ?? "" };
}

/** The text of one section: from its heading to the next heading of the same or a higher level. */
function section(md: string, heading: string): string {
  const lines = md.split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const level = heading.indexOf(" ");
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(" ") <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

describe("renderRecord", () => {
  for (const lang of ["en", "ja"] as const) {
    it(`has valid MADR front matter and every section in order (${lang})`, () => {
      const md = render(AWS_AS_PLATFORM, lang);
      const { front, body } = split(md);
      expect(front).toEqual({
        status: "accepted",
        date: "2026-11-28",
        "decision-makers": ["Alice", "Bob"],
        consulted: ["Carol: SRE"],
        informed: ["#payments"],
      });
      const lines = body.split("\n");
      expect(lines.filter((l) => /^# /.test(l))).toEqual([`# ${META.title}`]);
      const positions = HEADINGS[lang].map((h) => lines.indexOf(h));
      expect(
        positions.every((p) => p >= 0),
        HEADINGS[lang].join(", "),
      ).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(md).not.toMatch(/undefined|\[object/);
    });
  }

  it("states the chosen option with its justification (en)", () => {
    const md = render(AWS_AS_PLATFORM, "en");
    const outcome = section(md, "## Decision Outcome");
    expect(outcome).toContain(
      'Chosen option: "Amazon ECS", because the answers lean strongly to it (score: Amazon ECS 9, Amazon EKS 0).',
    );
    const aws = def.byId.get("aws-integration")?.options.find((o) => o.id === "deep");
    expect(outcome).toContain(aws?.why.en);
    expect(section(md, "## Considered Options").trim()).toBe("* Amazon ECS\n* Amazon EKS");
  });

  it("states the chosen option with its justification (ja)", () => {
    const md = render(AWS_AS_PLATFORM, "ja");
    expect(section(md, "## 決定の結果")).toContain(
      "採用する選択肢: 「Amazon ECS」。理由: 回答が強くこの選択肢に傾いているためです（スコア: Amazon ECS 9、Amazon EKS 0）。",
    );
    expect(section(md, "### 影響")).toMatch(/^\* 良い点: /m);
  });

  it("lists the answers as decision drivers, by stage", () => {
    const md = render(PULLED_BOTH_WAYS, "en");
    const drivers = section(md, "## Decision Drivers");
    expect(drivers).toContain("**What system are we building?**");
    expect(drivers).toContain("**How do we want to run it?**");
    expect(drivers).toContain(
      "* Kubernetes experience: Deep (has run clusters in production) — Leans to Amazon EKS (+3).",
    );
    expect(drivers.match(/^\* /gm)).toHaveLength(Object.keys(PULLED_BOTH_WAYS).length);
  });

  it("shows consequences on both sides for a team pulled both ways", () => {
    const md = render(PULLED_BOTH_WAYS, "en");
    expect(section(md, "## Decision Outcome")).toContain(
      'Chosen option: "Amazon EKS", because both options would work and the answers lean slightly to it',
    );
    const consequences = section(md, "### Consequences");
    expect(consequences).toMatch(/^\* Good, because it fits our answer on extensibility/m);
    expect(consequences).toMatch(
      /^\* Bad, because it goes against our answer on upgrade tolerance/m,
    );
    expect(consequences).toMatch(/^\* Bad, because the cluster's resources and add-ons/m);
  });

  it("derives pros and cons of each option from the reasons and the touched capabilities", () => {
    const md = render(PULLED_BOTH_WAYS, "en");
    const ecs = section(md, "### Amazon ECS");
    const eks = section(md, "### Amazon EKS");
    // Reasons: each answer is a pro of the side it leans to.
    expect(ecs).toContain("* Good, because it fits our answer on upgrade tolerance");
    expect(eks).toContain("* Good, because it fits our answer on Kubernetes experience");
    // Capabilities: native → Good, delegated/partial → Neutral, none → Bad.
    expect(ecs).toContain("* Bad, because Custom resources and operators — not available");
    expect(eks).toContain(
      "* Good, because Custom resources and operators — built in (CustomResourceDefinition, controllers).",
    );
    expect(eks).toContain(
      "* Neutral, because GitOps — needs add-ons or controllers we install (Argo CD, Flux).",
    );
    expect(ecs).toContain("* Good, because Upgrade burden — built in (No cluster version).");
    expect(ecs).toContain("* Neutral, because GitOps — only partly covered (CodePipeline).");
    // Good before Neutral before Bad.
    const kinds = ecs.match(/^\* (Good|Neutral|Bad)/gm) ?? [];
    const order = kinds.map((k) => ["* Good", "* Neutral", "* Bad"].indexOf(k));
    expect([...order].sort()).toEqual(order);
  });

  it("adds links, versions, what would change the answer and what you will need", () => {
    const decision = decide(def, matrix, PULLED_BOTH_WAYS);
    const md = renderRecord(def, matrix, decision, META, "en");
    const more = section(md, "## More Information");
    expect(more).toContain("* [Slack thread](https://example.slack.com/archives/C1/p1)");
    expect(more).toContain(
      `Capability matrix version fixture-1; walkthrough version ${def.version}.`,
    );
    const view = describeDecision(def, matrix, decision, "en");
    expect(view.flips.items.length).toBeGreaterThan(0);
    for (const f of view.flips.items) expect(more).toContain(`* ${f.sentence}`);
    expect(more).toContain(
      `* With Amazon ECS (AWS services and ECS features): ${decision.needs.ecs.join(", ")}`,
    );
    expect(more).toContain(
      `* With Amazon EKS (Kubernetes resources and add-ons): ${decision.needs.eks.join(", ")}`,
    );
    expect(more).toContain(def.byId.get("workload")?.prompt.en);
  });

  it("renders an empty decision without choosing", () => {
    for (const lang of ["en", "ja"] as const) {
      const md = render({}, lang, {
        ...META,
        status: undefined,
        informed: undefined,
        links: undefined,
      });
      const { front } = split(md);
      expect(front.status).toBe("proposed");
      expect(front.informed).toEqual([]);
      for (const h of HEADINGS[lang]) expect(md.split("\n")).toContain(h);
    }
    expect(render({}, "en")).toContain(
      "Chosen option: none yet, because no questions have been answered yet.",
    );
  });

  it("keeps user text from breaking the structure", () => {
    const meta: RecordMeta = {
      ...META,
      title: "## Decision Outcome\n---\n# Owned",
      decisionMakers: ["Mallory\n---\nstatus: rejected", "  "],
      consulted: ["- [x] Eve"],
      informed: [],
      links: [{ label: "a]b\nc", url: "https://x.example/a b)(c\n" }],
    };
    for (const lang of ["en", "ja"] as const) {
      const md = render(PULLED_BOTH_WAYS, lang, meta);
      const { front, body } = split(md);
      expect(front.status).toBe("accepted");
      expect(front["decision-makers"]).toEqual(["Mallory --- status: rejected"]);
      expect(front.consulted).toEqual(["- [x] Eve"]);
      const lines = body.split("\n");
      expect(lines.filter((l) => /^# /.test(l))).toEqual(["# \\#\\# Decision Outcome --- # Owned"]);
      expect(lines.filter((l) => l === "---")).toEqual([]);
      for (const h of HEADINGS[lang]) expect(lines.filter((l) => l === h)).toHaveLength(1);
      expect(md).toContain("* [a\\]b c](https://x.example/a%20b%29%28c)");
    }
    expect(render({}, "en", { ...META, title: " \n " })).toContain("\n# Amazon ECS / Amazon EKS\n");
  });
});
