import { describe, expect, it } from "vitest";
import type { Capability, Matrix } from "../../src/core/matrix/index.js";
import { parseRelied } from "../../src/core/review/index.js";
import { DATE_ACTION, DATE_BLOCK, renderFactsAlert } from "../../src/slack/blocks/review.js";
import { encode } from "../../src/slack/payloads.js";
import { factAlerts } from "../../src/slack/schedule/fact-alerts.js";
import { revisitReminders } from "../../src/slack/schedule/revisit-reminders.js";
import { Sweeper, type SweepJob } from "../../src/slack/schedule/sweeper.js";
import type { StoredDecision } from "../../src/store/index.js";
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
import { viewSubmissionBody } from "../support/slack-requests.js";

type Json = Record<string, unknown>;
const h = useHarness();

/** Answers every question of a walkthrough in CHANNEL (first option each time). */
async function decideNow(title: string): Promise<StoredDecision> {
  await h.slash(`decide ${title}`);
  const total = h.bot.deps.walkthrough.questions.length;
  for (let i = 0; i < total + 2; i++) {
    if (h.fake.posts().some((p) => shown(p).includes("summary_record") && shown(p).includes(title)))
      break;
    const q = h.fake.history
      .filter(
        (c) =>
          (c.method === "chat.postMessage" || c.method === "chat.update") &&
          shown(c.args).includes("decide_answer"),
      )
      .at(-1)?.args;
    const option = actionElements(q).find((e) => String(e.action_id).startsWith("decide_answer_"));
    if (!option) break;
    await h.click(option.action_id as string, option.value as string, {
      user: i % 2 ? USER2 : USER,
      threadTs: String(q?.thread_ts),
    });
  }
  const [decision] = await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL });
  if (!decision || decision.title !== title) throw new Error("no decision saved");
  return decision;
}

/** One sweep running only `job` (the app's own sweeper runs its start-up jobs only once). */
function sweepWith(job: SweepJob): Promise<void> {
  return new Sweeper({
    deps: h.bot.deps,
    client: h.bot.app.client,
    logger: h.bot.app.logger,
    jobs: [job],
  }).sweep();
}

/** The loaded matrix with one capability's ECS support level moved. */
function withEdited(id: string): Matrix {
  const base = h.bot.deps.matrix;
  const capabilities = base.capabilities.map(
    (c): Capability =>
      c.id === id
        ? { ...c, ecs: { ...c.ecs, support: c.ecs.support === "partial" ? "native" : "partial" } }
        : c,
  );
  return {
    version: `${base.version}-b`,
    capabilities,
    byId: new Map(capabilities.map((c) => [c.id, c])),
  };
}

/** A view_submission of the revisit-date modal with `date` picked. */
function submitDate(view: Json, date: string | null) {
  return h.raw(
    viewSubmissionBody({
      view,
      values: { [DATE_BLOCK]: { [DATE_ACTION]: { type: "datepicker", selected_date: date } } },
      user: USER,
    }),
    "application/x-www-form-urlencoded",
  );
}

