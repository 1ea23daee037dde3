import { describe, expect, it } from "vitest";
import {
  HOME_ASK_ACTION,
  HOME_MATRIX_ACTION,
  HOME_START_ACTION,
} from "../../src/slack/blocks/home.js";
import { ASK_BLOCK, ASK_INPUT, ASK_MODAL_CALLBACK } from "../../src/slack/blocks/home-modals.js";
import { t } from "../../src/slack/messages/shortcuts-home.js";
import { t as tm } from "../../src/slack/messages.js";
import { shown, useHarness, visible } from "../support/slack-harness.js";
import { viewActionBody, viewSubmissionBody } from "../support/slack-requests.js";

type Json = Record<string, unknown>;

// Every test's Slack output (views.publish, views.open, the modal's update in the ack) is checked
// against Block Kit's limits by useHarness's afterEach: 100 blocks per modal, 24-character titles.
const h = useHarness();

const HANAKO = "U0HANAKO02";
const GRACE = "U0GRACE008";

function homeOf(user: string): Json {
  const call = h.fake.callsTo("views.publish").find((c) => c.args.user_id === user);
  expect(call).toBeDefined();
  return call?.args.view as Json;
}

function homeButtons(view: Json): Json[] {
  return (view.blocks as Json[])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements as Json[])
    .filter((e) => String(e.action_id).startsWith("home_"));
}

/** Opens App Home for `user` and clicks one of its buttons, as Slack sends it (a view container). */
async function clickHome(user: string, actionId: string) {
  await h.homeOpened(user);
  const button = homeButtons(homeOf(user)).find((b) => b.action_id === actionId);
  expect(button).toBeDefined();
  h.fake.reset();
  await h.raw(
    viewActionBody({
      actionId,
      value: button?.value as string,
      user,
      viewType: "home",
      triggerId: `trigger-${actionId}`,
    }),
    "application/x-www-form-urlencoded",
  );
}

function openedModal(): Json {
  const opened = h.fake.callsTo("views.open");
  expect(opened).toHaveLength(1);
  return opened[0]?.args.view as Json;
}

/** Submits the Ask modal with a question; returns the ack body Slack would act on. */
async function submitAsk(modal: Json, question: string, user: string): Promise<Json> {
  const res = await h.raw(
    viewSubmissionBody({
      view: modal,
      values: { [ASK_BLOCK]: { [ASK_INPUT]: { type: "plain_text_input", value: question } } },
      user,
    }),
    "application/x-www-form-urlencoded",
  );
  expect(res.status).toBe(200);
  return (res.json ?? {}) as Json;
}

function nothingPosted(): void {
  expect(h.fake.posts()).toEqual([]);
  expect(h.fake.callsTo("chat.postEphemeral")).toEqual([]);
}

