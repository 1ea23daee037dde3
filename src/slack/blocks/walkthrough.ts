import type { ActionsBlockElement, KnownBlock, StaticSelect } from "@slack/types";
import { isoDate } from "../../core/clock.js";
import type { DecisionView } from "../../core/decision/index.js";
import type { Lang } from "../../core/i18n/lang.js";
import {
  canFinish,
  currentQuestion,
  progress,
  type SessionState,
  type WalkthroughDef,
} from "../../core/walkthrough/index.js";
import type { SessionPlan } from "../../store/index.js";
import { escapeText, mentionUser } from "../escape.js";
import { t as tp } from "../messages/start.js";
import { t } from "../messages.js";
import { encode } from "../payloads.js";
import { italic } from "./emphasis.js";
import {
  actions,
  button,
  capBlocks,
  context,
  header,
  LIMITS,
  section,
  sections,
  truncate,
} from "./limits.js";
import type { RenderedMessage } from "./message.js";
import { participationNotes, waitingBlocks } from "./participation.js";

export const OPTION_ACTION = "decide_answer";
export const BACK_ACTION = "decide_back";
export const SKIP_ACTION = "decide_skip";
export const RESTART_ACTION = "decide_restart";
export const JUMP_ACTION = "decide_jump";
export const FINISH_ACTION = "decide_finish";

export interface SessionInfo {
  id: string;
  title: string;
  lang: Lang;
  /** Who was asked to answer (the session's plan): the question message shows who it waits on. */
  invitees?: readonly string[] | undefined;
}

/** The walkthrough's root message in the channel: who started it and what it is for. */
export function renderRoot(
  def: WalkthroughDef,
  opts: { title: string; startedBy: string; lang: Lang; botMention: string; plan?: SessionPlan },
): RenderedMessage {
  const { lang } = opts;
  const title = escapeText(opts.title);
  const user = mentionUser(opts.startedBy);
  const plan = planLine(opts.plan, lang);
  return {
    text: t(lang, "wtRootFallback", { user, title }),
    blocks: [
      header(t(lang, "wtRootHeader", { title })),
      section(t(lang, "wtRootBody", { user, title })),
      ...(plan ? [context(plan)] : []),
      context(
        t(lang, "wtRootContext", {
          questions: def.questions.length,
          stages: def.stages.length,
          bot: opts.botMention,
        }),
      ),
    ],
  };
}

/** What the start modal planned, on one line: owner, who is invited, due date (UTC). */
function planLine(plan: SessionPlan | undefined, lang: Lang): string | undefined {
  if (!plan) return undefined;
  const parts: string[] = [];
  if (plan.owner) parts.push(tp(lang, "planOwner", { user: mentionUser(plan.owner) }));
  if (plan.invitees?.length)
    parts.push(tp(lang, "planInvited", { users: plan.invitees.map(mentionUser).join(" ") }));
  if (plan.dueAt) parts.push(tp(lang, "planDue", { date: isoDate(plan.dueAt) }));
  return parts.length > 0 ? parts.join(" · ") : undefined;
}

/** The "Answers so far" blocks every walkthrough message ends with. */
function answersSoFar(def: WalkthroughDef, state: SessionState, lang: Lang): KnownBlock[] {
  const list = answersList(def, state, lang) || italic(lang, t(lang, "wtNoAnswersYet"));
  return sections(`*${t(lang, "wtAnswersSoFar")}*\n${list}`);
}

/** "Answers so far", grouped by stage: each answer with who gave it; skipped ones marked. */
function answersList(def: WalkthroughDef, state: SessionState, lang: Lang): string {
  const parts: string[] = [];
  for (const stage of def.stages) {
    const lines: string[] = [];
    for (const q of stage.questions) {
      const a = state.answers[q.id];
      const prompt = escapeText(truncate(q.topic[lang], 80));
      if (a) {
        const option = q.options.find((o) => o.id === a.option);
        const by = a.by ? ` — ${t(lang, "wtAnsweredBy", { user: mentionUser(a.by) })}` : "";
        lines.push(`✓ ${prompt}: *${escapeText(option?.label[lang] ?? a.option)}*${by}`);
      } else if (state.skipped.includes(q.id)) {
        lines.push(`– ${prompt}: ${italic(lang, t(lang, "wtSkippedMark"))}`);
      }
    }
    if (lines.length > 0) parts.push(`*${escapeText(stage.title[lang])}*\n${lines.join("\n")}`);
  }
  return parts.join("\n");
}

function jumpSelect(def: WalkthroughDef, session: SessionInfo, state: SessionState): StaticSelect {
  const { lang } = session;
  return {
    type: "static_select",
    action_id: JUMP_ACTION,
    placeholder: { type: "plain_text", text: t(lang, "wtJump") },
    option_groups: def.stages.slice(0, 100).map((stage) => ({
      label: { type: "plain_text", text: truncate(stage.title[lang], 75) },
      options: stage.questions.slice(0, 100).map((q) => ({
        text: {
          type: "plain_text",
          text: truncate(`${q.id in state.answers ? "✓ " : ""}${q.topic[lang]}`, 75),
        },
        value: encode({ k: "nav", s: session.id, q: q.id, l: session.lang }),
      })),
    })),
  };
}

