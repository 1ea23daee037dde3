import type { Logger } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import type { SlackDeps } from "../../src/slack/deps.js";
import { Sweeper, type SweepJob } from "../../src/slack/schedule/sweeper.js";
import { quietLogger } from "../support/slack-harness.js";

/** The scheduler the reminders and the fact check run on: order, isolation, startup-only jobs. */

function logger(lines: string[]): Logger {
  const push = (...m: unknown[]) => lines.push(m.map(String).join(" "));
  return { ...quietLogger, warn: push, error: push };
}

function client(authOk: () => boolean): WebClient {
  const auth = {
    test: async () => {
      if (!authOk()) throw new Error("invalid_auth");
      return { ok: true, user_id: "U0BOT" };
    },
  };
  return { auth } as unknown as WebClient;
}

const deps = {} as SlackDeps;

function job(name: string, runs: string[], fail = false): SweepJob {
  return {
    name,
    async run(sweep) {
      runs.push(`${name}:${sweep.ctxFor("T1").botMention}`);
      if (fail) throw new Error("boom");
    },
  };
}

describe("the sweeper", () => {
  it("runs startup jobs on the first sweep only, then every job each sweep, past a failing one", async () => {
    const runs: string[] = [];
    const lines: string[] = [];
    const sweeper = new Sweeper({
      deps,
      client: client(() => true),
      logger: logger(lines),
      startup: [job("facts", runs)],
      jobs: [job("broken", runs, true), job("due", runs)],
    });
    await sweeper.sweep();
    await sweeper.sweep();
    expect(runs).toEqual([
      "facts:<@U0BOT>",
      "broken:<@U0BOT>",
      "due:<@U0BOT>",
      "broken:<@U0BOT>",
      "due:<@U0BOT>",
    ]);
    expect(lines.filter((l) => l.includes("Scheduled job broken failed"))).toHaveLength(2);
  });

  it("runs a startup job that failed again on the next sweep, until it succeeds once", async () => {
    const runs: string[] = [];
    let down = true;
    const facts: SweepJob = {
      name: "facts",
      async run() {
        runs.push(down ? "facts failed" : "facts");
        if (down) throw new Error("the database is unavailable");
      },
    };
    const sweeper = new Sweeper({
      deps,
      client: client(() => true),
      logger: logger([]),
      startup: [facts],
      jobs: [],
    });
    await sweeper.sweep();
    down = false;
    await sweeper.sweep();
    await sweeper.sweep();
    expect(runs).toEqual(["facts failed", "facts"]);
  });

  it("never overlaps sweeps: a sweep asked for while one runs is that same sweep", async () => {
    let release: () => void = () => {};
    let started = 0;
    const slow: SweepJob = {
      name: "slow",
      run: () =>
        new Promise<void>((resolve) => {
          started += 1;
          release = resolve;
        }),
    };
    const sweeper = new Sweeper({
      deps,
      client: client(() => true),
      logger: logger([]),
      jobs: [slow],
    });
    const first = sweeper.sweep();
    const second = sweeper.sweep();
    expect(second).toBe(first);
    await new Promise((r) => setTimeout(r, 10));
    release();
    await first;
    expect(started).toBe(1);
  });

  it("skips a sweep while Slack cannot say who the bot is, and keeps its startup jobs for later", async () => {
    const runs: string[] = [];
    const lines: string[] = [];
    let ok = false;
    const sweeper = new Sweeper({
      deps,
      client: client(() => ok),
      logger: logger(lines),
      startup: [job("facts", runs)],
      jobs: [job("due", runs)],
    });
    await sweeper.sweep();
    expect(runs).toEqual([]);
    expect(lines.join("\n")).toContain("Scheduled work skipped");
    ok = true;
    await sweeper.sweep();
    expect(runs).toEqual(["facts:<@U0BOT>", "due:<@U0BOT>"]);
  });
});
