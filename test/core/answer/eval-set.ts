import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createAnswerer } from "../../../src/core/answer/index.js";
import { loadMatrix } from "../../../src/core/matrix/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = path.join(root, "data");

interface Case {
  q: string;
  id: string | null;
}

/**
 * The tests of a question set written blind (before the matcher and the aliases were read), split by
 * a `# final` line into a half looked at while improving the matcher and a half measured at the end:
 * each half reports its accuracy, no off-topic question may get a capability, and on-topic top-1
 * accuracy must stay at least the floor (a little below what the matcher reached).
 */
export function describeEvalSet(
  title: string,
  label: string,
  fixture: string,
  floor: { tune: number; final: number },
): void {
  const file = path.join(root, "test/fixtures", fixture);
  describe(title, () => {
    const answerer = createAnswerer(loadMatrix(dataDir), {
      clock: () => new Date("2026-11-28T00:00:00Z"),
    });

    function halves(): { tune: Case[]; final: Case[] } {
      const [tune, final] = readFileSync(file, "utf8").split(/^# final$/m);
      return { tune: parse(tune ?? "") as Case[], final: parse(final ?? "") as Case[] };
    }

    for (const half of ["tune", "final"] as const) {
      it(`${half} half: no off-topic question gets a capability; accuracy ≥ ${floor[half] * 100}%`, () => {
        const cases = halves()[half];
        const outcomes = cases.map(({ q, id }) => ({
          question: q,
          expected: id,
          got: answerer.answer(q).capability?.id ?? null,
        }));
        const onTopic = outcomes.filter((o) => o.expected !== null);
        const correct = onTopic.filter((o) => o.got === o.expected).length;
        const accuracy = correct / onTopic.length;
        const answeredOffTopic = outcomes.filter((o) => o.expected === null && o.got !== null);
        const wrong = onTopic.filter((o) => o.got !== null && o.got !== o.expected);
        const rejected = onTopic.filter((o) => o.got === null);
        console.log(
          `${label} ${half}: on-topic ${correct}/${onTopic.length} (${(accuracy * 100).toFixed(1)}%), ` +
            `wrong capability ${wrong.length}, false rejections ${rejected.length}, ` +
            `off-topic answered ${answeredOffTopic.length}`,
        );
        const misses = outcomes.filter((o) => o.got !== o.expected);
        if (misses.length > 0) console.table(misses);
        expect(cases.length).toBeGreaterThan(50);
        expect(answeredOffTopic).toEqual([]);
        expect(accuracy).toBeGreaterThanOrEqual(floor[half]);
      });
    }
  });
}
