import { describe, expect, it } from "vitest";
import { HOME_START_ACTION } from "../../src/slack/blocks/home.js";
import {
  DUE_BLOCK,
  INVITEES_BLOCK,
  OWNER_BLOCK,
  START_MODAL_CALLBACK,
  TITLE_BLOCK,
  WHERE_BLOCK,
} from "../../src/slack/blocks/start-modal.js";
import { t } from "../../src/slack/messages/start.js";
import { t as tm } from "../../src/slack/messages.js";
import {
  MemoryStore,
  type NewSession,
  type StoredSession,
  StoreUnavailableError,
} from "../../src/store/index.js";
import { TEAM_ID } from "../support/fake-slack.js";
import {
  actionElements,
  CHANNEL,
  type Harness,
  NOW,
  nextTs,
  shown,
  startHarness,
  USER,
  USER2,
  useHarness,
  visible,
} from "../support/slack-harness.js";
import { viewActionBody, viewSubmissionBody } from "../support/slack-requests.js";
import { lastOpenedView, startField, submitStart } from "../support/start-modal.js";

type Json = Record<string, unknown>;

// Every test's Slack output is also checked against Block Kit's limits (useHarness's afterEach).
const h = useHarness();

const CAROL = "U0CAROL003";
const DECIDE_FROM_THREAD = "decide_from_thread";
const TODAY = NOW.toISOString().slice(0, 10);
const YESTERDAY = new Date(NOW.getTime() - 86_400_000).toISOString().slice(0, 10);

/** The ts Slack gave each message the bot posted in a channel, in order. */
function postedTs(harness: Harness, channel: string): string[] {
  return harness.fake
    .callsTo("chat.postMessage")
    .filter((c) => c.args.channel === channel)
    .map((c) => String((c.result as Json | undefined)?.ts));
}

/** `/ecs-vs-eks help` in a channel, then a click on its Start button (the help is ephemeral). */
async function clickHelpStart(channel: string, harness: Harness = h): Promise<void> {
  const help = await harness.slash("help", { channel });
  const start = actionElements(help.json as Json).find((e) => e.action_id === "help_start");
  expect(start).toBeDefined();
  harness.fake.reset();
  await harness.click("help_start", start?.value as string, { ephemeral: true, channel });
}

/** App Home's Start button, clicked as Slack sends it (a view container, no channel). */
async function clickHomeStart(user: string): Promise<void> {
  await h.homeOpened(user);
  const home = h.fake.callsTo("views.publish").at(-1)?.args.view as Json;
  const button = actionElements(home).find((e) => e.action_id === HOME_START_ACTION);
  if (!button) throw new Error(`App Home has no ${HOME_START_ACTION} button: ${shown(home)}`);
  h.fake.reset();
  await h.raw(
    viewActionBody({
      actionId: HOME_START_ACTION,
      ...(button?.value ? { value: button.value as string } : {}),
      user,
      viewType: "home",
      triggerId: "trigger-home-start",
    }),
    "application/x-www-form-urlencoded",
  );
}

function labels(view: Json): string[] {
  return ((view.blocks as Json[]) ?? [])
    .filter((b) => b.type === "input")
    .map((b) => (b.label as Json).text as string);
}

function fieldError(res: { json?: Json | null }, block: string): string | undefined {
  const body = (res.json ?? {}) as Json;
  expect(body.response_action).toBe("errors");
  return (body.errors as Record<string, string>)[block];
}

