import { beforeAll, describe, expect, it } from "vitest";
import { decide } from "../../src/core/decision/index.js";
import { POST_MODAL_CALLBACK } from "../../src/slack/blocks/modal.js";
import { PAYLOAD_VERSION } from "../../src/slack/payloads.js";
import type { NewDecision, StoredDecision } from "../../src/store/index.js";
import { TEAM_ID } from "../support/fake-slack.js";
import { CHANNEL, nextTs, shown, USER, USER2, useHarness } from "../support/slack-harness.js";
import { formBody } from "../support/slack-signing.js";

/**
 * Authorisation through the real receiver: a value copied from one channel's thread (or forged)
 * acts on nothing elsewhere, and a private channel's decision is neither listed nor posted outside
 * it. Each case would have changed another channel's walkthrough or leaked its decision.
 */

type Json = Record<string, unknown>;
const OTHER = "C0OTHER001";
const PRIVATE = "G0PRIVATE1";

const h = useHarness();

function decisionInput(over: Partial<NewDecision>): NewDecision {
  const summary = decide(h.bot.deps.walkthrough, h.bot.deps.matrix, {});
  return {
    teamId: TEAM_ID,
    channelId: CHANNEL,
    threadTs: nextTs(),
    title: "Decision",
    recommendation: "ecs",
    lang: "en",
    summary,
    recordMarkdown: "# Decision",
    participants: [USER],
    matrixVersion: "test",
    ...over,
  };
}

/** A block_actions payload as App Home (no channel) or another workspace would send it. */
function rawClick(o: { actionId: string; value: string; team?: string; fromHome?: boolean }) {
  const team = o.team ?? TEAM_ID;
  const payload = {
    type: "block_actions",
    team: { id: team, domain: "x" },
    user: { id: USER2, username: "someone", team_id: team },
    api_app_id: "A0APP0001",
    token: "legacy",
    trigger_id: "1.2.3",
    container: o.fromHome
      ? { type: "view", view_id: "V0HOME0001" }
      : { type: "message", message_ts: nextTs(), channel_id: "C0THEIRS01" },
    ...(o.fromHome ? { view: { id: "V0HOME0001", type: "home" } } : {}),
    ...(o.fromHome ? {} : { channel: { id: "C0THEIRS01", name: "x" } }),
    actions: [
      { type: "button", action_id: o.actionId, block_id: "b", value: o.value, action_ts: "1" },
    ],
  };
  return h.raw(formBody({ payload: JSON.stringify(payload) }), "application/x-www-form-urlencoded");
}

describe("a walkthrough acts only on clicks from its own workspace and channel", () => {
  let option: Json;
  let version = 0;
  let sessionId = "";

  beforeAll(async () => {
    await h.slash("decide Access rules");
    const question = h.fake.posts().find((p) => shown(p).includes("decide_answer"));
    const actions = ((question?.blocks as Json[]) ?? []).filter((b) => b.type === "actions");
    option = ((actions[0]?.elements ?? []) as Json[])[0] as Json;
    if (!option?.value)
      expect.unreachable(`"decide Access rules" posted no answer button: ${shown(question)}`);
    const session = (await h.store.listDecisions({ teamId: TEAM_ID })).length;
    expect(session).toBe(0);
    const value = JSON.parse(String(option.value)) as { s: string };
    sessionId = value.s;
    version = (await h.store.getSession(sessionId))?.version ?? 0;
    h.fake.reset();
  });

  const unchanged = async () => {
    expect((await h.store.getSession(sessionId))?.version).toBe(version);
    expect(h.fake.callsTo("chat.update")).toEqual([]);
    expect(h.fake.callsTo("chat.postMessage")).toEqual([]);
  };

  it("refuses a click carrying its id from another channel, and says why", async () => {
    const res = await h.click(String(option.action_id), String(option.value), { channel: OTHER });
    expect(res.status).toBe(200);
    await unchanged();
    expect(h.fake.callsTo("chat.postEphemeral")).toHaveLength(1);
    const told = h.fake.callsTo("chat.postEphemeral").at(-1)?.args;
    expect(told?.channel).toBe(OTHER);
    expect(told?.user).toBe(USER);
    expect(String(told?.text)).toMatch(/another channel/);
    // Where the click came from, never in the walkthrough's thread, which is in another channel.
    const walkthroughThread = (await h.store.getSession(sessionId))?.threadTs;
    expect(walkthroughThread).toBeTruthy();
    expect(told?.thread_ts).not.toBe(walkthroughThread);
  });

  it("refuses the same value clicked from App Home (no channel) or from another workspace", async () => {
    h.fake.reset();
    const fromHome = await rawClick({
      actionId: String(option.action_id),
      value: String(option.value),
      fromHome: true,
    });
    expect(fromHome.status).toBe(200);
    // App Home has no channel to answer in: nothing is sent at all.
    expect(h.fake.calls).toEqual([]);
    expect(h.fake.responsePosts).toEqual([]);
    const fromElsewhere = await rawClick({
      actionId: String(option.action_id),
      value: String(option.value),
      team: "T0OTHER001",
    });
    expect(fromElsewhere.status).toBe(200);
    // The other workspace's clicker alone is told why, where they clicked.
    const told = h.fake.callsTo("chat.postEphemeral");
    expect(told).toHaveLength(1);
    expect(told[0]?.args.channel).toBe("C0THEIRS01");
    expect(told[0]?.args.user).toBe(USER2);
    expect(String(told[0]?.args.text)).toMatch(/another channel/);
    expect(h.fake.responsePosts).toEqual([]);
    await unchanged();
  });

  it("still takes the click from its own channel", async () => {
    await h.click(String(option.action_id), String(option.value));
    expect((await h.store.getSession(sessionId))?.version).toBe(version + 1);
  });
});

