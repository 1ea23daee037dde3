import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type CompleteDecision,
  decide,
  describeDecision,
  framing,
  judge,
  MAX_FLIPS,
  outcomeOf,
} from "../../../src/core/decision/index.js";
import { loadMatrix } from "../../../src/core/matrix/load.js";
import { MAX_RECORD_WORDS, recordWords, renderRecord } from "../../../src/core/record/index.js";
import { loadWalkthrough } from "../../../src/core/walkthrough/index.js";
import { DATA_DIR } from "../../support/essay-cases.js";
import { sentencesOf } from "../record/sentences.js";

/**
 * Team profiles written before the rules were tuned (test/fixtures/profiles.yml), with what a careful
 * platform engineer would conclude for each.
 */
interface Profile {
  id: string;
  team: string;
  answers: Record<string, string>;
  expect: {
    verdict: string;
    better?: string[];
    capacity?: string[];
    "needs-include"?: string[];
    "needs-exclude"?: string[];
    framing?: "greenfield" | "stay" | "migrate";
  };
}

const matrix = loadMatrix(DATA_DIR);
const def = loadWalkthrough(DATA_DIR, matrix);
const profiles = parse(
  readFileSync(new URL("../../fixtures/profiles.yml", import.meta.url), "utf8"),
) as Profile[];

function verdictOf(d: CompleteDecision): string {
  const { kind, platform } = d.verdict;
  if (kind === "platform") return platform ?? "";
  if (kind === "required") return `required-${platform}`;
  return kind;
}

const figures: string[] = [];

describe("team profiles", () => {
  it("has a dozen or more varied profiles", () => {
    expect(profiles.length).toBeGreaterThanOrEqual(12);
    expect(new Set(profiles.map((p) => p.expect.verdict))).toEqual(
      new Set(["ecs", "eks", "either", "required-eks", "neither", "undecided"]),
    );
  });

  for (const p of profiles) {
    it(`${p.id}: ${p.team}`, () => {
      const d = decide(def, matrix, p.answers);
      expect(verdictOf(d)).toBe(p.expect.verdict);
      const view = describeDecision(def, matrix, d, "en");
      const bill = view.needs.stages.flatMap((s) => s.items.map((i) => i.name)).join(" | ");
      if (p.expect.better) {
        const summary = view.summary;
        for (const word of p.expect.better) expect(summary).toContain(word);
      }
      if (p.expect.capacity) expect(p.expect.capacity).toContain(d.capacity?.option);
      for (const word of p.expect["needs-include"] ?? []) expect(bill).toContain(word);
      for (const word of p.expect["needs-exclude"] ?? []) expect(bill).not.toContain(word);
      if (p.expect.framing) {
        const frame = framing(d);
        expect(frame?.kind ?? "greenfield").toBe(p.expect.framing);
      }

      // What every decision must satisfy.
      if (["ecs", "eks", "either", "required-eks"].includes(p.expect.verdict)) {
        expect(d.bill.length).toBeGreaterThanOrEqual(1);
        expect(d.bill.length).toBeLessThanOrEqual(10);
      } else {
        expect(d.bill).toEqual([]);
      }
      expect(d.flips.length).toBeLessThanOrEqual(MAX_FLIPS);
      const from = outcomeOf(judge(def, d.answers));
      for (const f of d.flips) {
        expect(outcomeOf(judge(def, { ...d.answers, [f.question]: f.to }))).not.toBe(from);
      }
      const words: number[] = [];
      for (const lang of ["en", "ja"] as const) {
        const md = renderRecord(
          def,
          matrix,
          d,
          {
            title: p.id,
            date: new Date("2026-11-29T00:00:00Z"),
            decisionMakers: ["Alice"],
            consulted: [],
          },
          lang,
        );
        words.push(recordWords(md));
        expect(recordWords(md)).toBeLessThanOrEqual(MAX_RECORD_WORDS);
        const sentences = sentencesOf(md, lang);
        expect(sentences.filter((s, i) => sentences.indexOf(s) !== i)).toEqual([]);
      }
      figures.push(
        `${p.id}: ${verdictOf(d)} (${d.scores.ecs}–${d.scores.eks}), capacity ${d.capacity?.option ?? "none"}, ${d.bill.length} needs, ${d.flips.length} flips, record ${words[0]} words (ja ${words[1]})`,
      );
    });
  }

  it("prints the figures", () => {
    console.log(figures.join("\n"));
  });
});