describe("the start modal from help's Start button", () => {
  it("opens the modal on the click's trigger_id with its fields, and posts nothing for everyone", async () => {
    await clickHelpStart("C0START001");
    const opened = h.fake.callsTo("views.open");
    expect(opened).toHaveLength(1);
    expect(opened[0]?.args.trigger_id).toBe("1337.42.abcdef");
    const view = lastOpenedView(h);
    expect(view.callback_id).toBe(START_MODAL_CALLBACK);
    expect(labels(view)).toEqual(["Title", "Owner", "People to invite", "Due date"]);
    expect(startField(view, TITLE_BLOCK)).toMatchObject({
      type: "plain_text_input",
      initial_value: "ECS or EKS?",
    });
    expect(startField(view, OWNER_BLOCK)).toMatchObject({
      type: "users_select",
      initial_user: USER,
    });
    expect(startField(view, INVITEES_BLOCK)).toMatchObject({
      type: "multi_users_select",
      max_selected_items: 20,
    });
    expect(startField(view, DUE_BLOCK)?.type).toBe("datepicker");
    // The channel is known, so the modal does not ask for one; it says when a due date ends.
    expect(startField(view, WHERE_BLOCK)).toBeUndefined();
    expect(visible(view)).toContain("<#C0START001>");
    expect(visible(view)).toContain("23:59 UTC");
    expect(h.fake.posts()).toEqual([]);
    expect(h.fake.callsTo("chat.postEphemeral")).toEqual([]);
    expect(h.fake.responsePosts).toEqual([]);
  });

  it("submitted, starts the walkthrough in the channel with the plan saved, and the root shows it", async () => {
    const channel = "C0START002";
    await clickHelpStart(channel);
    const view = lastOpenedView(h);
    h.fake.reset();
    const res = await submitStart(h, view, {
      title: "Payments API <platform>",
      owner: USER2,
      invitees: [USER, CAROL, CAROL],
      due: "2026-12-05",
    });
    // The modal closes at once (an empty ack).
    expect(res.status).toBe(200);
    expect(res.json ?? {}).toEqual({});
    const [root, question] = h.fake.posts(channel);
    const [rootTs] = postedTs(h, channel);
    expect(root?.thread_ts).toBeUndefined();
    expect(question?.thread_ts).toBe(rootTs);
    const found = await h.store.findSessionByThread(TEAM_ID, channel, rootTs as string);
    const session = await h.store.getSession(found?.id as string);
    expect(session?.title).toBe("Payments API <platform>");
    expect(session?.startedBy).toBe(USER);
    expect(session?.plan.owner).toBe(USER2);
    expect(session?.plan.invitees).toEqual([USER, CAROL]);
    expect(session?.plan.dueAt?.toISOString()).toBe("2026-12-05T23:59:00.000Z");
    const text = visible(root);
    expect(text).toContain("Payments API &lt;platform&gt;");
    expect(text).toContain(`Owner: <@${USER2}>`);
    expect(text).toContain(`Invited: <@${USER}> <@${CAROL}>`);
    expect(text).toContain("Due: 2026-12-05 (23:59 UTC)");
    expect(h.fake.callsTo("chat.postEphemeral")).toEqual([]);
  });

  it("a due date in the past is refused on the field, in plain text, and nothing starts", async () => {
    await clickHelpStart("C0START003");
    const view = lastOpenedView(h);
    h.fake.reset();
    const res = await submitStart(h, view, { due: YESTERDAY });
    expect(fieldError(res, DUE_BLOCK)).toBe(
      "That date has already passed. Pick today or a later date.",
    );
    // A date Slack would never send (the 31st of November) is refused the same way, not crashed on.
    const odd = await submitStart(h, view, { due: "2026-11-31" });
    expect(fieldError(odd, DUE_BLOCK)).toBe(t("en", "startDueInvalid"));
    expect(h.fake.posts()).toEqual([]);
    // Nothing starts: no session is saved for the channel.
    const sessions = await h.store.listActiveSessions({
      teamId: TEAM_ID,
      startedBy: USER,
      limit: 1000,
    });
    expect(sessions.filter((x) => x.channelId === "C0START003")).toEqual([]);
  });

  it("the answer to “ECS or EKS?” carries its prefilled answers through the modal, credited to the asker", async () => {
    const channel = "C0START004";
    const card = await h.slash("ecs or eks for a 4 person team with zero kubernetes experience?", {
      channel,
    });
    const start = actionElements(card.json as Json).find((e) => e.action_id === "help_start");
    h.fake.reset();
    await h.click("help_start", start?.value as string, { ephemeral: true, channel, user: USER2 });
    expect(h.fake.posts()).toEqual([]);
    await submitStart(h, lastOpenedView(h));
    const rootTs = postedTs(h, channel)[0] as string;
    const session = await h.store.findSessionByThread(TEAM_ID, channel, rootTs);
    expect(session?.startedBy).toBe(USER2);
    const state = session?.state as { answers: Record<string, { by?: string }> } | undefined;
    const answers = state?.answers ?? {};
    expect(answers["k8s-experience"]?.by).toBe(USER);
    expect(session?.plan.owner).toBe(USER2);
  });
});

