import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SHOW_CAPABILITY_ACTION } from "../../src/slack/blocks/answer.js";
import { HELP_START_ACTION } from "../../src/slack/blocks/help.js";
import { OPTION_ACTION } from "../../src/slack/blocks/walkthrough.js";
import { actionTable, routeAction } from "../../src/slack/listeners/actions/index.js";
import { type Harness, startHarness } from "../support/slack-harness.js";

/** One Bolt listener for all block actions, dispatching on action_id through a table. */
describe("action dispatch table", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it("routes exact action ids, and numbered ids only for buttons repeated in a block", () => {
    const table = actionTable(h.bot.deps);
    expect(routeAction(table, HELP_START_ACTION)).toBe(table.get(HELP_START_ACTION));
    expect(routeAction(table, `${SHOW_CAPABILITY_ACTION}_3`)).toBe(
      table.get(SHOW_CAPABILITY_ACTION),
    );
    expect(routeAction(table, `${OPTION_ACTION}_12`)).toBe(table.get(OPTION_ACTION));
    expect(routeAction(table, `${HELP_START_ACTION}_2`)).toBeUndefined();
    expect(routeAction(table, `${OPTION_ACTION}_x`)).toBeUndefined();
    expect(routeAction(table, "no_such_action")).toBeUndefined();
    expect(routeAction(table, "_1")).toBeUndefined();
  });

  it("acknowledges an action it does not know (a link button, a removed feature) and does nothing else", async () => {
    const res = await h.click("no_such_action", "whatever");
    expect(res.status).toBe(200);
    await h.bot.idle();
    expect(h.fake.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
    expect(h.fake.responsePosts).toEqual([]);
    expect(h.logs).toEqual([]);
  });
});
