import { describe, expect, it } from "vitest";
import { encode } from "../../src/slack/payloads.js";
import type { StoredDecision } from "../../src/store/index.js";
import { assertBlockKitLimits } from "../support/block-kit-limits.js";
import { TEAM_ID } from "../support/fake-slack.js";
import {
  actionElements,
  CHANNEL,
  shown,
  USER,
  USER2,
  useHarness,
  visible,
} from "../support/slack-harness.js";

type Json = Record<string, unknown>;
const DECISIONS = "C0DECISION1";
const ARCH = "C0ARCH0001";
const JA = "C0JAPAN0S1";

const h = useHarness({ DECISIONS_CHANNEL: DECISIONS });

/**
 * Clicks the first option of the open question until the result is posted (at most `max` clicks).
 * `users` take turns; `threadTs` defaults to the question message's thread.
 */
async function answerOpenQuestions(o: {
  channel?: string;
  threadTs?: string;
  users?: string[];
  max: number;
}): Promise<void> {
  for (let i = 0; i < o.max; i++) {
    if (h.fake.posts().some((p) => shown(p).includes("summary_record"))) return;
    const q = h.fake.history
      .filter(
        (c) =>
          (c.method === "chat.postMessage" || c.method === "chat.update") &&
          shown(c.args).includes("decide_answer"),
      )
      .at(-1)?.args;
    const option = actionElements(q).find((e) => String(e.action_id).startsWith("decide_answer_"));
    if (!option) return;
    await h.click(option.action_id as string, option.value as string, {
      ...(o.users ? { user: o.users[i % o.users.length] } : {}),
      ...(o.channel ? { channel: o.channel } : {}),
      threadTs: o.threadTs ?? String(q?.thread_ts),
    });
  }
}

/** Answers every question of the walkthrough in `channel` (first option each time). */
async function finishWalkthrough(channel: string): Promise<StoredDecision> {
  await h.slash("decide Payments", { channel });
  const total = h.bot.deps.walkthrough.questions.length;
  await answerOpenQuestions({ channel, users: [USER, USER2], max: total + 2 });
  const [decision] = await h.store.listDecisions({ teamId: TEAM_ID, channelId: channel });
  if (!decision) throw new Error("no decision saved");
  return decision;
}

async function decisionNow(id: string): Promise<StoredDecision> {
  const d = await h.store.getDecision(id);
  if (!d) throw new Error(`decision ${id} is gone`);
  return d;
}

function statusClick(d: StoredDecision, a: "accept" | "reject", user = USER2, channel = CHANNEL) {
  return h.click(`summary_status_${a}`, encode({ k: "dec", d: d.id, a }), {
    user,
    channel,
    threadTs: d.threadTs,
  });
}

/** The last chat.update of each remembered copy, by "channel ts". */
function updatesOf(d: StoredDecision): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const c of h.fake.callsTo("chat.update")) {
    if (d.copies.some((k) => k.channel === c.args.channel && k.ts === c.args.ts)) {
      out.set(`${c.args.channel} ${c.args.ts}`, c.args);
    }
  }
  return out;
}

