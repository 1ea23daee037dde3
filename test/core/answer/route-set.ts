import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createAnswerer } from "../../../src/core/answer/index.js";
import { loadChanges } from "../../../src/core/changes/index.js";
import { loadMatrix } from "../../../src/core/matrix/index.js";
import { loadWalkthrough } from "../../../src/core/walkthrough/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = path.join(root, "data");

export interface RouteCase {
  q: string;
  route: "decide" | "capability" | "none";
  prefill?: Record<string, string>;
  id?: string;
  clarify?: [string, string];
}

export interface RouteFigures {
  decide: {
    routed: number;
    of: number;
    recall: number;
    given: number;
    wrong: number;
    extra: number;
  };
  capability: { right: number; of: number };
  none: { declined: number; of: number; clarified: number; clarifyOf: number };
  misses: { question: string; expected: string; got: string }[];
}

const matrix = loadMatrix(dataDir);
const walkthrough = loadWalkthrough(dataDir, matrix);
const answerer = createAnswerer(matrix, {
  clock: () => new Date("2026-11-28T00:00:00Z"),
  walkthrough,
  changes: loadChanges(dataDir, matrix),
});

export function readRouteCases(fixture: string): { tune: RouteCase[]; final: RouteCase[] } {
  const text = readFileSync(path.join(root, "test/fixtures", fixture), "utf8");
  const [tune, final] = text.split(/^# final$/m);
  return { tune: parse(tune ?? "") as RouteCase[], final: parse(final ?? "") as RouteCase[] };
}

const pairs = (p: Record<string, string>) => Object.entries(p).map(([q, o]) => `${q}=${o}`);

/** Runs a routing set and counts what the acceptance criteria count. */
export function measureRoutes(cases: RouteCase[]): RouteFigures {
  const f: RouteFigures = {
    decide: { routed: 0, of: 0, recall: 0, given: 0, wrong: 0, extra: 0 },
    capability: { right: 0, of: 0 },
    none: { declined: 0, of: 0, clarified: 0, clarifyOf: 0 },
    misses: [],
  };
  for (const c of cases) {
    const r = answerer.answer(c.q);
    const got =
      r.route === "decide"
        ? `decide ${pairs(r.prefill).join(" ")}`
        : r.route === "capability"
          ? `capability ${r.capability?.id}`
          : r.model.kind === "no-match" && r.model.didYouMean
            ? `none, did you mean ${r.model.didYouMean.map((d) => d.id).join(" or ")}`
            : "none";
    let ok = false;
    if (c.route === "decide") {
      f.decide.of++;
      const expected = c.prefill ?? {};
      f.decide.given += Object.keys(expected).length;
      if (r.route === "decide") {
        f.decide.routed++;
        for (const [q, o] of Object.entries(expected)) if (r.prefill[q] === o) f.decide.recall++;
        for (const [q, o] of Object.entries(r.prefill)) {
          if (!(q in expected)) f.decide.extra++;
          else if (expected[q] !== o) f.decide.wrong++;
        }
        ok = pairs(r.prefill).sort().join() === pairs(expected).sort().join();
      }
    } else if (c.route === "capability") {
      f.capability.of++;
      ok = r.route === "capability" && r.capability?.id === c.id;
      if (ok) f.capability.right++;
    } else {
      f.none.of++;
      ok = r.route === "none";
      if (ok) f.none.declined++;
      if (c.clarify) {
        f.none.clarifyOf++;
        const offered = r.model.kind === "no-match" ? (r.model.didYouMean ?? []) : [];
        const clarified =
          offered
            .map((d) => d.id)
            .sort()
            .join() === [...c.clarify].sort().join();
        if (clarified) f.none.clarified++;
        ok &&= clarified;
      }
    }
    if (!ok) {
      const expected =
        c.route === "decide"
          ? `decide ${pairs(c.prefill ?? {}).join(" ")}`
          : c.route === "capability"
            ? `capability ${c.id}`
            : c.clarify
              ? `none, did you mean ${c.clarify.join(" or ")}`
              : "none";
      f.misses.push({ question: c.q, expected, got });
    }
  }
  return f;
}

const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((a / b) * 100).toFixed(1)}%`);

export function describeFigures(label: string, f: RouteFigures): string {
  return (
    `${label}: platform choice routed ${f.decide.routed}/${f.decide.of} (${pct(f.decide.routed, f.decide.of)}), ` +
    `prefilled ${f.decide.recall}/${f.decide.given} of the answers the text gives away (${pct(f.decide.recall, f.decide.given)}), ` +
    `wrong prefills ${f.decide.wrong}, extra prefills ${f.decide.extra}; ` +
    `capability ${f.capability.right}/${f.capability.of} (${pct(f.capability.right, f.capability.of)}); ` +
    `declined ${f.none.declined}/${f.none.of} (${pct(f.none.declined, f.none.of)}), ` +
    `did-you-mean ${f.none.clarified}/${f.none.clarifyOf}`
  );
}

export interface RouteFloors {
  routed: number;
  recall: number;
  capability: number;
  declined: number;
}

/** The tests of a routing set, one per half, each reporting its figures and checking its floors. */
export function describeRouteSet(
  title: string,
  label: string,
  fixture: string,
  floors: { tune: RouteFloors; final: RouteFloors },
): void {
  describe(title, () => {
    for (const half of ["tune", "final"] as const) {
      const floor = floors[half];
      const p = (x: number) => `${Math.round(x * 100)}%`;
      it(`${half} half: routed ≥ ${p(floor.routed)}, prefilled ≥ ${p(floor.recall)}, capability ≥ ${p(floor.capability)}, declined ≥ ${p(floor.declined)}, no wrong prefill`, () => {
        const cases = readRouteCases(fixture)[half];
        const f = measureRoutes(cases);
        console.log(describeFigures(`${label} ${half}`, f));
        if (f.misses.length > 0) console.table(f.misses);
        expect(cases.length).toBeGreaterThan(20);
        expect(f.decide.routed / f.decide.of).toBeGreaterThanOrEqual(floor.routed);
        expect(f.decide.recall / f.decide.given).toBeGreaterThanOrEqual(floor.recall);
        expect(f.decide.wrong).toBe(0);
        expect(f.capability.right / f.capability.of).toBeGreaterThanOrEqual(floor.capability);
        expect(f.none.declined / f.none.of).toBeGreaterThanOrEqual(floor.declined);
      });
    }
  });
}
