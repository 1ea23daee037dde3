import { describe, expect, it } from "vitest";
import type { SessionState } from "../../src/core/walkthrough/index.js";
import { t as tm } from "../../src/slack/messages.js";
import { decode, encode, helpValue } from "../../src/slack/payloads.js";
import { TEAM_ID } from "../support/fake-slack.js";
import {
  actionButton,
  actionElements,
  CHANNEL,
  nextTs,
  shown,
  USER,
  USER2,
  useHarness,
  visible,
} from "../support/slack-harness.js";
import { lastOpenedView, submitStart } from "../support/start-modal.js";

type Json = Record<string, unknown>;

const h = useHarness();

/** A stored session's state (the store keeps it as JSON). */
function stateOf(session: { state: unknown } | null | undefined): SessionState {
  return (session?.state ?? { answers: {} }) as SessionState;
}

/** The ts Slack gave each message the bot posted in a channel, in order. */
function postedTs(channel: string): string[] {
  return h.fake
    .callsTo("chat.postMessage")
    .filter((c) => c.args.channel === channel)
    .map((c) => String((c.result as Json | undefined)?.ts));
}

/** The live question message of the walkthrough in a channel (posted, then updated in place). */
function questionMessage(channel: string): Json | undefined {
  return h.fake.history
    .filter(
      (c) =>
        (c.method === "chat.postMessage" || c.method === "chat.update") &&
        c.args.channel === channel &&
        shown(c.args).includes("decide_answer"),
    )
    .at(-1)?.args;
}

describe("the platform choice: should we use ECS or EKS?", () => {
  it("from the slash command: an ephemeral card whose button starts the walkthrough in the channel, prefilled and credited to the asker", async () => {
    const channel = "C0CHOICE01";
    const res = await h.slash("ecs or eks for a 4 person team with zero kubernetes experience?", {
      channel,
    });
    const card = res.json as Json;
    expect(card.response_type).toBe("ephemeral");
    const text = visible(card);
    expect(text).toContain("ECS or EKS: a choice of platform");
    expect(text).toContain("comparing ECS with Kubernetes");
    expect(text).toContain("What system are we building?");
    expect(text).toContain("Kubernetes experience: None to speak of");
    expect(text).not.toContain("multi-tenancy");
    const value = decode(helpValue, actionButton(card, "help_start").value as string);
    expect(value?.p).toEqual({ "k8s-experience": "none", "ops-team": "none" });
    expect(value?.a).toBe(USER);

    await h.click("help_start", actionButton(card, "help_start").value as string, {
      ephemeral: true,
      channel,
    });
    // The button opens the start modal; submitted as drawn, the walkthrough starts.
    expect(h.fake.posts(channel)).toEqual([]);
    await submitStart(h, lastOpenedView(h));
    const [root, question] = h.fake.posts(channel);
    const [rootTs] = postedTs(channel);
    expect(root?.thread_ts).toBeUndefined();
    expect(question?.thread_ts).toBe(rootTs);
    const session = await h.store.findSessionByThread(TEAM_ID, channel, rootTs as string);
    expect(session?.startedBy).toBe(USER);
    expect(stateOf(session).answers["k8s-experience"]).toMatchObject({ option: "none", by: USER });
    expect(stateOf(session).answers["ops-team"]).toMatchObject({ option: "none", by: USER });
    // It opens at the first question the asker's words did not answer.
    expect(stateOf(session).current).toBe("workload");
    expect(visible(questionMessage(channel))).toContain(
      `<@${USER}>'s question already answered 2 questions`,
    );
  });

  it("from a mention: the card in the thread; whoever clicks starts it there, the answers stay the asker's", async () => {
    const ts = nextTs();
    await h.mention("we've been on ECS for years, is it time to move to EKS?", { ts });
    const [card] = h.fake.posts(CHANNEL);
    expect(card?.thread_ts).toBe(ts);
    expect(visible(card)).toContain(`<@${USER}> asked`);
    expect(visible(card)).toContain("Current platform: Amazon ECS");

    await h.click("help_start", actionButton(card, "help_start").value as string, {
      user: USER2,
      messageTs: postedTs(CHANNEL)[0] as string,
      threadTs: ts,
    });
    await submitStart(h, lastOpenedView(h));
    const session = await h.store.findSessionByThread(TEAM_ID, CHANNEL, ts);
    expect(session?.startedBy).toBe(USER2);
    expect(stateOf(session).answers["current-platform"]).toMatchObject({ option: "ecs", by: USER });
    const posts = h.fake.posts(CHANNEL);
    expect(posts.slice(1).length).toBeGreaterThan(0);
    expect(posts.slice(1).every((p) => p.thread_ts === ts)).toBe(true);
  });

  it("in Japanese, in です/ます, for 「ECSとEKSどっちがいい？」", async () => {
    await h.mention("ECSとEKSどっちがいい？");
    const card = h.fake.posts()[0];
    const text = visible(card);
    expect(text).toContain("プラットフォームの選択です");
    expect(text).toContain("ECS と Kubernetes の比較です");
    expect(text).toContain("意思決定を始める");
    expect(decode(helpValue, actionButton(card, "help_start").value as string)?.p).toBeUndefined();
  });

  it("a button naming answers the walkthrough no longer has starts with the rest; a malformed one is answered politely", async () => {
    const channel = "C0CHOICE02";
    const stale = encode({
      k: "help",
      lang: "en",
      p: { "k8s-experience": "none", "no-such-question": "x", scale: "no-such-option" },
      a: USER2,
    });
    await h.click("help_start", stale, { ephemeral: true, channel });
    await submitStart(h, lastOpenedView(h));
    const session = await h.store.findSessionByThread(
      TEAM_ID,
      channel,
      postedTs(channel)[0] as string,
    );
    expect(Object.keys(stateOf(session).answers ?? {})).toEqual(["k8s-experience"]);
    expect(stateOf(session).answers["k8s-experience"]?.by).toBe(USER2);

    h.fake.reset();
    const bad = JSON.stringify({ v: 1, k: "help", lang: "en", p: { "k8s-experience": "<@U1>" } });
    await h.click("help_start", bad, { ephemeral: true, channel: "C0CHOICE03" });
    expect(h.fake.posts("C0CHOICE03")).toEqual([]);
    expect(h.fake.callsTo("views.open")).toEqual([]);
    // Politely: the clicker alone is told the button no longer works.
    expect(h.fake.responsePosts).toHaveLength(1);
    expect(h.fake.responsePosts[0]?.body.text).toBe(tm("en", "wtOldButton"));
    expect(h.fake.responsePosts[0]?.body.response_type).toBe("ephemeral");
  });
});

describe("did you mean A or B?", () => {
  it("offers both capabilities one click away when a question fits two equally", async () => {
    const res = await h.slash("how does autoscaling work on each?");
    const text = visible(res.json as Json);
    expect(text).toContain("Did you mean");
    const ids = actionElements(res.json as Json)
      .filter((e) => String(e.action_id).startsWith("answer_show_"))
      .map((e) => JSON.parse(e.value as string).id);
    expect(ids.sort()).toEqual(["autoscaling-nodes", "autoscaling-tasks"]);
  });
});
