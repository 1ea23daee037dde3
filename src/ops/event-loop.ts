import { monitorEventLoopDelay } from "node:perf_hooks";

/** A delay this long means every user waited: readiness says so. */
export const STALL_THRESHOLD_MS = 1_000;
const WINDOW_MS = 10_000;

/**
 * How long the event loop was blocked lately (the worst delay in this window and the last one). A
 * stalled disk under SQLite, or a runaway computation, blocks every request of every user; while it
 * lasts nothing answers, and afterwards this shows it, so readiness can report it.
 */
export class EventLoopWatch {
  readonly #histogram = monitorEventLoopDelay({ resolution: 20 });
  #previousMaxMs = 0;
  readonly #timer: NodeJS.Timeout;

  constructor() {
    this.#histogram.enable();
    this.#timer = setInterval(() => {
      this.#previousMaxMs = this.#histogram.max / 1e6;
      this.#histogram.reset();
    }, WINDOW_MS);
    this.#timer.unref();
  }

  /** The worst delay of the last 10 to 20 seconds, in milliseconds. */
  worstDelayMs(): number {
    return Math.round(Math.max(this.#previousMaxMs, this.#histogram.max / 1e6));
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#histogram.disable();
  }
}