/** The live question message: stage, progress, the question with its options, navigation, answers. */
export function renderQuestion(
  def: WalkthroughDef,
  session: SessionInfo,
  state: SessionState,
  notice?: string,
): RenderedMessage {
  const { lang } = session;
  const q = currentQuestion(def, state);
  if (!q) return renderQuestionsDone(def, session, state, notice);
  const p = progress(def, state);
  const stageIndex = def.stages.findIndex((s) => s.id === q.stage);
  const stage = def.stages[stageIndex];
  const blocks: KnownBlock[] = [];
  if (notice) blocks.push(context(notice));
  blocks.push(
    context(
      t(lang, "wtStage", {
        n: stageIndex + 1,
        total: def.stages.length,
        title: escapeText(stage?.title[lang] ?? q.stage),
      }),
      t(lang, "wtProgress", { position: p.position, total: p.total, answered: p.answered }),
      ...participationNotes(def, state, lang),
    ),
  );
  blocks.push(section(`*${escapeText(q.prompt[lang])}*`));
  if (q.help) blocks.push(context(escapeText(q.help[lang])));
  const chosen = state.answers[q.id]?.option;
  blocks.push(
    ...actions(
      q.options.map((o, i) =>
        button({
          actionId: `${OPTION_ACTION}_${i}`,
          text: o.id === chosen ? `✓ ${o.label[lang]}` : o.label[lang],
          value: encode({ k: "opt", s: session.id, q: q.id, o: o.id, l: lang }),
          ...(o.id === chosen ? { style: "primary" as const } : {}),
        }),
      ),
    ),
  );
  const nav = encode({ k: "nav", s: session.id, q: q.id, l: session.lang });
  const navElements: ActionsBlockElement[] = [];
  if (state.trail.length > 0)
    navElements.push(button({ actionId: BACK_ACTION, text: t(lang, "wtBack"), value: nav }));
  navElements.push(button({ actionId: SKIP_ACTION, text: t(lang, "wtSkip"), value: nav }));
  navElements.push(jumpSelect(def, session, state));
  if (canFinish(def, state)) {
    navElements.push(
      button({
        actionId: FINISH_ACTION,
        text: t(lang, "wtFinishNow"),
        value: nav,
        style: "primary",
      }),
    );
  }
  navElements.push(
    button({
      actionId: RESTART_ACTION,
      text: t(lang, "wtRestart"),
      value: nav,
      style: "danger",
      confirm: {
        title: { type: "plain_text", text: t(lang, "wtRestartConfirmTitle") },
        text: { type: "plain_text", text: t(lang, "wtRestartConfirmText") },
        confirm: { type: "plain_text", text: t(lang, "wtRestartConfirmYes") },
        deny: { type: "plain_text", text: t(lang, "wtCancel") },
        style: "danger",
      },
    }),
  );
  blocks.push(...actions(navElements));
  blocks.push(...waitingBlocks(def, session, state));
  blocks.push({ type: "divider" });
  blocks.push(...answersSoFar(def, state, lang));
  return {
    text: t(lang, "wtQuestionFallback", { prompt: q.prompt[lang] }),
    blocks: capBlocks(blocks, LIMITS.messageBlocks, "…"),
  };
}

/** The question message once the walkthrough is over: no buttons, the answers and who gave them. */
export function renderQuestionsDone(
  def: WalkthroughDef,
  session: SessionInfo,
  state: SessionState,
  notice?: string,
): RenderedMessage {
  const { lang } = session;
  const blocks: KnownBlock[] = [];
  if (notice) blocks.push(context(notice));
  blocks.push(section(`:white_check_mark: ${t(lang, "wtFinishedQuestion")}`));
  blocks.push(...answersSoFar(def, state, lang));
  return {
    text: t(lang, "wtFinishedQuestion"),
    blocks: capBlocks(blocks, LIMITS.messageBlocks, "…"),
  };
}

/** `@bot summary` while a walkthrough runs: the answers so far, the current question, the lean. */
export function renderState(
  def: WalkthroughDef,
  session: SessionInfo,
  state: SessionState,
  view: DecisionView,
): RenderedMessage {
  const { lang } = session;
  const p = progress(def, state);
  const q = currentQuestion(def, state);
  const title = escapeText(session.title);
  const blocks: KnownBlock[] = [header(t(lang, "wtStateHeader", { title }))];
  blocks.push(
    context(
      t(lang, "wtProgress", {
        position: Math.min(p.position, p.total),
        total: p.total,
        answered: p.answered,
      }),
    ),
  );
  blocks.push(section(escapeText(view.headline)));
  blocks.push(context(escapeText(view.scores.line)));
  if (q) blocks.push(section(t(lang, "wtCurrentQuestion", { prompt: escapeText(q.prompt[lang]) })));
  blocks.push(...answersSoFar(def, state, lang));
  return {
    text: t(lang, "wtStateFallback", { title, answered: p.answered, total: p.total }),
    blocks: capBlocks(blocks, LIMITS.messageBlocks, "…"),
  };
}