describe("App Home buttons", () => {
  it("show Start, Ask and Matrix in Japanese for a user whose locale is ja-JP", async () => {
    h.fake.users.set(HANAKO, { name: "hanako", locale: "ja-JP" });
    await h.homeOpened(HANAKO);
    const view = homeOf(HANAKO);
    const labels = homeButtons(view).map((b) => [b.action_id, (b.text as Json).text]);
    expect(labels).toEqual([
      [HOME_START_ACTION, "意思決定を始める"],
      [HOME_ASK_ACTION, "質問する"],
      [HOME_MATRIX_ACTION, "比較表を見る"],
    ]);
    // What App Home already showed is still there.
    expect(visible(view)).toContain("はじめに");
    expect(visible(view)).toContain("あなたが参加した最近の決定");
  });

  it("show the same three buttons in English for another locale", async () => {
    h.fake.users.set(GRACE, { name: "grace", locale: "en-GB" });
    await h.homeOpened(GRACE);
    const labels = homeButtons(homeOf(GRACE)).map((b) => [b.action_id, (b.text as Json).text]);
    expect(labels).toEqual([
      [HOME_START_ACTION, "Start a decision"],
      [HOME_ASK_ACTION, "Ask a question"],
      [HOME_MATRIX_ACTION, "Open the matrix"],
    ]);
  });

  it("Ask opens a modal with one text input, in the user's language", async () => {
    h.fake.users.set(HANAKO, { name: "hanako", locale: "ja-JP" });
    await clickHome(HANAKO, HOME_ASK_ACTION);
    expect(h.fake.callsTo("views.open")[0]?.args.trigger_id).toBe(`trigger-${HOME_ASK_ACTION}`);
    const modal = openedModal();
    expect(modal.type).toBe("modal");
    expect(modal.callback_id).toBe(ASK_MODAL_CALLBACK);
    expect((modal.title as Json).text).toBe("質問する");
    const inputs = (modal.blocks as Json[]).filter((b) => b.type === "input");
    expect(inputs).toHaveLength(1);
    expect(inputs[0]?.block_id).toBe(ASK_BLOCK);
    expect((inputs[0]?.element as Json | undefined)?.type).toBe("plain_text_input");
    expect((inputs[0]?.element as Json | undefined)?.action_id).toBe(ASK_INPUT);
    nothingPosted();
  });

  it("submitting the Ask modal replaces it with the answer, in the user's language", async () => {
    h.fake.users.set(HANAKO, { name: "hanako", locale: "ja-JP" });
    await clickHome(HANAKO, HOME_ASK_ACTION);
    const modal = openedModal();
    h.fake.reset();
    const ack = await submitAsk(modal, "how do we store secrets?", HANAKO);
    expect(ack.response_action).toBe("update");
    const view = ack.view as Json;
    expect(view.type).toBe("modal");
    const expected = h.bot.deps.answerer.answer("how do we store secrets?", "ja").model;
    expect(expected.kind).toBe("capability");
    const header = (view.blocks as Json[]).find((b) => b.type === "header");
    if (expected.kind === "capability")
      expect((header?.text as Json | undefined)?.text).toBe(expected.title);
    expect(visible(view)).toContain(
      tm("ja", "cardYouAsked", { question: "how do we store secrets?" }),
    );
    expect(visible(view)).toContain(t("ja", "askModalOnlyYou", { cmd: "/ecs-vs-eks" }));
    // Share needs a channel, which a modal does not have.
    expect(shown(view)).not.toContain("answer_share");
    nothingPosted();
  });

  it("a question the matrix does not answer shows the no-match in the modal", async () => {
    h.fake.users.set(GRACE, { name: "grace", locale: "en-GB" });
    await clickHome(GRACE, HOME_ASK_ACTION);
    const modal = openedModal();
    h.fake.reset();
    const question = "tell me a joke about Kubernetes";
    const ack = await submitAsk(modal, question, GRACE);
    expect(ack.response_action).toBe("update");
    const model = h.bot.deps.answerer.answer(question, "en").model;
    expect(model.kind).toBe("no-match");
    if (model.kind === "no-match") expect(visible(ack.view as Json)).toContain(model.message);
    expect(visible(ack.view as Json)).not.toContain(tm("en", "noMatchOr"));
    nothingPosted();
  });

  it("a blank question is refused on the input itself", async () => {
    h.fake.users.set(GRACE, { name: "grace", locale: "en-GB" });
    await clickHome(GRACE, HOME_ASK_ACTION);
    const ack = await submitAsk(openedModal(), "   ", GRACE);
    expect(ack).toEqual({
      response_action: "errors",
      errors: { [ASK_BLOCK]: t("en", "askModalEmpty") },
    });
  });

  it("Open the matrix opens a modal with the matrix, within a modal's 100 blocks", async () => {
    h.fake.users.set(HANAKO, { name: "hanako", locale: "ja-JP" });
    await clickHome(HANAKO, HOME_MATRIX_ACTION);
    const modal = openedModal();
    expect(modal.type).toBe("modal");
    expect((modal.title as Json).text).toBe("比較表");
    expect((modal.blocks as Json[]).length).toBeLessThanOrEqual(100);
    const text = visible(modal);
    for (const c of h.bot.deps.matrix.capabilities) expect(text).toContain(`\`${c.id}\``);
    expect(text).toContain(h.bot.deps.matrix.capabilities[0]?.title.ja ?? "?");
    nothingPosted();
  });

  it("a button without a readable value falls back to the user's Slack locale", async () => {
    h.fake.users.set(HANAKO, { name: "hanako", locale: "ja-JP" });
    await h.raw(
      viewActionBody({ actionId: HOME_MATRIX_ACTION, user: HANAKO, viewType: "home" }),
      "application/x-www-form-urlencoded",
    );
    expect((openedModal().title as Json).text).toBe("比較表");
  });
});