describe("the start modal from App Home", () => {
  it("asks for the channel, and the submission starts in the chosen one", async () => {
    await clickHomeStart(USER);
    const opened = h.fake.callsTo("views.open");
    expect(opened).toHaveLength(1);
    expect(opened[0]?.args.trigger_id).toBe("trigger-home-start");
    const view = lastOpenedView(h);
    expect(labels(view)).toEqual(["Channel", "Title", "Owner", "People to invite", "Due date"]);
    expect(startField(view, WHERE_BLOCK)).toMatchObject({
      type: "conversations_select",
      default_to_current_conversation: true,
      filter: { include: ["public", "private"] },
    });

    // No channel chosen: said on the picker (Slack requires it; the bot does not rely on that).
    h.fake.reset();
    const none = await submitStart(h, view);
    expect(fieldError(none, WHERE_BLOCK)).toBe(t("en", "startWhereMissing"));

    // Today's date is not in the past: it ends at 23:59 UTC.
    const res = await submitStart(h, view, { where: "C0PICKED01", due: TODAY });
    expect(res.json ?? {}).toEqual({});
    const [root, question] = h.fake.posts("C0PICKED01");
    expect(root?.thread_ts).toBeUndefined();
    expect(question?.thread_ts).toBe(postedTs(h, "C0PICKED01")[0]);
    const session = await h.store.findSessionByThread(
      TEAM_ID,
      "C0PICKED01",
      postedTs(h, "C0PICKED01")[0] as string,
    );
    expect(session?.plan).toMatchObject({ owner: USER, dueAt: new Date(`${TODAY}T23:59:00Z`) });
    expect(visible(root)).toContain(`Owner: <@${USER}>`);
    expect(visible(root)).toContain(`Due: ${TODAY} (23:59 UTC)`);
  });
});

