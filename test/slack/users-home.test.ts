import { describe, expect, it } from "vitest";
import { TEAM_ID } from "../support/fake-slack.js";
import { CHANNEL, shown, USER, USER2, useHarness } from "../support/slack-harness.js";

type Json = Record<string, unknown>;

// Every test's Slack output is also checked against Block Kit's limits (useHarness's afterEach).
const h = useHarness();

function questionMessage(): Json | undefined {
  return h.fake.history
    .filter(
      (c) =>
        (c.method === "chat.postMessage" || c.method === "chat.update") &&
        shown(c.args).includes("decide_answer"),
    )
    .at(-1)?.args;
}

/** Starts a walkthrough as `starter` and answers every question, alternating `users`. */
async function decideTogether(title: string, starter: string, users: string[]) {
  await h.slash(`decide ${title}`, { user: starter });
  const threadTs = String(h.fake.posts(CHANNEL)[1]?.thread_ts);
  const total = h.bot.deps.walkthrough.questions.length;
  for (let i = 0; i < total + 2; i++) {
    if (h.fake.posts().some((p) => shown(p).includes("summary_record"))) break;
    const options = ((questionMessage()?.blocks as Json[] | undefined) ?? [])
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements as Json[])
      .filter((e) => String(e.action_id).startsWith("decide_answer_"));
    const option = options[i % 2] ?? options[0];
    if (!option) break;
    await h.click(option.action_id as string, option.value as string, {
      user: users[i % users.length] ?? starter,
      threadTs,
    });
  }
  const decisions = await h.store.listDecisions({ teamId: TEAM_ID, channelId: CHANNEL });
  const decision = decisions.find((d) => d.title === title);
  if (!decision) throw new Error(`no decision "${title}" was saved`);
  return decision;
}

function home(user: string): Json | undefined {
  return h.fake.callsTo("views.publish").find((c) => c.args.user_id === user)?.args;
}

describe("names and locales through users.info", () => {
  it("the decision record names its decision-makers by name, as plain text", async () => {
    h.fake.users.set(USER, { name: "alice", real_name: "Alice Liddell", locale: "en-US" });
    h.fake.users.set(USER2, { name: "bob", real_name: "Robert T", display_name: "Bobby T" });
    const decision = await decideTogether("Names in records", USER, [USER, USER2]);
    const front = decision.recordMarkdown.split("---")[1] ?? "";
    expect(front).toContain("decision-makers");
    expect(front).toContain("Alice Liddell");
    expect(front).toContain("Bobby T");
    expect(decision.recordMarkdown).not.toContain(USER);
    expect(decision.recordMarkdown).not.toContain(USER2);
    expect(decision.recordMarkdown).not.toContain("<@");
    // The stored participants stay ids: they are who the decision is listed for.
    expect(decision.participants).toContain(USER);
  });

  it("users.info failing falls back to ids, and the walkthrough still finishes", async () => {
    const carol = "U0CAROL003";
    const dave = "U0DAVE0004";
    h.fake.users.set(carol, { name: "carol", real_name: "Carol" });
    h.fake.fail("users.info", "ratelimited", 1_000);
    const logs = h.logs.length;
    const decision = await decideTogether("Ids when Slack fails", carol, [carol, dave]);
    expect(h.fake.callsTo("users.info").length).toBeGreaterThan(0);
    const front = decision.recordMarkdown.split("---")[1] ?? "";
    expect(front).toContain(carol);
    expect(front).toContain(dave);
    expect(h.fake.posts(CHANNEL).some((p) => shown(p).includes("summary_record"))).toBe(true);
    expect(h.logs.slice(logs).join("\n")).toMatch(/users\.info for U0CAROL003 failed/);
  });

  it("App Home speaks Japanese to a user whose Slack locale is ja-JP", async () => {
    const hanako = "U0HANAKO01";
    h.fake.users.set(hanako, { name: "hanako", real_name: "山田 花子", locale: "ja-JP" });
    await h.homeOpened(hanako);
    const view = shown(home(hanako)?.view as Json);
    expect(view).toContain('"type":"home"');
    expect(view).toContain("はじめに");
    expect(view).toContain("意思決定を始める");
    expect(view).toContain("/ecs-vs-eks decide");
    expect(view).toContain("あなたが参加した最近の決定");
    expect(view).toContain("進行中の意思決定");
    expect(view).not.toContain("Get started");
  });

  it("App Home speaks English to a user with another locale, with start, ask, matrix and decisions", async () => {
    // USER took part in "Names in records" above.
    const earlier = await h.store.listDecisions({ teamId: TEAM_ID, participant: USER });
    if (!earlier.some((d) => d.title === "Names in records"))
      expect.unreachable(
        "needs the decision made in 'the decision record names its decision-makers…' above",
      );
    await h.homeOpened(USER);
    const view = shown(home(USER)?.view as Json);
    expect(view).toContain("Get started");
    expect(view).toContain("Start a decision");
    expect(view).toContain("Ask a question");
    expect(view).toContain("Open the matrix");
    expect(view).toContain("Names in records");
    expect(view).toContain("Status: ");
    expect(view).toContain("archives/"); // the link to the decision's thread
    expect(view).not.toContain("はじめに");
  });

  it("App Home lists the walkthroughs the user started that are in progress, with a link", async () => {
    const grace = "U0GRACE007";
    h.fake.users.set(grace, { name: "grace", locale: "en-GB" });
    await h.homeOpened(grace);
    expect(shown(home(grace)?.view as Json)).toContain("No walkthrough you started");
    await h.slash("decide Still deciding", { user: grace });
    const threadTs = String(h.fake.posts(CHANNEL)[1]?.thread_ts);
    h.fake.reset();
    await h.homeOpened(grace);
    const view = shown(home(grace)?.view as Json);
    expect(view).toContain("Your active walkthroughs");
    expect(view).toContain("Still deciding");
    expect(view).toContain(`archives/${CHANNEL}/p${threadTs.replace(".", "")}`);
    // Someone else's home does not list it.
    await h.homeOpened(USER);
    expect(shown(home(USER)?.view as Json)).toContain("Get started");
    expect(shown(home(USER)?.view as Json)).not.toContain("Still deciding");
  });

  it("App Home asks users.info once per user within the cache's lifetime", async () => {
    const erin = "U0ERIN0005";
    h.fake.users.set(erin, { name: "erin", locale: "ja-JP" });
    await h.homeOpened(erin);
    await h.homeOpened(erin);
    expect(h.fake.callsTo("users.info").filter((c) => c.args.user === erin)).toHaveLength(1);
    expect(h.fake.callsTo("views.publish").filter((c) => c.args.user_id === erin)).toHaveLength(2);
  });

  it("App Home still opens, in the default language, when users.info fails", async () => {
    const frank = "U0FRANK006";
    h.fake.fail("users.info", "ratelimited", 10);
    await h.homeOpened(frank);
    const view = shown(home(frank)?.view as Json);
    expect(view).toContain("Get started");
    expect(view).toContain("haven't taken part");
  });
});
