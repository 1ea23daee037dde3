import { describe, expect, it } from "vitest";
import { type DecisionView, decide, describeDecision } from "../../src/core/decision/index.js";
import type { Lang } from "../../src/core/i18n/lang.js";
import { loadMatrix } from "../../src/core/matrix/index.js";
import { loadWalkthrough } from "../../src/core/walkthrough/index.js";
import {
  FULL_REASONING_ACTION,
  MORE_ACTION,
  renderFullReasoning,
  renderResultCard,
} from "../../src/slack/blocks/result-card.js";
import { decisionValue, decode } from "../../src/slack/payloads.js";
import { plainText } from "../../src/slack/plain-text.js";
import { messageProblems, viewProblems } from "../support/block-kit-limits.js";

type Json = Record<string, unknown>;
const matrix = loadMatrix();
const def = loadWalkthrough(undefined, matrix);

/** Answer sets reaching every verdict: none, each option column, and each hard constraint alone. */
function answerSets(): Record<string, string>[] {
  const sets: Record<string, string>[] = [{}];
  const widest = Math.max(...def.questions.map((q) => q.options.length));
  for (let i = 0; i < widest; i++) {
    sets.push(
      Object.fromEntries(
        def.questions.map((q) => [q.id, (q.options[i] ?? q.options[0])?.id ?? ""]),
      ),
    );
  }
  const base = sets[1] ?? {};
  for (const q of def.questions)
    for (const o of q.options) if (o.must) sets.push({ ...base, [q.id]: o.id });
  return sets;
}

function viewsByVerdict(lang: Lang): Map<string, DecisionView> {
  const out = new Map<string, DecisionView>();
  for (const answers of answerSets()) {
    const view = describeDecision(def, matrix, decide(def, matrix, answers), lang);
    if (!out.has(view.verdict)) out.set(view.verdict, view);
  }
  return out;
}

/** What a user reads: every text of the blocks. */
function read(v: unknown): string {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(read).join("");
  if (v && typeof v === "object")
    return Object.entries(v as Json)
      .filter(([k]) => k === "text" || k === "elements" || k === "options")
      .map(([, x]) => read(x))
      .join("");
  return "";
}

const HEADERS: Record<Lang, Record<string, RegExp>> = {
  en: {
    platform: /^Decided: Amazon (ECS|EKS)/,
    required: /^Amazon (ECS|EKS) required — /,
    either: /^Either platform fits/,
    neither: /^Neither fits as asked — /,
    undecided: /^No decision yet — /,
  },
  ja: {
    platform: /^決定: Amazon (ECS|EKS)/,
    required: /^Amazon (ECS|EKS) が必須 — /,
    either: /^どちらでも可/,
    neither: /^いまの条件ではどちらも適しません — /,
    undecided: /^まだ決まっていません — /,
  },
};

describe("the result card", () => {
  for (const lang of ["en", "ja"] as const) {
    it(`says the verdict in its header, in at most 6 blocks and ~800 characters (${lang})`, () => {
      const views = viewsByVerdict(lang);
      expect([...views.keys()]).toEqual(expect.arrayContaining(["platform", "undecided"]));
      for (const [verdict, view] of views) {
        const card = renderResultCard(view, {
          title: "Payments & <!here>",
          participants: ["U0ALICE001", "U0BOB00002", "U0ALICE001"],
          matrixVersion: "2026-11-29",
          mentions: true,
          decisionId: "0f1e2d3c-aaaa-bbbb-cccc-123456789012",
          threadLink: "https://fake.slack.com/archives/C1/p1",
          // Everything the context line can carry: a revised version, its revisit date, a fact change.
          version: { version: 2 },
          revisitAt: new Date("2027-11-28T09:00:00Z"),
          factsChanged: true,
        });
        const blocks = card.blocks as unknown as Json[];
        expect(blocks.length).toBeLessThanOrEqual(6);
        expect(Array.from(blocks.map(read).join("")).length).toBeLessThanOrEqual(900);
        expect(read(blocks[0])).toMatch(HEADERS[lang][verdict] ?? /^$/);
        expect(read(blocks[0])).toContain("Payments &amp; &lt;!here&gt;");
        const text = JSON.stringify(card);
        expect(text.split("<@U0ALICE001>")).toHaveLength(2);
        expect(messageProblems(card as unknown as Json, `card ${lang} ${verdict}`)).toEqual([]);
      }
    });
  }

  it("a copy names nobody and has no buttons; the card's values are versioned and validated", () => {
    const view = viewsByVerdict("en").get("platform");
    if (!view) throw new Error("no platform verdict");
    const copy = renderResultCard(view, {
      title: "T",
      participants: ["U0ALICE001", "U0BOB00002"],
      matrixVersion: "v",
      mentions: false,
    });
    expect(JSON.stringify(copy)).not.toContain("<@");
    expect(JSON.stringify(copy)).toContain("2 people took part");
    expect(copy.blocks.some((b) => b.type === "actions")).toBe(false);
    const card = renderResultCard(view, {
      title: "T",
      participants: [],
      matrixVersion: "v",
      mentions: true,
      decisionId: "d1",
    });
    const actions = card.blocks.find((b) => b.type === "actions") as unknown as {
      elements: Json[];
    };
    const [full, , accept, reject, more] = actions.elements;
    expect(full?.action_id).toBe(FULL_REASONING_ACTION);
    // A proposed decision offers Accept and Reject, each naming its action in the value.
    expect(decode(decisionValue, accept?.value as string)).toEqual({
      v: 1,
      k: "dec",
      d: "d1",
      a: "accept",
    });
    expect(decode(decisionValue, reject?.value as string)?.a).toBe("reject");
    expect(decode(decisionValue, full?.value as string)).toEqual({ v: 1, k: "dec", d: "d1" });
    expect(more?.action_id).toBe(MORE_ACTION);
    const options = ((more?.options as Json[] | undefined) ?? []).map((o) =>
      decode(decisionValue, o.value as string),
    );
    expect(options.map((o) => o?.a)).toEqual(["post", "revisit", "date"]);
  });

  it("Full reasoning is the whole summary in a modal within Block Kit's limits", () => {
    for (const lang of ["en", "ja"] as const) {
      for (const view of viewsByVerdict(lang).values()) {
        const modal = renderFullReasoning(view, {
          title: "x".repeat(500),
          participants: Array.from({ length: 40 }, (_, i) => `U0PERSON${i}`),
        });
        expect(viewProblems(modal as unknown as Json, `modal ${lang}`)).toEqual([]);
        expect(JSON.stringify(modal)).toContain(view.needs.title);
      }
    }
  });
});

describe("plainText", () => {
  it("drops mrkdwn marks and markup where Slack shows text as written", () => {
    expect(plainText("Invite me with `/invite <@U0BOT0001>` and try *again*.")).toBe(
      "Invite me with /invite @someone and try again.",
    );
    expect(plainText("「*決済*」を <https://x.test/a|こちら> で &amp; <#C0ABC123>")).toBe(
      "「決済」を こちら で & #channel",
    );
  });
});
