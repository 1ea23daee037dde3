import { describe, expect, it } from "vitest";
import {
  type DecisionStatus,
  latestPerThread,
  type Versionable,
  versionsOf,
  withVersion,
} from "../../../src/core/decision/index.js";

const T = (minute: number) => new Date(Date.UTC(2026, 10, 28, 9, minute));

function d(
  id: string,
  threadTs: string,
  minute: number,
  status: DecisionStatus = "proposed",
  channelId = "C1",
): Versionable {
  return { id, channelId, threadTs, createdAt: T(minute), status };
}

describe("versions of a thread's decision", () => {
  it("number each thread's decisions oldest first: v1, then each revisit's", () => {
    const all = [
      d("c", "1.1", 30),
      d("a", "1.1", 10, "superseded"),
      d("other", "2.2", 20),
      d("b", "1.1", 20, "superseded"),
    ];
    const v = versionsOf(all);
    expect(v.get("a")).toEqual({ version: 1, latest: 3, supersededBy: 2 });
    expect(v.get("b")).toEqual({ version: 2, latest: 3, revises: 1, supersededBy: 3 });
    expect(v.get("c")).toEqual({ version: 3, latest: 3, revises: 2 });
    expect(v.get("other")).toEqual({ version: 1, latest: 1 });
    expect(withVersion(all, { channelId: "C1", threadTs: "1.1" }, 2)?.id).toBe("b");
  });

  it("the same ts in another channel is another thread", () => {
    const v = versionsOf([d("a", "1.1", 10), d("b", "1.1", 20, "proposed", "C2")]);
    expect(v.get("b")?.version).toBe(1);
  });

  it("saved at the same instant: the superseded one is older; else the id decides, the same for every reader", () => {
    const tie = [d("z", "1.1", 10, "superseded"), d("a", "1.1", 10)];
    for (const v of [versionsOf(tie), versionsOf([...tie].reverse())]) {
      expect(v.get("z")?.version).toBe(1);
      expect(v.get("a")?.version).toBe(2);
    }
    // Two finishes saved at once (no status yet tells them apart): two numbers, never v2 twice.
    const race = [d("y", "1.1", 10, "superseded"), d("q", "1.1", 20), d("p", "1.1", 20)];
    const order = [versionsOf(race), versionsOf([...race].reverse())].map((m) =>
      ["y", "p", "q"].map((id) => m.get(id)?.version),
    );
    expect(order).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
  });
});

describe("latestPerThread (history, App Home)", () => {
  it("lists each thread once, as its latest version, where the thread first appears", () => {
    const v1 = d("v1", "1.1", 10, "superseded");
    const v2 = d("v2", "1.1", 30);
    const other = d("o", "2.2", 20);
    const listed = latestPerThread([v2, other, v1]);
    expect(listed.map((l) => [l.decision.id, l.info.version])).toEqual([
      ["v2", 2],
      ["o", 1],
    ]);
  });

  it("numbers and replaces from every decision of the threads, not only those listed", () => {
    // Someone who took part in v1 only: their list holds v1; v2 comes from the whole thread.
    const v1 = d("v1", "1.1", 10, "superseded");
    const v2 = d("v2", "1.1", 30);
    expect(latestPerThread([v1], [v1, v2]).map((l) => [l.decision.id, l.info.version])).toEqual([
      ["v2", 2],
    ]);
    // A list cut short before v1 still calls v2 "v2".
    expect(latestPerThread([v2], [v2, v1])[0]?.info).toEqual({ version: 2, latest: 2, revises: 1 });
  });
});
