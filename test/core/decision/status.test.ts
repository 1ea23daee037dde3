import { describe, expect, it } from "vitest";
import {
  changeStatus,
  type DecisionStatus,
  statusActions,
  supersede,
  supersededBy,
} from "../../../src/core/decision/status.js";
import { withRecordStatus } from "../../../src/core/record/render.js";

const at = new Date("2026-11-29T05:00:00.000Z");

describe("decision status", () => {
  it("accepts or rejects a proposal, recording who and when", () => {
    expect(changeStatus({ status: "proposed" }, "accept", "U1", at)).toEqual({
      kind: "applied",
      next: { status: "accepted", statusBy: "U1", statusAt: at },
    });
    expect(changeStatus({ status: "proposed" }, "reject", "U2", at)).toEqual({
      kind: "applied",
      next: { status: "rejected", statusBy: "U2", statusAt: at },
    });
  });

  it("lets the team change its mind or take a decision back to proposed", () => {
    for (const [from, action, to] of [
      ["accepted", "reject", "rejected"],
      ["rejected", "accept", "accepted"],
      ["accepted", "propose", "proposed"],
      ["rejected", "propose", "proposed"],
    ] as const) {
      const outcome = changeStatus({ status: from }, action, "U1", at);
      expect(outcome.kind === "applied" && outcome.next.status).toBe(to);
    }
  });

  it("refuses asking for the status a decision already has", () => {
    const current = { status: "accepted" as const, statusBy: "U1", statusAt: at };
    expect(changeStatus(current, "accept", "U2", at)).toEqual({
      kind: "refused",
      reason: "already",
      current,
    });
    expect(changeStatus({ status: "proposed" }, "propose", "U2", at)).toMatchObject({
      kind: "refused",
      reason: "already",
    });
  });

  it("never moves a superseded decision by a button", () => {
    for (const action of ["accept", "reject", "propose"] as const) {
      expect(changeStatus({ status: "superseded" }, action, "U1", at)).toMatchObject({
        kind: "refused",
        reason: "superseded",
      });
    }
  });

  it("supersedes any decision once, with no clicker", () => {
    for (const status of ["proposed", "accepted", "rejected"] as DecisionStatus[]) {
      expect(supersede({ status }, at)).toEqual({
        kind: "applied",
        next: { status: "superseded", statusAt: at },
      });
    }
    expect(supersede({ status: "superseded" }, at).kind).toBe("refused");
  });

  it("offers Accept and Reject only while proposed", () => {
    expect(statusActions("proposed")).toEqual(["accept", "reject"]);
    expect(statusActions("accepted")).toEqual([]);
    expect(statusActions("superseded")).toEqual([]);
  });
});

describe("withRecordStatus", () => {
  it("rewrites only the front matter's status line", () => {
    const md = "---\nstatus: proposed\ndate: 2026-11-29\n---\n\n# Use ECS\n\nstatus: proposed\n";
    expect(withRecordStatus(md, "accepted")).toBe(
      "---\nstatus: accepted\ndate: 2026-11-29\n---\n\n# Use ECS\n\nstatus: proposed\n",
    );
    expect(withRecordStatus("# No front matter\n", "accepted")).toBe("# No front matter\n");
  });
});

describe("supersededBy", () => {
  it("supersedes the earlier decisions of the same thread that are not superseded already", () => {
    const d = (id: string, threadTs: string, status: DecisionStatus) => ({ id, threadTs, status });
    const saved = { id: "new", threadTs: "1.1" };
    const all = [
      d("new", "1.1", "proposed"),
      d("old", "1.1", "accepted"),
      d("older", "1.1", "superseded"),
      d("elsewhere", "2.2", "proposed"),
    ];
    expect(supersededBy(saved, all).map((x) => x.id)).toEqual(["old"]);
  });
});