describe("decisions of private channels stay there", () => {
  let privateOne: StoredDecision;
  let publicOne: StoredDecision;

  beforeAll(async () => {
    publicOne = await h.store.saveDecision(
      decisionInput({ title: "Public choice", channelId: CHANNEL, visibility: "public" }),
    );
    privateOne = await h.store.saveDecision(
      decisionInput({ title: "Secret merger platform", channelId: PRIVATE }),
    );
  });

  it("`history all` lists public decisions and this channel's own, not another private channel's", async () => {
    const elsewhere = await h.slash("history all", { channel: OTHER });
    expect(shown(elsewhere.json)).toContain("Public choice");
    expect(shown(elsewhere.json)).not.toContain("Secret merger platform");
    const inside = await h.slash("history all", { channel: PRIVATE });
    expect(shown(inside.json)).toContain("Secret merger platform");
  });

  it("a summary button with a decision id from another channel does nothing here", async () => {
    h.fake.reset();
    const messageTs = nextTs();
    const res = await h.click(
      "summary_record",
      JSON.stringify({ v: PAYLOAD_VERSION, k: "dec", d: privateOne.id }),
      { channel: OTHER, messageTs },
    );
    expect(res.status).toBe(200);
    expect(h.fake.callsTo("files.getUploadURLExternal")).toEqual([]);
    expect(String(h.fake.callsTo("chat.postEphemeral").at(-1)?.args.text)).toMatch(
      /another channel/,
    );
    // Only the clicker is told, in the channel and thread of the message clicked.
    const told = h.fake.callsTo("chat.postEphemeral").at(-1)?.args;
    expect(told?.channel).toBe(OTHER);
    expect(told?.user).toBe(USER);
    expect(told?.thread_ts).toBe(messageTs);
  });

  it("a forged Post to channel… of a private decision into a public channel is refused on the picker", async () => {
    h.fake.reset();
    const view = (meta: Json) => ({
      callback_id: POST_MODAL_CALLBACK,
      private_metadata: JSON.stringify({ v: PAYLOAD_VERSION, k: "post", ...meta }),
      blocks: [],
      title: { type: "plain_text", text: "Post" },
    });
    const fromInside = await h.submitView(view({ d: privateOne.id, c: PRIVATE }), OTHER);
    expect(fromInside.json?.response_action).toBe("errors");
    expect(shown(fromInside.json)).toMatch(/private channel/);
    const fromElsewhere = await h.submitView(view({ d: publicOne.id, c: OTHER }), OTHER);
    expect(shown(fromElsewhere.json)).toMatch(/another channel/);
    expect(h.fake.callsTo("chat.postMessage")).toEqual([]);
    // A public decision, from its own thread, is posted.
    const ok = await h.submitView(view({ d: publicOne.id, c: CHANNEL }), OTHER);
    expect(ok.json?.response_action).toBeUndefined();
    expect(h.fake.posts(OTHER)).toHaveLength(1);
  });
});
