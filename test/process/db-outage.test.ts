import { afterAll, beforeAll, expect, it } from "vitest";
import {
  answerQuestion,
  type BotProcess,
  CHANNEL,
  click,
  ephemeralsTo,
  healthz,
  mention,
  nextTs,
  optionButton,
  postsIn,
  questionMessage,
  readyz,
  slash,
  spawnBot,
  USER,
  USER2,
  updatesOf,
  useBotSuite,
  visible,
  waitFor,
} from "../support/bot-process.js";
import { describeWithPostgres, startPgProxy } from "../support/pg.js";
import type { TcpProxy } from "../support/tcp-proxy.js";

const ERR_STORE_JA = "いまデータベースに接続できません。少し時間をおいてもう一度お試しください。";

describeWithPostgres(
  "test/process/db-outage",
  "the database stops and comes back under a running bot",
  () => {
    let proxy: TcpProxy;
    let proxyPort = 0;
    let bot: BotProcess;
    const { fake, schema, diagnostics } = useBotSuite({ bots: () => [bot], schema: "outage" });

    beforeAll(async () => {
      // The bot reaches PostgreSQL only through this proxy, so "stopping the database" touches
      // nothing but this bot's connections.
      const viaProxy = await startPgProxy(schema.url);
      proxy = viaProxy.proxy;
      proxyPort = viaProxy.port;
      bot = await spawnBot("bot", fake, { DATABASE_URL: viaProxy.url });
    });
    afterAll(async () => {
      await proxy?.stop();
    });

    it("walkthrough actions get a friendly 'try again' in their language, the rest keeps working, health reports it, and everything recovers by itself", async () => {
      expect((await readyz(bot)).status).toBe(200);

      // A walkthrough in Japanese, one question answered while the database is up.
      const rootTs = nextTs();
      await mention(bot, "決めたい", { ts: rootTs });
      let q = await waitFor("the first question (ja)", () => questionMessage(fake, rootTs), {
        diagnostics,
      });
      const total = Number(/質問 1\/(\d+)/.exec(visible(q.args))?.[1]);
      expect(total).toBeGreaterThan(2);
      const first = await answerQuestion(bot, fake, {
        q,
        rootTs,
        button: optionButton(q.args, 0),
        user: USER,
        what: "question 2 (ja)",
        diagnostics,
      });
      q = first.q;
      expect(visible(q.args)).toContain(`質問 2/${total} · 回答済み 1`);

      // The database goes away.
      await proxy.stop();
      const down = await waitFor(
        "/readyz to answer 503",
        async () => {
          const h = await readyz(bot);
          return h.status === 503 ? h : false;
        },
        { diagnostics },
      );
      expect(down.body.store).toBe("unavailable");

      // A click: the user is told, in the walkthrough's language, to try again; nothing else moves.
      let before = fake.history.length - 1;
      const pending = optionButton(q.args, 1);
      await click(bot, fake, pending, { user: USER2, messageTs: q.ts, threadTs: rootTs });
      const told = await waitFor(
        "an ephemeral 'try again in a moment' to the clicker",
        () => ephemeralsTo(fake, USER2, before)[0],
        { diagnostics },
      );
      expect(told.text).toBe(ERR_STORE_JA);
      expect(told.thread_ts).toBe(rootTs);
      expect(updatesOf(fake, q.ts, before)).toHaveLength(0);

      // Starting a walkthrough: the same, and no announcement is left behind for one that
      // could not be saved.
      before = fake.history.length - 1;
      await slash(bot, fake, "decide 新しい基盤の選定");
      const refused = await waitFor(
        "an ephemeral 'try again' for /ecs-vs-eks decide",
        () => fake.responsePosts.find((p) => p.body.text === ERR_STORE_JA),
        { diagnostics },
      );
      expect(refused.body.response_type).toBe("ephemeral");
      const announced = fake.history.findIndex(
        (c, i) => i > before && c.method === "chat.postMessage",
      );
      const announcedTs = fake.history[announced]?.result?.ts;
      expect(typeof announcedTs).toBe("string");
      await waitFor(
        "the announcement of the walkthrough that could not start to be removed",
        () => fake.history.find((c) => c.method === "chat.delete" && c.args.ts === announcedTs),
        { diagnostics },
      );

      // Help, the matrix and answers need no database.
      const help = await slash(bot, fake, "help");
      expect(help.status).toBe(200);
      expect(help.json?.response_type).toBe("ephemeral");
      expect(visible(help.json)).toContain("/ecs-vs-eks");
      const matrix = await slash(bot, fake, "matrix");
      expect(matrix.status).toBe(200);
      expect(visible(matrix.json)).toContain("capability matrix");
      expect(visible(matrix.json)).toContain("Scheduled jobs");
      const answer = await slash(bot, fake, "does ECS have CronJobs?");
      expect(answer.status).toBe(200);
      expect(visible(answer.json)).toMatch(/EventBridge/);
      const askedTs = nextTs();
      await mention(bot, "does ECS have CronJobs?", { ts: askedTs });
      const reply = await waitFor(
        "an answer to a mention while the database is down",
        () => postsIn(fake, askedTs)[0],
        { diagnostics },
      );
      expect(reply.channel).toBe(CHANNEL);
      expect(visible(reply)).toMatch(/EventBridge/);

      // Still the same process, still degraded.
      expect(bot.exitInfo()).toBeUndefined();
      expect((await readyz(bot)).status).toBe(503);
      // Alive all the same: a database outage is no reason for a restart.
      expect((await healthz(bot)).status).toBe(200);

      // The database is back on the same address: health and the walkthrough recover on their own.
      await proxy.start(proxyPort);
      const up = await waitFor(
        "/readyz to answer 200 again",
        async () => {
          const h = await readyz(bot);
          return h.status === 200 ? h : false;
        },
        { diagnostics },
      );
      expect(up.body.store).toBe("ok");
      const { update } = await answerQuestion(bot, fake, {
        q,
        rootTs,
        button: pending,
        user: USER2,
        what: "question 3 after the database came back",
        diagnostics,
      });
      const text = visible(update);
      expect(text).toContain(`質問 3/${total} · 回答済み 2`);
      expect(text).toContain(`回答: <@${USER}>`);
      expect(text).toContain(`回答: <@${USER2}>`);
      expect(bot.exitInfo()).toBeUndefined();
    });
  },
);