describe("message shortcut: Decide ECS vs EKS (from this thread)", () => {
  it("opens the modal titled with the message, and starts in that message's thread", async () => {
    const parent = nextTs();
    const ts = nextTs();
    await h.shortcut(
      DECIDE_FROM_THREAD,
      { ts, thread_ts: parent, text: "Where should the  new\npayments API run?", user: USER2 },
      { triggerId: "trigger-shortcut" },
    );
    expect(h.fake.callsTo("views.open")[0]?.args.trigger_id).toBe("trigger-shortcut");
    const view = lastOpenedView(h);
    expect(startField(view, TITLE_BLOCK)?.initial_value).toBe(
      "Where should the new payments API run?",
    );
    expect(startField(view, WHERE_BLOCK)).toBeUndefined();
    expect(h.fake.posts()).toEqual([]);

    h.fake.reset();
    await submitStart(h, view, { invitees: [USER2] });
    const posts = h.fake.posts(CHANNEL);
    expect(posts).toHaveLength(2);
    expect(posts.every((p) => p.thread_ts === parent)).toBe(true);
    expect(visible(posts[0])).toContain("Where should the new payments API run?");
    const session = await h.store.findSessionByThread(TEAM_ID, CHANNEL, parent);
    expect(session?.plan).toEqual({ owner: USER, invitees: [USER2] });
  });

  it("a root message's shortcut uses the message's own ts as the thread; a long text is cut to fit", async () => {
    const ts = nextTs();
    await h.shortcut(DECIDE_FROM_THREAD, { ts, text: `ECS or EKS? ${"a".repeat(400)}` });
    const view = lastOpenedView(h);
    const title = startField(view, TITLE_BLOCK)?.initial_value as string;
    expect(Array.from(title).length).toBeLessThanOrEqual(140);
    expect(title.endsWith("…")).toBe(true);
    h.fake.reset();
    await submitStart(h, view);
    expect(h.fake.posts(CHANNEL).every((p) => p.thread_ts === ts)).toBe(true);
  });

  it("a thread whose walkthrough is running is told so privately, at the shortcut and at submit", async () => {
    const parent = nextTs();
    // The modal is opened first; meanwhile someone starts one with @bot decide (at once, no modal).
    await h.shortcut(DECIDE_FROM_THREAD, { ts: parent, text: "ECS or EKS?" });
    const view = lastOpenedView(h);
    h.fake.reset();
    await h.mention("decide", { threadTs: parent });
    expect(h.fake.callsTo("views.open")).toEqual([]);
    expect(h.fake.posts(CHANNEL)).toHaveLength(2);

    h.fake.reset();
    await submitStart(h, view);
    expect(h.fake.posts()).toEqual([]);
    const told = h.fake.callsTo("chat.postEphemeral");
    expect(told).toHaveLength(1);
    expect(told[0]?.args).toMatchObject({ user: USER, channel: CHANNEL, thread_ts: parent });
    expect(told[0]?.args.text).toBe(tm("en", "wtAlreadyRunning"));

    // The shortcut on that thread again: no modal, the same private note.
    h.fake.reset();
    await h.shortcut(DECIDE_FROM_THREAD, { ts: nextTs(), thread_ts: parent, text: "again?" });
    expect(h.fake.callsTo("views.open")).toEqual([]);
    expect(h.fake.posts()).toEqual([]);
    expect(h.fake.callsTo("chat.postEphemeral")[0]?.args).toMatchObject({
      user: USER,
      thread_ts: parent,
      text: tm("en", "wtAlreadyRunning"),
    });
  });
});

describe("after submitting: errors are told privately, never lost", () => {
  it("the bot is not in the channel: the ephemeral cannot reach the user either, so a DM does", async () => {
    await clickHelpStart("C0NOTIN001");
    const view = lastOpenedView(h);
    h.fake.reset();
    h.fake.fail("chat.postMessage", "not_in_channel");
    h.fake.fail("chat.postEphemeral", "not_in_channel");
    const res = await submitStart(h, view, { title: "Billing" });
    expect(res.json ?? {}).toEqual({});
    const dm = h.fake.callsTo("chat.postMessage").find((c) => c.args.channel === USER);
    expect(String(dm?.args.text)).toContain("I couldn't start the walkthrough *Billing*.");
    expect(String(dm?.args.text)).toContain("/invite");
  });

  it("the database is down: the user is told in the channel, and nothing half-started stays", async () => {
    class DownStore extends MemoryStore {
      override async createSession(_input: NewSession): Promise<StoredSession> {
        throw new StoreUnavailableError();
      }
    }
    const down = await startHarness({}, { store: new DownStore({ clock: () => NOW }) });
    try {
      await clickHelpStart("C0DBDOWN01", down);
      const view = lastOpenedView(down);
      down.fake.reset();
      await submitStart(down, view);
      const told = down.fake.callsTo("chat.postEphemeral");
      expect(told).toHaveLength(1);
      expect(told[0]?.args).toMatchObject({ channel: "C0DBDOWN01", user: USER });
      expect(String(told[0]?.args.text)).toContain(tm("en", "errStore"));
      // The root and question it posted were taken back.
      expect(down.fake.callsTo("chat.delete")).toHaveLength(2);
    } finally {
      await down.stop();
    }
  });

  it("forged or unreadable private_metadata is answered on the form, without a crash", async () => {
    await clickHelpStart("C0FORGED01");
    const view = lastOpenedView(h);
    h.fake.reset();
    for (const metadata of [
      "not json",
      JSON.stringify({ v: 1, k: "start", lang: "en", c: "<!channel>" }),
      JSON.stringify({ v: 1, k: "start", lang: "en", t: "1764200000.000001" }),
      JSON.stringify({ v: 99, k: "start", lang: "en", c: "C0FORGED01" }),
      "",
    ]) {
      const res = await submitStart(h, { ...view, private_metadata: metadata });
      expect(res.status).toBe(200);
      expect(fieldError(res, TITLE_BLOCK)).toBe(t("en", "startBadForm"));
    }
    // Well-formed metadata but a forged user id in the form.
    const bad = await h.raw(
      viewSubmissionBody({
        view,
        values: {
          [OWNER_BLOCK]: { owner_select: { type: "users_select", selected_user: "<!here>" } },
        },
        user: USER,
      }),
      "application/x-www-form-urlencoded",
    );
    expect(fieldError(bad, OWNER_BLOCK)).toBe(t("en", "startOwnerMissing"));
    expect(h.fake.posts()).toEqual([]);
  });
});

