import type { Answerer } from "../core/answer/index.js";
import type { ChangeLog } from "../core/changes/index.js";
import type { Clock } from "../core/clock.js";
import type { Lang } from "../core/i18n/lang.js";
import type { Matrix } from "../core/matrix/index.js";
import type { WalkthroughDef } from "../core/walkthrough/index.js";
import type { Store } from "../store/index.js";
import type { UserDirectory } from "./users.js";

/** What the Slack listeners need: data, engine and store, plus a few settings. */
export interface SlackDeps {
  store: Store;
  matrix: Matrix;
  answerer: Answerer;
  walkthrough: WalkthroughDef;
  /** The dated change log of platform events (data/changes.yml). */
  changes: ChangeLog;
  defaultLang: Lang;
  /** Every finished decision summary is also posted here. */
  decisionsChannel: string | undefined;
  maxAgeDays: number;
  /** The app's one clock, shared with the store. */
  now: Clock;
  /** The slash command's name as users type it. */
  command: string;
  /** Names and locales of people (users.info), cached. */
  users: UserDirectory;
}

export const COMMAND = "/ecs-vs-eks";