describe("a decision's status, kept current in every copy", () => {
  let decision: StoredDecision | undefined;
  const need = (): StoredDecision =>
    decision ??
    expect.unreachable("needs the decision made in 'remembers every copy of the card…' above");

  it("remembers every copy of the card: the root, the broadcast, DECISIONS_CHANNEL, each Post to…", async () => {
    decision = await finishWalkthrough(CHANNEL);
    const card = h.fake.posts().find((p) => shown(p).includes("summary_record"));
    expect(visible(card)).toContain("Status: *Proposed*");
    const ids = actionElements(card).map((e) => e.action_id);
    expect(ids).toEqual(expect.arrayContaining(["summary_status_accept", "summary_status_reject"]));
    expect(visible(card)).toContain("Accept");
    expect(visible(card)).toContain("Reject");
    // DECISIONS_CHANNEL's copy has no buttons at all.
    expect(h.fake.posts(DECISIONS)).toHaveLength(1);
    expect(actionElements(h.fake.posts(DECISIONS)[0])).toHaveLength(0);

    await h.click("summary_more", encode({ k: "dec", d: decision.id, a: "post" }), {
      threadTs: decision.threadTs,
      type: "overflow",
    });
    const view = h.fake.callsTo("views.open")[0]?.args.view as Json;
    await h.submitView(view, ARCH, USER2);
    decision = await decisionNow(decision.id);
    expect(decision.status).toBe("proposed");
    expect(decision.copies.map((c) => [c.channel, c.thread === true])).toEqual([
      [CHANNEL, true],
      [CHANNEL, true],
      [DECISIONS, false],
      [ARCH, false],
    ]);
  });

  it("Accept updates every copy: named and dated in the thread, no buttons or mentions elsewhere", async () => {
    const decision = need();
    const res = await statusClick(decision, "accept");
    expect(res.status).toBe(200);
    const after = await decisionNow(decision.id);
    expect(after).toMatchObject({ status: "accepted", statusBy: USER2, version: 2 });
    expect(after.recordMarkdown).toMatch(/^---\nstatus: accepted\n/);
    const updates = updatesOf(after);
    expect(updates.size).toBe(4);
    for (const copy of after.copies) {
      const update = updates.get(`${copy.channel} ${copy.ts}`);
      const ids = actionElements(update).map((e) => e.action_id);
      // Accept and Reject are gone once decided.
      expect(ids).not.toContain("summary_status_accept");
      expect(ids).not.toContain("summary_status_reject");
      if (copy.thread) {
        expect(visible(update)).toContain(`Status: *Accepted* by <@${USER2}> on 2026-11-28`);
        expect(ids).toContain("summary_full");
      } else {
        expect(visible(update)).toContain("Status: *Accepted* on 2026-11-28");
        expect(visible(update)).not.toContain("<@");
        expect(ids).toHaveLength(0);
      }
    }
    // Only a refusal is answered privately; the redrawn cards are the answer.
    expect(h.fake.callsTo("chat.postEphemeral")).toHaveLength(0);
    assertBlockKitLimits(h.fake, h.acks);
  });

  it("a refused transition (accepting twice) is told to the clicker only, and changes nothing", async () => {
    const decision = need();
    const before = await decisionNow(decision.id);
    await statusClick(before, "accept", USER);
    const told = h.fake.callsTo("chat.postEphemeral");
    expect(told).toHaveLength(1);
    expect(told[0]?.args.user).toBe(USER);
    expect(String(told[0]?.args.text)).toContain("already Accepted");
    expect(h.fake.callsTo("chat.update")).toHaveLength(0);
    expect(await decisionNow(decision.id)).toEqual(before);
  });

  it("Reject on an accepted decision is a change of mind: every copy and the record follow", async () => {
    const decision = need();
    await statusClick(decision, "reject", USER);
    const after = await decisionNow(decision.id);
    expect(after).toMatchObject({ status: "rejected", statusBy: USER, version: 3 });
    expect(after.recordMarkdown).toMatch(/^---\nstatus: rejected\n/);
    const updates = updatesOf(after);
    expect(updates.size).toBe(4);
    for (const update of updates.values()) expect(visible(update)).toContain("*Rejected*");
    // "Decision record" uploads the record as it is now.
    await h.click("summary_record", encode({ k: "dec", d: decision.id }), {
      threadTs: decision.threadTs,
    });
    expect(h.fake.uploads.at(-1)?.body).toContain("---\nstatus: rejected\n");
  });

  it("a forged click from another channel is refused and changes nothing", async () => {
    const decision = need();
    const before = await decisionNow(decision.id);
    await statusClick(before, "accept", USER, "C0ELSEWHERE");
    expect(await decisionNow(decision.id)).toEqual(before);
    expect(h.fake.callsTo("chat.update")).toHaveLength(0);
    const told = h.fake.callsTo("chat.postEphemeral");
    expect(told).toHaveLength(1);
    expect(told[0]?.args.channel).toBe("C0ELSEWHERE");
  });

  it("history and App Home show each decision's status", async () => {
    const res = await h.slash("history");
    expect(shown(res.json)).toContain("Status: Rejected");
    // App Home lists the clicker's decisions with their status too.
    await h.homeOpened(USER);
    const home = h.fake.callsTo("views.publish").at(-1)?.args;
    expect(shown(home)).toContain("Status: Rejected");
  });

  it("a revisit that finishes supersedes the old decision and redraws its copies", async () => {
    const decision = need();
    const old = await decisionNow(decision.id);
    await h.click("summary_more", encode({ k: "dec", d: old.id, a: "revisit" }), {
      threadTs: old.threadTs,
      type: "overflow",
    });
    // A revisit is a review: "Show the result" ends it (test/slack/versions.test.ts).
    const review = h.fake.history
      .filter((c) => shown(c.args).includes("decide_finish"))
      .at(-1)?.args;
    const finish = actionElements(review).find((e) => e.action_id === "decide_finish");
    await h.click("decide_finish", finish?.value as string, { threadTs: old.threadTs });
    const after = await decisionNow(old.id);
    expect(after.status).toBe("superseded");
    expect(after.recordMarkdown).toMatch(/^---\nstatus: superseded\n/);
    const updates = updatesOf(after);
    expect(updates.size).toBe(4);
    for (const update of updates.values()) {
      expect(visible(update)).toContain("Superseded by v2");
      expect(shown(update)).toContain("https://fake-team.slack.com/archives/");
    }
    const newest = await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL });
    const revisited = newest.find((d) => d.id !== old.id && d.threadTs === old.threadTs);
    expect(revisited?.status).toBe("proposed");
    // Superseded is terminal: a button cannot move it.
    h.fake.reset();
    await statusClick(after, "accept", USER);
    expect(String(h.fake.callsTo("chat.postEphemeral")[0]?.args.text)).toContain("superseded");
    expect((await decisionNow(old.id)).status).toBe("superseded");
  });
});

describe("in Japanese", () => {
  it("shows the buttons, the status line and the refusal in Japanese", async () => {
    await h.slash("lang ja", { channel: JA });
    h.fake.reset();
    const d = await finishWalkthrough(JA);
    expect(d.lang).toBe("ja");
    const card = h.fake.posts().find((p) => shown(p).includes("summary_record"));
    expect(visible(card)).toContain("承認する");
    expect(visible(card)).toContain("却下する");
    await statusClick(d, "accept", USER, JA);
    const after = await decisionNow(d.id);
    const updates = [...updatesOf(after).values()];
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(
      updates.some((u) => visible(u).includes(`ステータス: *承認済み*（<@${USER}>、2026-11-28）`)),
    ).toBe(true);
    await statusClick(after, "accept", USER, JA);
    expect(String(h.fake.callsTo("chat.postEphemeral").at(-1)?.args.text)).toBe(
      "この決定のステータスはすでに「承認済み」です。",
    );
    const history = await h.slash("history", { channel: JA });
    expect(shown(history.json)).toContain("ステータス: 承認済み");
  });
});