describe("in Japanese", () => {
  const JA = "C0JASTART1";

  it("help's button, the modal, a past date, the root, App Home and the running thread, all in Japanese", async () => {
    await h.slash("lang ja", { channel: JA });
    await clickHelpStart(JA);
    const view = lastOpenedView(h);
    expect((view.title as Json).text).toBe("意思決定を始める");
    expect(labels(view)).toEqual(["タイトル", "担当者", "招待する人", "期限"]);
    expect(startField(view, TITLE_BLOCK)?.initial_value).toBe("ECS か EKS か");
    expect(visible(view)).toContain("UTC の 23:59");
    expect(h.fake.posts()).toEqual([]);

    h.fake.reset();
    const past = await submitStart(h, view, { due: YESTERDAY });
    expect(fieldError(past, DUE_BLOCK)).toBe(
      "その日付はすでに過ぎています。今日以降の日付を選んでください。",
    );

    await submitStart(h, view, { title: "決済 API", owner: USER2, due: "2026-12-24" });
    const [root] = h.fake.posts(JA);
    const rootTs = postedTs(h, JA)[0] as string;
    const session = await h.store.findSessionByThread(TEAM_ID, JA, rootTs);
    expect(session?.lang).toBe("ja");
    expect(session?.plan.owner).toBe(USER2);
    expect(visible(root)).toContain(`担当者: <@${USER2}>`);
    expect(visible(root)).toContain("期限: 2026-12-24（UTC の 23:59）");

    // The shortcut on that thread: told privately, in Japanese.
    h.fake.reset();
    await h.shortcut(DECIDE_FROM_THREAD, { ts: rootTs, text: "決済 API" }, { channel: JA });
    expect(h.fake.callsTo("views.open")).toEqual([]);
    expect(h.fake.callsTo("chat.postEphemeral")[0]?.args.text).toBe(tm("ja", "wtAlreadyRunning"));

    // App Home in Japanese (the user's Slack locale): the channel picker is asked for in Japanese,
    // and a channel without a language of its own gets the modal's.
    h.fake.users.set("U0HANAKO01", { name: "hanako", locale: "ja-JP" });
    await clickHomeStart("U0HANAKO01");
    const home = lastOpenedView(h);
    expect(labels(home)[0]).toBe("チャンネル");
    h.fake.reset();
    const none = await submitStart(h, home);
    expect(fieldError(none, WHERE_BLOCK)).toBe("意思決定を始めるチャンネルを選んでください。");
    await submitStart(h, home, { where: "C0JAPICK01" });
    const picked = await h.store.findSessionByThread(
      TEAM_ID,
      "C0JAPICK01",
      postedTs(h, "C0JAPICK01")[0] as string,
    );
    expect(picked?.lang).toBe("ja");
    expect(shown(h.fake.posts("C0JAPICK01")[0])).toContain("担当者: <@U0HANAKO01>");
  });
});
