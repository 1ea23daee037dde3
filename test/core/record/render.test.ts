import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { decide, describeDecision } from "../../../src/core/decision/index.js";
import type { Lang } from "../../../src/core/i18n/lang.js";
import { loadMatrix } from "../../../src/core/matrix/load.js";
import {
  MAX_RECORD_WORDS,
  type RecordMeta,
  recordWords,
  renderRecord,
} from "../../../src/core/record/index.js";
import { loadWalkthrough } from "../../../src/core/walkthrough/index.js";
import {
  AWS_AS_PLATFORM,
  DATA_DIR,
  OWN_PLATFORM,
  PULLED_BOTH_WAYS,
} from "../../support/essay-cases.js";
import { sentencesOf } from "./sentences.js";

const matrix = loadMatrix(DATA_DIR);
const def = loadWalkthrough(DATA_DIR, matrix);
const KUBEFLOW = { ...AWS_AS_PLATFORM, "required-software": "k8s-only" };
const STORES = { ...AWS_AS_PLATFORM, portability: "disconnected" };

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

/** Deterministic answer sets over every question. */
function teams(count: number): Record<string, string>[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const share = 0.3 + random() * 0.7;
    const answers: Record<string, string> = {};
    for (const q of def.questions) {
      if (random() < share)
        answers[q.id] = q.options[Math.floor(random() * q.options.length)]?.id ?? "";
    }
    return answers;
  });
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
        // What `ecs-vs-eks check --decision` reads back (issue 12).
        "ecs-vs-eks": {
          matrix: matrix.version,
          walkthrough: def.version,
          answers: { ...AWS_AS_PLATFORM },
          outcome: { verdict: "platform", recommendation: "ecs", lean: "ecs", platform: "ecs" },
          facts: expect.objectContaining({
            "portability-multicloud": expect.stringMatching(
              /^[a-z]+ [0-9a-f]{8} \/ [a-z]+ [0-9a-f]{8}$/,
            ),
          }),
        },
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
      'Chosen option: "Amazon ECS", because the answers lean strongly to it (score: Amazon ECS 9, Amazon EKS 0), most of all our answers on Kubernetes experience and AWS integration.',
    );
    expect(outcome).toContain("We will run it on AWS Fargate, because there are no instances");
    expect(outcome).toContain("ECS itself has no control-plane charge.");
    expect(section(md, "## Considered Options").trim()).toBe(
      "* Amazon ECS, with AWS itself as our platform.\n* Amazon EKS, with our own platform on Kubernetes.",
    );
  });

  it("states the chosen option with its justification (ja)", () => {
    const md = render(AWS_AS_PLATFORM, "ja");
    expect(section(md, "## 決定の結果")).toContain(
      "採用する選択肢は「Amazon ECS」です。回答が明確にこの選択肢に傾いており（スコア: Amazon ECS 9、Amazon EKS 0）、特に Kubernetes の経験、AWS との統合についての回答が効いています。",
    );
    expect(section(md, "### 影響")).toMatch(/^\* 悪い点: /m);
    expect(section(md, "### Amazon ECS")).toMatch(/^\* 良い点: /m);
  });

  it("lists every answer once as a decision driver, by stage, without its reason", () => {
    const md = render(PULLED_BOTH_WAYS, "en");
    const drivers = section(md, "## Decision Drivers");
    expect(drivers).toContain("**What system are we building?**");
    expect(drivers).toContain("**How do we want to run it?**");
    expect(drivers).toContain(
      "* For Kubernetes experience, we answered “Deep (has run clusters in production)”.",
    );
    expect(drivers.match(/^\* /gm)).toHaveLength(Object.keys(PULLED_BOTH_WAYS).length);
  });

  it("says each answer's reason once, under the option it favours", () => {
    for (const answers of [PULLED_BOTH_WAYS, AWS_AS_PLATFORM, OWN_PLATFORM]) {
      const md = render(answers, "en");
      for (const [q, o] of Object.entries(answers)) {
        const why = def.byId.get(q)?.options.find((x) => x.id === o)?.why.en ?? "";
        const tail = why.slice(1, 60);
        expect(md.split(tail).length - 1, `${q}=${o}`).toBe(1);
      }
    }
    const md = render(PULLED_BOTH_WAYS, "en");
    expect(section(md, "### Amazon ECS")).toContain(
      "Good, because ECS has no cluster version to upgrade",
    );
    expect(section(md, "### Amazon EKS")).toContain(
      "Good, because Kubernetes is built for this: custom resources and controllers extend one consistent API.",
    );
  });

  it("writes no decision yet while too few questions are answered", () => {
    for (const lang of ["en", "ja"] as const) {
      const md = render({ "k8s-experience": "none", scale: "few" }, lang);
      for (const h of HEADINGS[lang]) expect(md.split("\n")).toContain(h);
      expect(md).not.toMatch(/Chosen option: "|採用する選択肢は「/);
    }
    const md = render({ "k8s-experience": "none", scale: "few" }, "en");
    expect(section(md, "## Decision Outcome")).toContain(
      `Chosen option: none yet, because we answered only 2 of ${def.questions.length} questions, and a decision needs an answer in each of the three stages and at least 4 in all.`,
    );
    expect(section(md, "## Decision Outcome")).toContain(
      "So far the answers lean to Amazon ECS (score: Amazon ECS 5, Amazon EKS 0).",
    );
    expect(section(md, "### Consequences").trim()).toBe(
      "There are no consequences to weigh until an option is chosen.",
    );
    expect(section(md, "## More Information")).not.toContain("we will need");
  });

  it("frames a team on ECS or EKS as staying or migrating", () => {
    const stay = render({ ...AWS_AS_PLATFORM, "current-platform": "ecs" }, "en");
    expect(section(stay, "## Context and Problem Statement")).toContain(
      "We run our containers on Amazon ECS today, and need to decide whether to stay on it or to migrate to Amazon EKS.",
    );
    expect(section(stay, "## Considered Options").trim()).toBe(
      "* Stay on Amazon ECS, with AWS itself as our platform.\n* Migrate to Amazon EKS, with our own platform on Kubernetes.",
    );
    expect(section(stay, "## Decision Outcome")).toContain('Chosen option: "Stay on Amazon ECS"');
    const migrate = render({ ...OWN_PLATFORM, "current-platform": "ecs" }, "en");
    expect(section(migrate, "## Decision Outcome")).toContain(
      'Chosen option: "Migrate to Amazon EKS"',
    );
    expect(section(migrate, "### Consequences")).toContain(
      "* Bad, because moving to EKS is a rebuild, not a port",
    );
    const ja = render({ ...OWN_PLATFORM, "current-platform": "ecs" }, "ja");
    expect(section(ja, "## 検討した選択肢").trim()).toBe(
      "* Amazon ECS を使い続ける: AWS そのものをプラットフォームにする選択肢です。\n* Amazon EKS へ移行する: Kubernetes の上に自分たちのプラットフォームを作る選択肢です。",
    );
    expect(ja).toContain("採用する選択肢は「Amazon EKS へ移行する」です。");
  });

  it("records a hard constraint with its primary source, and neither-fits with the better option", () => {
    const md = render(KUBEFLOW, "en");
    const outcome = section(md, "## Decision Outcome");
    expect(outcome).toContain(
      'Chosen option: "Amazon EKS", because it is the only option that can run what we must run.',
    );
    expect(outcome).toContain("run only on Kubernetes");
    expect(outcome).toContain("(https://github.com/kubeflow/kubeflow), checked on 2026-");
    expect(outcome).toContain(
      "The other answers lean to Amazon ECS (score: Amazon ECS 9, Amazon EKS 0)",
    );
    expect(outcome).toContain("We will run it on Amazon EKS Auto Mode");
    const stores = render(STORES, "en");
    expect(section(stores, "## Considered Options")).toContain(
      "* Amazon EKS Anywhere, or a lightweight Kubernetes such as k3s, at the sites, the better option that the hard constraint points to.",
    );
    expect(section(stores, "## Decision Outcome")).toContain(
      'Chosen option: "Amazon EKS Anywhere, or a lightweight Kubernetes such as k3s, at the sites", because neither Amazon ECS nor Amazon EKS fits as asked.',
    );
    expect(section(stores, "## Decision Outcome")).toContain("hybrid-nodes-overview.html");
    expect(render(STORES, "ja")).toContain(
      "いまの条件では Amazon ECS も Amazon EKS も適さないためです。",
    );
  });

  it("adds links, versions, the bill of materials and what would change the decision", () => {
    const decision = decide(def, matrix, AWS_AS_PLATFORM);
    const md = renderRecord(def, matrix, decision, META, "en");
    const more = section(md, "## More Information");
    expect(more).toContain("* [Slack thread](https://example.slack.com/archives/C1/p1)");
    expect(more).toContain(
      `The decision used capability matrix version ${matrix.version} and walkthrough version ${def.version}.`,
    );
    expect(more).toContain("This is what we will need with Amazon ECS, by stage.");
    expect(more).toContain(
      "* We need AWS Secrets Manager, because it holds the secrets, which the task definition injects when a task starts, the job a Kubernetes Secret does.",
    );
    const view = describeDecision(def, matrix, decision, "en");
    expect(view.flips.items.length).toBeGreaterThan(0);
    for (const f of view.flips.items) expect(more).toContain(`* ${f.sentence}`);
    expect(section(md, "## Context and Problem Statement")).toContain(
      `We answered 4 of the ${def.questions.length} questions of the walkthrough, and the others count as neutral: the workload,`,
    );
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

  it("stays on one page with no sentence said twice and every line a sentence, in both languages", () => {
    let longest = 0;
    for (const answers of teams(150)) {
      const decision = decide(def, matrix, answers);
      for (const lang of ["en", "ja"] as const) {
        const md = renderRecord(def, matrix, decision, META, lang);
        const words = recordWords(md);
        longest = Math.max(longest, words);
        expect(words, JSON.stringify(answers)).toBeLessThanOrEqual(MAX_RECORD_WORDS);
        const sentences = sentencesOf(md, lang);
        expect(sentences.filter((s, i) => sentences.indexOf(s) !== i)).toEqual([]);
        for (const s of sentences) {
          if (/^\[.*\]\(.*\)$/.test(s)) continue; // a link
          expect(s, s).toMatch(lang === "ja" ? /[。？）]$/ : /[.?!)]$/);
        }
      }
    }
    expect(longest).toBeGreaterThan(600);
  });

  it("writes natural Japanese: です/ます, Japanese punctuation, no English wording, no italics", () => {
    for (const answers of [AWS_AS_PLATFORM, KUBEFLOW, STORES, PULLED_BOTH_WAYS]) {
      const md = render(answers, "ja");
      const body = split(md).body;
      expect(body).toMatch(/(?:です|ます)。/);
      expect(body).not.toMatch(/Chosen option|Good, because|Bad, because|We need|because/);
      expect(body).not.toMatch(/[ぁ-んァ-ン一-龯],/);
      expect(body).not.toMatch(/(^|\s)_[^_\s][^_]*_(\s|$)/m);
      expect(body).not.toMatch(/(^|[^*])\*[^*\s][^*]*\*(?!\*)/m);
    }
  });

  it("names the decision-makers", () => {
    const md = render(AWS_AS_PLATFORM, "en", { ...META, decisionMakers: ["Alice Smith", "鈴木"] });
    expect(split(md).front["decision-makers"]).toEqual(["Alice Smith", "鈴木"]);
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