describe("a decision's review", () => {
  let decision: StoredDecision | undefined;
  const need = (): StoredDecision =>
    decision ??
    expect.unreachable("needs the decision made in 'a decision keeps what it relied on…' above");
  const original = () => h.bot.deps.matrix;
  let loaded: Matrix | undefined;
  const needLoaded = (): Matrix =>
    loaded ??
    expect.unreachable("needs the matrix kept in 'a decision keeps what it relied on…' above");

  it("a decision keeps what it relied on and a revisit date twelve months on", async () => {
    decision = await decideNow("Payments");
    loaded = original();
    const relied = parseRelied(decision.relied);
    expect(relied?.matrixVersion).toBe(loaded.version);
    expect(Object.keys(relied?.facts ?? {}).length).toBeGreaterThan(3);
    expect(decision.revisitAt?.toISOString()).toBe("2027-11-28T09:00:00.000Z");
    // The card says when: the broadcast in the thread and the root it replaced.
    const broadcast = h.fake.posts(CHANNEL).find((p) => String(p.reply_broadcast) === "true");
    expect(visible(broadcast)).toContain("Revisit by 2027-11-28");
  });

  it("facts that did not change post nothing", async () => {
    h.fake.reset();
    await sweepWith(factAlerts);
    expect(h.fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("a changed relied-on fact: one message in the thread, and every copy of the card says so", async () => {
    const loaded = needLoaded();
    const decision = need();
    const relied = parseRelied(decision.relied);
    const id = Object.keys(relied?.facts ?? {})[0] as string;
    h.bot.deps.matrix = withEdited(id);
    try {
      h.fake.reset();
      await sweepWith(factAlerts);
      const posts = h.fake.posts(CHANNEL);
      expect(posts).toHaveLength(1);
      const alert = posts[0] as Json;
      expect(alert.thread_ts).toBe(decision.threadTs);
      const text = visible(alert);
      expect(text).toContain("The facts this decision relied on have changed");
      expect(text).toContain(`(\`${id}\`)`);
      expect(text).toMatch(/Amazon ECS: (Partly → Built in|.+ → Partly)/);
      expect(text).toContain("the recommendation stays the same");
      expect(actionElements(alert).map((e) => e.action_id)).toEqual(["summary_revisit"]);
      const after = await h.store.getDecision(decision.id);
      expect(after?.factsChanged).toMatchObject({ capabilities: [id], differs: false });
      const updates = h.fake.callsTo("chat.update").map((c) => c.args);
      expect(updates.map((u) => u.ts).sort()).toEqual(decision.copies.map((c) => c.ts).sort());
      expect(updates.length).toBeGreaterThan(0);
      for (const u of updates) expect(visible(u)).toContain("Facts changed since this decision");

      // The same change again (another start): nothing.
      h.fake.reset();
      await sweepWith(factAlerts);
      expect(h.fake.callsTo("chat.postMessage")).toEqual([]);
    } finally {
      h.bot.deps.matrix = loaded;
    }
  });

  it("the overflow's Change revisit date opens a date picker set to the current date", async () => {
    const decision = need();
    h.fake.reset();
    await h.click("summary_more", encode({ k: "dec", d: decision.id, a: "date" }), {
      threadTs: decision.threadTs,
      type: "overflow",
    });
    const view = h.fake.callsTo("views.open")[0]?.args.view as Json;
    expect(view.callback_id).toBe("summary_revisit_date");
    expect(shown(view)).toContain('"initial_date":"2027-11-28"');
    // Not the Post to… modal, which any other value used to open.
    expect(shown(view)).not.toContain("conversations_select");

    const past = await submitDate(view, "2026-11-01");
    expect(past.json).toEqual({
      response_action: "errors",
      errors: { [DATE_BLOCK]: "Pick a date after today." },
    });
    expect((await h.store.getDecision(decision.id))?.revisitAt?.toISOString()).toBe(
      "2027-11-28T09:00:00.000Z",
    );
    const ok = await submitDate(view, "2027-03-01");
    expect(ok.status).toBe(200);
    expect(ok.json ?? null).toBeNull();
    expect((await h.store.getDecision(decision.id))?.revisitAt?.toISOString()).toBe(
      "2027-03-01T09:00:00.000Z",
    );
    const told = h.fake.callsTo("chat.postEphemeral").at(-1)?.args;
    expect(String(told?.text)).toContain("The revisit date is now 2027-03-01");
    // Every copy of the card shows the new date.
    const redrawn = h.fake.callsTo("chat.update").map((c) => c.args);
    expect(redrawn.map((u) => u.ts).sort()).toEqual(decision.copies.map((c) => c.ts).sort());
    expect(redrawn.length).toBeGreaterThan(0);
    for (const u of redrawn) expect(visible(u)).toContain("Revisit by 2027-03-01");
  });

  it("a revisit date that has come: one reminder in the thread, never repeated", async () => {
    const decision = need();
    await h.store.updateDecisionReview(decision.id, {
      revisitAt: new Date("2026-11-01T09:00:00Z"),
    });
    h.fake.reset();
    await sweepWith(revisitReminders);
    const posts = h.fake.posts(CHANNEL);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.thread_ts).toBe(decision.threadTs);
    expect(visible(posts[0])).toContain(
      "Time to look at this decision again: its revisit date was 2026-11-01",
    );
    expect(actionElements(posts[0]).map((e) => e.action_id)).toEqual(["summary_revisit"]);
    h.fake.reset();
    await sweepWith(revisitReminders);
    expect(h.fake.posts()).toEqual([]);
    expect((await h.store.getDecision(decision.id))?.revisitAt).toBeUndefined();
  });

  it("a superseded decision is neither alerted nor reminded", async () => {
    const loaded = needLoaded();
    const decision = need();
    await h.click("summary_more", encode({ k: "dec", d: decision.id, a: "revisit" }), {
      threadTs: decision.threadTs,
      type: "overflow",
    });
    const nav = h.fake.history.filter((c) => shown(c.args).includes("decide_finish")).at(-1)?.args;
    const finish = actionElements(nav).find((e) => e.action_id === "decide_finish");
    await h.click("decide_finish", String(finish?.value), { threadTs: decision.threadTs });
    const old = await h.store.getDecision(decision.id);
    expect(old?.status).toBe("superseded");
    await h.store.updateDecisionReview(decision.id, {
      revisitAt: new Date("2026-11-02T09:00:00Z"),
    });
    const relied = parseRelied(old?.relied);
    const ids = Object.keys(relied?.facts ?? {});
    h.bot.deps.matrix = withEdited(ids[1] as string);
    try {
      h.fake.reset();
      await sweepWith(factAlerts);
      await sweepWith(revisitReminders);
      const about = h.fake
        .posts()
        .flatMap((p) => actionElements(p))
        .map((e) => String(e.value));
      expect(about.some((v) => v.includes(decision.id))).toBe(false);
      // The revisit that superseded it relied on the same fact, and is told.
      const newest = (await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL })).find(
        (d) => d.id !== decision.id && d.threadTs === decision.threadTs,
      );
      expect(newest?.status).toBe("proposed");
      expect(about.some((v) => v.includes(newest?.id ?? "?"))).toBe(true);
    } finally {
      h.bot.deps.matrix = loaded;
    }
  });

  it("the Change revisit date menu refuses a decision no longer in force", async () => {
    const decision = need();
    h.fake.reset();
    await h.click("summary_more", encode({ k: "dec", d: decision.id, a: "date" }), {
      threadTs: decision.threadTs,
      type: "overflow",
    });
    expect(h.fake.callsTo("views.open")).toEqual([]);
    expect(String(h.fake.callsTo("chat.postEphemeral").at(-1)?.args.text)).toContain(
      "no longer in force",
    );
  });
});

describe("the alert in Japanese", () => {
  it("is written in です/ます with 、 between entries, and no italics", () => {
    const msg = renderFactsAlert({
      decisionId: "d1",
      title: "決済基盤",
      lang: "ja",
      matrixBefore: "2026-11-29",
      matrixAfter: "2027-01-15",
      changes: [
        {
          capabilityId: "secrets",
          title: "シークレット",
          lines: ["Amazon ECS: 一部対応 → 標準機能"],
          entries: ["2026-05-01 提供開始: 何か", "2026-06-01 料金: 別の何か"],
        },
      ],
      verdict: "同じ回答でいまのデータをもとに判定し直しても、推奨は変わりません（Amazon ECS）。",
    });
    const text = visible(msg as unknown as Json);
    expect(text).toContain("この決定が前提としていた情報が変わりました");
    expect(text).toContain("変更履歴: 2026-05-01 提供開始: 何か、2026-06-01 料金: 別の何か");
    expect(text).toContain("比較表 2026-11-29 → 2027-01-15");
    expect(text).toContain("見直す");
    expect(text).not.toMatch(/(^|\s)_[^_]+_/);
  });
});
