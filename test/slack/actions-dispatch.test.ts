import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SHOW_CAPABILITY_ACTION } from "../../src/slack/blocks/answer.js";
import { HELP_START_ACTION } from "../../src/slack/blocks/help.js";
import { encode } from "../../src/slack/payloads.js";
import { type Harness, shown, startHarness } from "../support/slack-harness.js";

/** One app.action() per button; numbered ids for buttons repeated in a block; the rest acked. */
describe("action listeners", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  const capability = encode({ k: "cap", id: "secrets", lang: "en" });

  it("routes a numbered id of a button repeated in a block like the button itself", async () => {
    for (const id of [SHOW_CAPABILITY_ACTION, `${SHOW_CAPABILITY_ACTION}_3`]) {
      h.fake.reset();
      const res = await h.click(id, capability);
      expect(res.status).toBe(200);
      await h.bot.idle();
      expect(shown(h.fake.callsTo("chat.postEphemeral").at(-1)?.args)).toContain("Secrets");
    }
  });

  it("acknowledges an action it does not know (a link button, a removed feature, a numbered id of a single button) and does nothing else", async () => {
    for (const id of ["no_such_action", `${HELP_START_ACTION}_2`, `${SHOW_CAPABILITY_ACTION}_x`]) {
      h.fake.reset();
      const res = await h.click(id, "whatever");
      expect(res.status).toBe(200);
      await h.bot.idle();
      expect(h.fake.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
      expect(h.fake.responsePosts).toEqual([]);
    }
    expect(h.logs).toEqual([]);
  });
});
