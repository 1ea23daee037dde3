import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Clock } from "../../src/store/common.js";
import {
  type NewDecision,
  type NewSession,
  type Store,
  StoreDataError,
} from "../../src/store/index.js";

export interface OpenOptions {
  clock?: Clock;
  sessionIdleDays?: number;
}

export interface StoreHarness {
  /**
   * A new store instance. For durable stores every instance of one harness works on the same
   * database (so two instances model two processes / replicas).
   */
  open(options?: OpenOptions): Promise<Store>;
  /** True when two open() calls share data (durable stores). */
  shared: boolean;
  /** Overwrites one column of one row with raw SQL, bypassing the store (durable stores). */
  corrupt?(
    table: "sessions" | "decisions",
    id: string,
    column: string,
    value: string,
  ): Promise<void>;
}

/** The tables the migrations create, by name: the same in every durable store. */
export const STORE_TABLES = [
  "channel_settings",
  "decisions",
  "handled_events",
  "health_probe",
  "schema_migrations",
  "sessions",
];

/** A clock tests move by hand. */
export class TestClock {
  #now: number;
  constructor(start = "2026-11-28T09:00:00.000Z") {
    this.#now = Date.parse(start);
  }
  readonly now: Clock = () => new Date(this.#now);
  advance(ms: number): void {
    this.#now += ms;
  }
  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The behaviour every Store implementation must have. `harness.open` is only called inside tests,
 * so a test file may set its database up in beforeAll.
 */
export function defineStoreContract(name: string, harness: StoreHarness): void {
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = [];
    let clock: TestClock;
    let store: Store;
    /** A fresh team id per test keeps tests independent on a shared database. */
    let team: string;

    async function open(options: OpenOptions = {}): Promise<Store> {
      const s = await harness.open({ clock: clock.now, ...options });
      opened.push(s);
      return s;
    }

    function newSession(overrides: Partial<NewSession> = {}): NewSession {
      return {
        teamId: team,
        channelId: "C1",
        threadTs: "1764320400.000100",
        title: "Payments platform",
        startedBy: "U1",
        lang: "en",
        state: { stage: "system", answers: { traffic: "spiky" }, list: [1, 2, 3] },
        messages: { rootTs: "1764320400.000100" },
        ...overrides,
      };
    }

    function newDecision(overrides: Partial<NewDecision> = {}): NewDecision {
      return {
        teamId: team,
        channelId: "C1",
        threadTs: "1764320400.000100",
        threadLink: "https://example.slack.com/archives/C1/p1764320400000100",
        title: "Payments platform",
        recommendation: "ecs",
        lang: "en",
        summary: { scores: { ecs: 7, eks: 3 }, reasons: ["small team"] },
        recordMarkdown: "# Use ECS\n\n## Context\n…",
        participants: ["U1", "U2"],
        matrixVersion: "2026-11-01",
        ...overrides,
      };
    }

    beforeEach(async () => {
      clock = new TestClock();
      team = `T${randomUUID().slice(0, 8)}`;
      store = await open();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    describe("sessions", () => {
      it("creates a session and reads it back by id and by thread", async () => {
        const created = await store.createSession(newSession());
        expect(created.id).toMatch(UUID);
        expect(created).toMatchObject({ status: "active", version: 1, teamId: team });
        expect(created.createdAt).toEqual(clock.now());
        expect(created.updatedAt).toEqual(clock.now());

        expect(await store.getSession(created.id)).toEqual(created);
        expect(await store.findSessionByThread(team, "C1", "1764320400.000100")).toEqual(created);
        expect(await store.findSessionByThread(team, "C1", "other")).toBeNull();
        expect(await store.findSessionByThread(team, "C2", "1764320400.000100")).toBeNull();
        expect(await store.getSession(randomUUID())).toBeNull();
      });

      it("gives every session its own random id", async () => {
        const a = await store.createSession(newSession());
        const b = await store.createSession(newSession({ threadTs: "2" }));
        expect(a.id).not.toBe(b.id);
      });

      it("hands out copies that callers cannot use to change stored data", async () => {
        const input = newSession();
        const created = await store.createSession(input);
        (input.messages as { rootTs?: string }).rootTs = "mutated-input";
        created.messages.questionTs = "mutated-output";
        (created.state as { stage: string }).stage = "mutated";
        const read = await store.getSession(created.id);
        expect(read?.messages).toEqual({ rootTs: "1764320400.000100" });
        expect(read?.state).toEqual(newSession().state);
      });

      it("finds the newest session of a thread that is not finished", async () => {
        const first = await store.createSession(newSession({ title: "first" }));
        clock.advance(1000);
        const second = await store.createSession(newSession({ title: "second" }));
        expect((await store.findSessionByThread(team, "C1", first.threadTs))?.id).toBe(second.id);

        const finished = await store.updateSession(second.id, 1, { status: "finished" });
        expect(finished.ok).toBe(true);
        expect((await store.findSessionByThread(team, "C1", first.threadTs))?.id).toBe(first.id);

        await store.updateSession(first.id, 1, { status: "finished" });
        expect(await store.findSessionByThread(team, "C1", first.threadTs)).toBeNull();
      });

      it("applies a patch, bumps the version and the update time", async () => {
        const created = await store.createSession(newSession());
        clock.advance(5000);
        const result = await store.updateSession(created.id, 1, {
          state: { stage: "build" },
          messages: { rootTs: "1", questionTs: "2" },
          title: "Renamed",
          lang: "ja",
        });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.session).toMatchObject({
          id: created.id,
          version: 2,
          status: "active",
          title: "Renamed",
          lang: "ja",
          state: { stage: "build" },
          messages: { rootTs: "1", questionTs: "2" },
          startedBy: "U1",
        });
        expect(result.session.createdAt).toEqual(created.createdAt);
        expect(result.session.updatedAt).toEqual(clock.now());
        expect(await store.getSession(created.id)).toEqual(result.session);
      });

      it("leaves fields the patch does not mention alone", async () => {
        const created = await store.createSession(newSession());
        const result = await store.updateSession(created.id, 1, { status: "finished" });
        expect(result.ok && result.session).toMatchObject({
          status: "finished",
          title: created.title,
          state: created.state,
          messages: created.messages,
        });
      });

      it("rejects a stale version and returns the current session", async () => {
        const created = await store.createSession(newSession());
        const first = await store.updateSession(created.id, 1, { title: "first" });
        expect(first.ok).toBe(true);
        const stale = await store.updateSession(created.id, 1, { title: "stale" });
        expect(stale.ok).toBe(false);
        if (stale.ok) return;
        expect(stale.current).toMatchObject({ version: 2, title: "first" });
        expect((await store.getSession(created.id))?.title).toBe("first");
      });

      it("lets exactly one of two concurrent updates with the same version win", async () => {
        const created = await store.createSession(newSession());
        const results = await Promise.all([
          store.updateSession(created.id, 1, { title: "a" }),
          store.updateSession(created.id, 1, { title: "b" }),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        const loser = results.find((r) => !r.ok);
        const winner = results.find((r) => r.ok);
        expect(loser && !loser.ok && loser.current?.version).toBe(2);
        expect(winner?.ok && winner.session.title).toBe(
          loser && !loser.ok ? loser.current?.title : "",
        );
      });

      it("reports an unknown session as a conflict without a current session", async () => {
        expect(await store.updateSession(randomUUID(), 1, { title: "x" })).toEqual({
          ok: false,
          current: null,
        });
      });

      it("validates input at the edge", async () => {
        await expect(
          store.createSession(newSession({ lang: "fr" as unknown as "en" })),
        ).rejects.toThrow();
        const created = await store.createSession(newSession());
        await expect(
          store.updateSession(created.id, 1, { status: "paused" as unknown as "active" }),
        ).rejects.toThrow();
      });
    });

    describe("active sessions someone started", () => {
      it("lists a person's active sessions newest first, not finished, idle or others' ones", async () => {
        const older = await store.createSession(newSession({ threadTs: "1", title: "older" }));
        clock.advance(1000);
        const newer = await store.createSession(newSession({ threadTs: "2", title: "newer" }));
        const done = await store.createSession(newSession({ threadTs: "3" }));
        await store.updateSession(done.id, 1, { status: "finished" });
        await store.createSession(newSession({ threadTs: "4", startedBy: "U2" }));
        await store.createSession(newSession({ threadTs: "5", teamId: `${team}x` }));
        const listed = await store.listActiveSessions({ teamId: team, startedBy: "U1" });
        expect(listed.map((s) => s.id)).toEqual([newer.id, older.id]);
        expect(listed[0]).toMatchObject({ status: "active", title: "newer", startedBy: "U1" });
        expect(
          await store.listActiveSessions({ teamId: team, startedBy: "U1", limit: 1 }),
        ).toHaveLength(1);

        // Touched 29 days ago: still active; the older one, untouched for 31 days, is idle.
        clock.advanceDays(2);
        await store.updateSession(newer.id, 1, { title: "touched" });
        clock.advanceDays(29);
        const later = await store.listActiveSessions({ teamId: team, startedBy: "U1" });
        expect(later.map((s) => s.id)).toEqual([newer.id]);
      });
    });

    describe("idle sessions", () => {
      it("reports a session untouched for longer than 30 days (default) as expired", async () => {
        const created = await store.createSession(newSession());
        clock.advanceDays(29);
        expect((await store.getSession(created.id))?.status).toBe("active");
        clock.advanceDays(2);
        const expired = await store.getSession(created.id);
        expect(expired?.status).toBe("expired");
        expect(expired?.updatedAt).toEqual(created.updatedAt);
        const byThread = await store.findSessionByThread(team, "C1", created.threadTs);
        expect(byThread?.id).toBe(created.id);
        expect(byThread?.status).toBe("expired");
      });

      it("honours sessionIdleDays and counts from the last update", async () => {
        const short = await open({ sessionIdleDays: 1 });
        const created = await short.createSession(newSession());
        clock.advance(20 * 3_600_000);
        const touched = await short.updateSession(created.id, 1, { title: "touched" });
        expect(touched.ok).toBe(true);
        clock.advance(20 * 3_600_000);
        expect((await short.getSession(created.id))?.status).toBe("active");
        clock.advance(5 * 3_600_000);
        expect((await short.getSession(created.id))?.status).toBe("expired");
      });

      it("does not let a late update revive an idle session", async () => {
        const created = await store.createSession(newSession());
        clock.advanceDays(31);
        const late = await store.updateSession(created.id, 1, { title: "late" });
        expect(late.ok).toBe(false);
        if (late.ok) return;
        expect(late.current?.status).toBe("expired");
        expect(late.current?.title).toBe(created.title);
      });

      it("never expires finished sessions or decisions", async () => {
        const created = await store.createSession(newSession());
        await store.updateSession(created.id, 1, { status: "finished" });
        const decision = await store.saveDecision(newDecision({ sessionId: created.id }));
        clock.advanceDays(3650);
        expect((await store.getSession(created.id))?.status).toBe("finished");
        expect(await store.getDecision(decision.id)).toEqual(decision);
      });
    });

    describe("decisions", () => {
      it("saves a decision and reads it back", async () => {
        const saved = await store.saveDecision(newDecision({ sessionId: randomUUID() }));
        expect(saved.id).toMatch(UUID);
        expect(saved.createdAt).toEqual(clock.now());
        expect(await store.getDecision(saved.id)).toEqual(saved);
        expect(await store.getDecision(randomUUID())).toBeNull();
      });

      it("stores titles and records without NUL or other control characters", async () => {
        const title = "Payments\u0000 platform\u0007 choice";
        const session = await store.createSession(newSession({ title }));
        expect((await store.getSession(session.id))?.title).toBe("Payments platform choice");
        const saved = await store.saveDecision(
          newDecision({ title, recordMarkdown: "# Payments\u0000\n\tline\r\n" }),
        );
        const read = await store.getDecision(saved.id);
        expect(read?.title).toBe("Payments platform choice");
        expect(read?.recordMarkdown).toBe("# Payments\n\tline\r\n");
      });

      it("keeps optional fields absent when they were not given", async () => {
        const { threadLink: _, ...withoutLink } = newDecision();
        const saved = await store.saveDecision(withoutLink);
        const read = await store.getDecision(saved.id);
        expect(read).toEqual(saved);
        expect(read && "threadLink" in read).toBe(false);
        expect(read && "sessionId" in read).toBe(false);
      });

      it("keeps a decision private unless saved as public; lists only what a channel may see", async () => {
        const pub = await store.saveDecision(
          newDecision({ title: "public", channelId: "C1", visibility: "public" }),
        );
        clock.advance(1000);
        const mine = await store.saveDecision(newDecision({ title: "mine", channelId: "C2" }));
        clock.advance(1000);
        const theirs = await store.saveDecision(newDecision({ title: "theirs", channelId: "C3" }));
        expect(mine.visibility).toBe("private");
        expect((await store.getDecision(pub.id))?.visibility).toBe("public");
        const ids = (list: { id: string }[]) => list.map((d) => d.id);
        expect(ids(await store.listDecisions({ teamId: team, visibleFrom: "C2" }))).toEqual([
          mine.id,
          pub.id,
        ]);
        expect(ids(await store.listDecisions({ teamId: team, visibleFrom: "C9" }))).toEqual([
          pub.id,
        ]);
        expect(ids(await store.listDecisions({ teamId: team }))).toEqual([
          theirs.id,
          mine.id,
          pub.id,
        ]);
      });

      it("lists newest first, narrowed by channel and participant", async () => {
        const a = await store.saveDecision(newDecision({ title: "a", participants: ["U1"] }));
        clock.advance(1000);
        const b = await store.saveDecision(
          newDecision({ title: "b", channelId: "C2", participants: ["U2", "U3"] }),
        );
        clock.advance(1000);
        const c = await store.saveDecision(newDecision({ title: "c", participants: ["U1", "U3"] }));
        await store.saveDecision(newDecision({ teamId: `${team}-other`, title: "other team" }));

        const ids = (list: { id: string }[]) => list.map((d) => d.id);
        expect(ids(await store.listDecisions({ teamId: team }))).toEqual([c.id, b.id, a.id]);
        expect(ids(await store.listDecisions({ teamId: team, channelId: "C1" }))).toEqual([
          c.id,
          a.id,
        ]);
        expect(ids(await store.listDecisions({ teamId: team, participant: "U3" }))).toEqual([
          c.id,
          b.id,
        ]);
        expect(
          ids(await store.listDecisions({ teamId: team, channelId: "C2", participant: "U1" })),
        ).toEqual([]);
        expect(ids(await store.listDecisions({ teamId: team, participant: "U" }))).toEqual([]);
        expect(ids(await store.listDecisions({ teamId: team, limit: 2 }))).toEqual([c.id, b.id]);
        expect(await store.listDecisions({ teamId: team })).toEqual([c, b, a]);
      });

      it("returns at most 20 decisions by default", async () => {
        for (let i = 0; i < 22; i++) {
          await store.saveDecision(newDecision({ title: `d${i}` }));
          clock.advance(1000);
        }
        const list = await store.listDecisions({ teamId: team });
        expect(list).toHaveLength(20);
        expect(list[0]?.title).toBe("d21");
        expect(list[19]?.title).toBe("d2");
      });

      it("keeps Markdown and Japanese text intact", async () => {
        const saved = await store.saveDecision(
          newDecision({
            lang: "ja",
            title: "決済基盤: ECS か EKS か",
            recordMarkdown: "# ECS を採用\n\n- 理由: 運用が軽い `100%` _ok_ 'quote' \"dq\"",
          }),
        );
        expect(await store.getDecision(saved.id)).toEqual(saved);
      });
    });

    describe("decision status and copies", () => {
      it("starts a decision proposed, at version 1, with no copies", async () => {
        const saved = await store.saveDecision(newDecision());
        expect(saved).toMatchObject({ status: "proposed", version: 1, copies: [] });
        expect(saved.statusBy).toBeUndefined();
        expect(saved.statusAt).toBeUndefined();
        expect(await store.getDecision(saved.id)).toEqual(saved);
      });

      it("sets the status, who and when, and the record, bumping the version", async () => {
        const saved = await store.saveDecision(newDecision());
        clock.advance(5000);
        const result = await store.setDecisionStatus(saved.id, 1, {
          status: "accepted",
          statusBy: "U2",
          statusAt: clock.now(),
          recordMarkdown: "---\nstatus: accepted\n---\n# Use ECS",
        });
        expect(result.ok).toBe(true);
        const read = await store.getDecision(saved.id);
        expect(read).toMatchObject({
          status: "accepted",
          statusBy: "U2",
          statusAt: clock.now(),
          version: 2,
          recordMarkdown: "---\nstatus: accepted\n---\n# Use ECS",
          createdAt: saved.createdAt,
        });
        expect(result.ok && result.decision).toEqual(read);
        const listed = await store.listDecisions({ teamId: team });
        expect(listed[0]).toEqual(read);
      });

      it("keeps the record and drops the clicker when a change gives neither", async () => {
        const saved = await store.saveDecision(newDecision());
        await store.setDecisionStatus(saved.id, 1, {
          status: "accepted",
          statusBy: "U2",
          statusAt: clock.now(),
        });
        const result = await store.setDecisionStatus(saved.id, 2, {
          status: "superseded",
          statusAt: clock.now(),
        });
        expect(result.ok).toBe(true);
        const read = await store.getDecision(saved.id);
        expect(read?.status).toBe("superseded");
        expect(read && "statusBy" in read).toBe(false);
        expect(read?.recordMarkdown).toBe(saved.recordMarkdown);
      });

      it("rejects a stale version and returns the current decision", async () => {
        const saved = await store.saveDecision(newDecision());
        await store.setDecisionStatus(saved.id, 1, { status: "accepted", statusAt: clock.now() });
        const stale = await store.setDecisionStatus(saved.id, 1, {
          status: "rejected",
          statusAt: clock.now(),
        });
        expect(stale.ok).toBe(false);
        expect(!stale.ok && stale.current?.status).toBe("accepted");
        const missing = await store.setDecisionStatus(randomUUID(), 1, {
          status: "accepted",
          statusAt: clock.now(),
        });
        expect(missing).toEqual({ ok: false, current: null });
      });

      it("lets exactly one of two concurrent status changes with the same version win", async () => {
        const saved = await store.saveDecision(newDecision());
        const results = await Promise.all([
          store.setDecisionStatus(saved.id, 1, { status: "accepted", statusAt: clock.now() }),
          store.setDecisionStatus(saved.id, 1, { status: "rejected", statusAt: clock.now() }),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect((await store.getDecision(saved.id))?.version).toBe(2);
      });

      it("validates a status change at the edge", async () => {
        const saved = await store.saveDecision(newDecision());
        await expect(
          store.setDecisionStatus(saved.id, 1, {
            status: "maybe" as "accepted",
            statusAt: clock.now(),
          }),
        ).rejects.toThrow();
        await expect(store.addDecisionCopy(saved.id, { channel: "", ts: "1" })).rejects.toThrow();
      });

      it("remembers each copy once, in order, without touching the version", async () => {
        const saved = await store.saveDecision(newDecision());
        await store.addDecisionCopy(saved.id, { channel: "C1", ts: "1.1" });
        await store.addDecisionCopy(saved.id, { channel: "C9", ts: "2.2" });
        const again = await store.addDecisionCopy(saved.id, { channel: "C1", ts: "1.1" });
        const expected = [
          { channel: "C1", ts: "1.1" },
          { channel: "C9", ts: "2.2" },
        ];
        expect(again?.copies).toEqual(expected);
        expect((await store.getDecision(saved.id))?.copies).toEqual(expected);
        expect((await store.getDecision(saved.id))?.version).toBe(1);
        expect(await store.addDecisionCopy(randomUUID(), { channel: "C1", ts: "1.1" })).toBeNull();
      });

      it("keeps every one of many concurrent copies", async () => {
        const saved = await store.saveDecision(newDecision());
        const other = harness.shared ? await open() : store;
        await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 ? other : store).addDecisionCopy(saved.id, { channel: `C${i}`, ts: `${i}.0` }),
          ),
        );
        const copies = (await store.getDecision(saved.id))?.copies ?? [];
        expect(copies).toHaveLength(8);
      });
    });

    describe("plans and due dates", () => {
      const due = (days: number) => new Date(clock.now().getTime() + days * 86_400_000);
      const mine = <T extends { teamId: string }>(list: T[]) =>
        list.filter((x) => x.teamId === team);

      it("keeps a session's plan (owner, invitees, due date) and an empty plan when none", async () => {
        const plain = await store.createSession(newSession());
        expect(plain.plan).toEqual({});
        const plan = { owner: "U2", invitees: ["U3", "U4"], dueAt: due(3) };
        const planned = await store.createSession(newSession({ threadTs: "2.0", plan }));
        expect(planned.plan).toEqual(plan);
        expect((await store.getSession(planned.id))?.plan).toEqual(plan);
        const moved = await store.updateSession(planned.id, 1, {
          plan: { ...plan, dueAt: due(5) },
        });
        expect(moved.ok && moved.session.plan.dueAt).toEqual(due(5));
      });

      it("lists active sessions whose due date has passed, oldest due first", async () => {
        const late = await store.createSession(
          newSession({ threadTs: "1.0", plan: { dueAt: due(1) } }),
        );
        const later = await store.createSession(
          newSession({ threadTs: "2.0", plan: { dueAt: due(2) } }),
        );
        await store.createSession(newSession({ threadTs: "3.0", plan: { dueAt: due(9) } }));
        await store.createSession(newSession({ threadTs: "4.0" }));
        const done = await store.createSession(
          newSession({ threadTs: "5.0", plan: { dueAt: due(1) } }),
        );
        await store.updateSession(done.id, 1, { status: "finished" });
        expect(mine(await store.listDueSessions({ now: due(0) }))).toEqual([]);
        const found = mine(await store.listDueSessions({ now: due(3) }));
        expect(found.map((s) => s.id)).toEqual([late.id, later.id]);
      });

      it("keeps what a decision relied on and its revisit date; lists the live ones that are due", async () => {
        const relied = { matrixVersion: "2026-11-29", facts: { secrets: "abc123" } };
        const a = await store.saveDecision(newDecision({ relied, revisitAt: due(10) }));
        const b = await store.saveDecision(newDecision({ threadTs: "2.0", revisitAt: due(20) }));
        const c = await store.saveDecision(newDecision({ threadTs: "3.0", revisitAt: due(5) }));
        await store.setDecisionStatus(c.id, 1, { status: "superseded", statusAt: clock.now() });
        expect((await store.getDecision(a.id))?.relied).toEqual(relied);
        expect((await store.getDecision(a.id))?.revisitAt).toEqual(due(10));
        expect((await store.getDecision(b.id))?.relied).toBeUndefined();
        expect(mine(await store.listDueDecisions({ now: due(15) })).map((d) => d.id)).toEqual([
          a.id,
        ]);
        expect(
          mine(await store.listLiveDecisions())
            .map((d) => d.id)
            .sort(),
        ).toEqual([a.id, b.id].sort());
      });

      it("moves or clears a revisit date and records noticed fact changes without touching the version", async () => {
        const a = await store.saveDecision(newDecision({ revisitAt: due(10) }));
        const moved = await store.updateDecisionReview(a.id, { revisitAt: due(30) });
        expect(moved?.revisitAt).toEqual(due(30));
        const changed = { matrixVersion: "2027-01-01", capabilities: ["secrets"] };
        const noted = await store.updateDecisionReview(a.id, { factsChanged: changed });
        expect(noted?.factsChanged).toEqual(changed);
        expect(noted?.revisitAt).toEqual(due(30));
        const cleared = await store.updateDecisionReview(a.id, { revisitAt: null });
        expect(cleared?.revisitAt).toBeUndefined();
        expect((await store.getDecision(a.id))?.factsChanged).toEqual(changed);
        expect((await store.getDecision(a.id))?.version).toBe(1);
        expect(await store.updateDecisionReview(randomUUID(), { revisitAt: null })).toBeNull();
      });
    });

    describe("claimEvent", () => {
      it("is true once per event id", async () => {
        const id = `Ev${randomUUID()}`;
        expect(await store.claimEvent(id)).toBe(true);
        expect(await store.claimEvent(id)).toBe(false);
        expect(await store.claimEvent(id)).toBe(false);
        expect(await store.claimEvent(`${id}-other`)).toBe(true);
      });

      it("gives exactly one of many concurrent claims", async () => {
        const id = `Ev${randomUUID()}`;
        const results = await Promise.all(Array.from({ length: 10 }, () => store.claimEvent(id)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it("can be claimed again after the ttl expired", async () => {
        const id = `Ev${randomUUID()}`;
        expect(await store.claimEvent(id, 60)).toBe(true);
        clock.advance(59_000);
        expect(await store.claimEvent(id, 60)).toBe(false);
        clock.advance(2000);
        expect(await store.claimEvent(id, 60)).toBe(true);
        expect(await store.claimEvent(id, 60)).toBe(false);
      });

      it("keeps a claim for a day by default", async () => {
        const id = `Ev${randomUUID()}`;
        expect(await store.claimEvent(id)).toBe(true);
        clock.advance(86_399_000);
        expect(await store.claimEvent(id)).toBe(false);
        clock.advance(2000);
        expect(await store.claimEvent(id)).toBe(true);
      });

      it("stays correct while expired claims are pruned", async () => {
        const old = Array.from({ length: 120 }, (_, i) => `Ev${team}-${i}`);
        for (const id of old) expect(await store.claimEvent(id, 1)).toBe(true);
        clock.advance(2000);
        const fresh = `Ev${randomUUID()}`;
        expect(await store.claimEvent(fresh)).toBe(true);
        for (const id of old.slice(0, 5)) expect(await store.claimEvent(id, 1)).toBe(true);
        expect(await store.claimEvent(fresh)).toBe(false);
      });
    });

    describe("channel settings", () => {
      it("stores the language per channel", async () => {
        expect(await store.getChannelLang(team, "C1")).toBeNull();
        await store.setChannelLang(team, "C1", "ja");
        expect(await store.getChannelLang(team, "C1")).toBe("ja");
        await store.setChannelLang(team, "C1", "en");
        expect(await store.getChannelLang(team, "C1")).toBe("en");
        expect(await store.getChannelLang(team, "C2")).toBeNull();
        expect(await store.getChannelLang(`${team}-other`, "C1")).toBeNull();
      });
    });

    it("pings and closes", async () => {
      const s = await open();
      expect(await s.ping()).toBe(true);
      await s.close();
      expect(await s.ping()).toBe(false);
      await s.close();
    });

    describe.skipIf(!harness.shared)(
      "shared between instances (two processes, one database)",
      () => {
        it("shares state between two instances (two processes, same database)", async () => {
          const other = await open();
          const created = await store.createSession(newSession());
          expect(await other.getSession(created.id)).toEqual(created);
          await other.setChannelLang(team, "C9", "ja");
          expect(await store.getChannelLang(team, "C9")).toBe("ja");
        });

        it("gives exactly one claim across two instances claiming at once", async () => {
          const other = await open();
          for (let round = 0; round < 5; round++) {
            const id = `Ev${randomUUID()}`;
            const results = await Promise.all([
              store.claimEvent(id),
              other.claimEvent(id),
              store.claimEvent(id),
              other.claimEvent(id),
            ]);
            expect(results.filter(Boolean)).toHaveLength(1);
          }
        });

        it("lets exactly one of two instances win an update with the same version", async () => {
          const other = await open();
          const created = await store.createSession(newSession());
          const results = await Promise.all([
            store.updateSession(created.id, 1, { title: "mine" }),
            other.updateSession(created.id, 1, { title: "theirs" }),
          ]);
          expect(results.filter((r) => r.ok)).toHaveLength(1);
          expect((await store.getSession(created.id))?.version).toBe(2);
        });
      },
    );

    describe.skipIf(!harness.corrupt)("corrupted rows", () => {
      it("rejects a session row with invalid JSON with a clear error", async () => {
        const corrupt = harness.corrupt ?? (() => Promise.resolve());
        const created = await store.createSession(newSession());
        await corrupt("sessions", created.id, "messages", "{not json");
        const error = await store.getSession(created.id).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreDataError);
        expect(String((error as Error).message)).toMatch(/sessions[\s\S]*JSON[\s\S]*messages/);
      });

      it("rejects a session row with an unknown status", async () => {
        const corrupt = harness.corrupt ?? (() => Promise.resolve());
        const created = await store.createSession(newSession());
        await corrupt("sessions", created.id, "status", "paused");
        await expect(
          store.findSessionByThread(team, "C1", created.threadTs),
        ).rejects.toBeInstanceOf(StoreDataError);
      });

      it("rejects a decision whose participants are not a list of ids", async () => {
        const corrupt = harness.corrupt ?? (() => Promise.resolve());
        const saved = await store.saveDecision(newDecision());
        await corrupt("decisions", saved.id, "participants", '{"U1":true}');
        await expect(store.getDecision(saved.id)).rejects.toBeInstanceOf(StoreDataError);
        await expect(store.listDecisions({ teamId: team })).rejects.toThrow(/decisions/);
      });

      it("rejects a date that is not an ISO timestamp", async () => {
        const corrupt = harness.corrupt ?? (() => Promise.resolve());
        const saved = await store.saveDecision(newDecision());
        await corrupt("decisions", saved.id, "created_at", "yesterday");
        await expect(store.getDecision(saved.id)).rejects.toThrow(/created_at/);
      });

      it("rejects a decision with an unknown status or copies that are not a list", async () => {
        const corrupt = harness.corrupt ?? (() => Promise.resolve());
        const saved = await store.saveDecision(newDecision());
        await corrupt("decisions", saved.id, "status", "maybe");
        await expect(store.getDecision(saved.id)).rejects.toThrow(/status/);
        const other = await store.saveDecision(newDecision());
        await corrupt("decisions", other.id, "copies", '{"channel":"C1"}');
        await expect(store.getDecision(other.id)).rejects.toThrow(/copies/);
      });
    });
  });
}
