import { dueReminders } from "./due-reminders.js";
import { factAlerts } from "./fact-alerts.js";
import { revisitReminders } from "./revisit-reminders.js";
import type { SweepJob } from "./sweeper.js";

/**
 * The bot's scheduled work, by when it runs. Each job lives in its own file in this folder; add it
 * to one of these lists.
 */

/** Run on every sweep (once a minute). */
export const SWEEP_JOBS: SweepJob[] = [revisitReminders, dueReminders];

/** Run once, on the first sweep after the bot starts (new data compared with what is stored). */
export const STARTUP_JOBS: SweepJob[] = [factAlerts];
