import type { Logger } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { SlackDeps } from "../deps.js";
import { describeError } from "../errors.js";
import { botMention } from "../escape.js";
import type { SlackCtx } from "../walkthrough/ctx.js";

/**
 * Work the bot does on its own, not in answer to a request: reminders when a date passes, a check of
 * stored decisions against the facts loaded now. Each replica runs the same jobs; a job makes its
 * effect happen exactly once with a store claim (see `once`).
 */
export interface SweepJob {
  name: string;
  run(sweep: SweepCtx): Promise<void>;
}

export interface SweepCtx {
  deps: SlackDeps;
  client: WebClient;
  logger: Logger;
  /** A request-like context for one team's item (walkthrough helpers take one). */
  ctxFor(teamId: string): SlackCtx;
}

/** How long a "done once" claim is kept: long past any date a reminder could be about. */
const ONCE_TTL_SECONDS = 10 * 366 * 86_400;

/**
 * True for exactly one caller per key, across replicas and restarts (a row in the store's claim
 * table). Claim before acting: a failure after the claim loses that one reminder rather than
 * repeating it, which is the better failure for a message people read.
 */
export function once(deps: SlackDeps, key: string): Promise<boolean> {
  return deps.store.claimEvent(`once:${key}`, ONCE_TTL_SECONDS);
}

/**
 * Runs `act` on each item in turn; one that throws is logged with `failed(item)` naming it, and the
 * others still run. Returns how many gave true (a message posted).
 */
export async function eachItem<T>(
  sweep: SweepCtx,
  items: readonly T[],
  act: (item: T) => Promise<unknown>,
  failed: (item: T) => string,
): Promise<number> {
  let done = 0;
  for (const item of items) {
    try {
      if ((await act(item)) === true) done += 1;
    } catch (err) {
      sweep.logger.warn(`${failed(item)}: ${describeError(err)}`);
    }
  }
  return done;
}

export interface SweeperOptions {
  deps: SlackDeps;
  client: WebClient;
  logger: Logger;
  /** Jobs run on every sweep. */
  jobs: readonly SweepJob[];
  /**
   * Jobs run on the first sweep after start (new data compared with stored decisions), and again on
   * the next sweeps until they succeed once.
   */
  startup?: readonly SweepJob[];
  /** Between sweeps (default 60 s). */
  intervalMs?: number;
}

/**
 * Runs the jobs now and then. Sweeps never overlap; a failing job is logged and the others still
 * run. `sweep()` runs one now (tests call it instead of waiting).
 */
export class Sweeper {
  readonly #o: SweeperOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  /** Startup jobs that have not yet run to the end (one that failed, say on a database outage, runs again). */
  readonly #startupLeft: Set<SweepJob>;
  #bot: Promise<string> | undefined;

  constructor(options: SweeperOptions) {
    this.#o = options;
    this.#startupLeft = new Set(options.startup ?? []);
  }

  start(): void {
    if (this.#timer) return;
    const every = this.#o.intervalMs ?? 60_000;
    this.#timer = setInterval(() => void this.sweep(), every);
    this.#timer.unref();
    void this.sweep();
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  sweep(): Promise<void> {
    this.#running ??= this.#sweepOnce().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #sweepOnce(): Promise<void> {
    const { deps, client, logger } = this.#o;
    let mention = "";
    try {
      mention = botMention(await this.#botUserId());
    } catch (err) {
      logger.warn(
        `Scheduled work skipped: Slack did not say who the bot is: ${describeError(err)}`,
      );
      return;
    }
    const ctx: SweepCtx = {
      deps,
      client,
      logger,
      ctxFor: (teamId) => ({ deps, client, logger, teamId, botMention: mention }),
    };
    const jobs = [...this.#startupLeft, ...this.#o.jobs];
    for (const job of jobs) {
      try {
        await job.run(ctx);
        this.#startupLeft.delete(job);
      } catch (err) {
        logger.warn(`Scheduled job ${job.name} failed: ${describeError(err)}`);
      }
    }
  }

  /** The bot's user id (auth.test, once; asked again after a failure). */
  #botUserId(): Promise<string> {
    this.#bot ??= this.#o.client.auth.test().then(
      (r) => String(r.user_id ?? ""),
      (err: unknown) => {
        this.#bot = undefined;
        throw err;
      },
    );
    return this.#bot;
  }
}
