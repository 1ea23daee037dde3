import type { KnownBlock, ModalView, Overflow } from "@slack/types";
import { isoDate } from "../../core/clock.js";
import {
  type DecisionView,
  isInForce,
  type ReasonView,
  type StatusState,
  statusActions,
} from "../../core/decision/index.js";
import { escapeText, link, mentionUser } from "../escape.js";
import { t as reviewText } from "../messages/review.js";
import { t as vt } from "../messages/versions.js";
import { t } from "../messages.js";
import { encode } from "../payloads.js";
import { listSeparator } from "./emphasis.js";
import { actions, button, context, header, LIMITS, plain, section, truncate } from "./limits.js";
import type { RenderedMessage } from "./message.js";
import { RECORD_ACTION, renderSummary } from "./summary.js";

export const FULL_REASONING_ACTION = "summary_full";
export const MORE_ACTION = "summary_more";
export const STATUS_ACTION = "summary_status";

/** How many reasons the card shows; the modal behind "Full reasoning" has all of them. */
const TOP_REASONS = 3;

export interface ResultCardOptions {
  title: string;
  participants: string[];
  /** The stored decision's version of the matrix, e.g. "2026.11". */
  matrixVersion: string;
  /**
   * Mention each participant (the card in the decision's own thread). Copies elsewhere count them
   * instead: a copy should not ping the same people again.
   */
  mentions: boolean;
  /** The stored decision's id: present → the card carries its buttons. */
  decisionId?: string;
  /** Link back to the walkthrough's thread. */
  threadLink?: string;
  /** The decision's status; proposed when absent. Accept and Reject show while proposed. */
  status?: StatusState;
  /** Its place among its thread's decisions (a revisit makes v2); absent or 1: not shown. */
  version?: CardVersion;
  /** A fact the decision relied on changed since (issue 12): the card says so. */
  factsChanged?: boolean;
  /** When the team means to look at it again: shown while the decision is in force. */
  revisitAt?: Date;
}

/** A decision's version as the card shows it (src/core/decision/versions.ts numbers them). */
export interface CardVersion {
  version: number;
  /** Superseded: the newer version, and a link to its card (else the thread link is used). */
  supersededBy?: { version: number; link?: string };
}

/**
 * "Status: *Accepted* by @x on 2026-11-29". Who changed it is named only where the card mentions
 * people; a superseded card links to the thread, where the newer decision is.
 */
function statusLine(lang: DecisionView["lang"], opts: ResultCardOptions): string {
  const status = opts.status ?? { status: "proposed" };
  if (status.status === "proposed" && !status.statusBy) return t(lang, "rcStatus");
  const newer = status.status === "superseded" ? opts.version?.supersededBy : undefined;
  const line = t(lang, "rcStatusLine", {
    label: newer
      ? vt(lang, "verSupersededBy", { n: newer.version })
      : t(lang, "statusLabel", { status: status.status }),
    by: opts.mentions && status.statusBy ? mentionUser(status.statusBy) : "",
    date: status.statusAt ? isoDate(status.statusAt) : "",
  });
  // "Superseded by v2 · Open v2": the newer card, or the thread it is in.
  const to = newer?.link ?? opts.threadLink;
  if (status.status !== "superseded" || !to) return line;
  const label = newer ? vt(lang, "verOpenNewer", { n: newer.version }) : t(lang, "rcThread");
  return `${line} · ${link(to, label)}`;
}

/** "Decided: Amazon ECS on AWS Fargate — Payments", or what the verdict says instead. */
function cardHeader(view: DecisionView, title: string): string {
  const { lang } = view;
  const platform = (p: "ecs" | "eks") => t(lang, p === "ecs" ? "recEcs" : "recEks");
  switch (view.verdict) {
    case "neither":
      return t(lang, "rcNeither", { title });
    case "undecided":
      return t(lang, "rcUndecided", { title });
    case "required":
      return t(lang, "rcRequired", {
        platform: platform(view.recommendation === "ecs" ? "ecs" : "eks"),
        title,
      });
    default:
      break;
  }
  if (view.recommendation === "either") {
    return view.lean
      ? t(lang, "rcEitherLean", { platform: platform(view.lean), title })
      : t(lang, "rcEither", { title });
  }
  const name = platform(view.recommendation);
  const capacity = view.capacity?.choice.name;
  // "Amazon ECS Express Mode (on AWS Fargate)" already names its platform.
  const choice = !capacity
    ? name
    : capacity.startsWith(name)
      ? capacity
      : t(lang, "rcOn", { platform: name, capacity });
  return t(lang, "rcDecided", { choice, title });
}

/**
 * The reasons that weigh most: the hard constraints first, then answers leaning the way the decision
 * went, heaviest first; neutral answers only when nothing else is left.
 */
function topReasons(view: DecisionView): ReasonView[] {
  const musts = new Set(view.must.items.map((m) => `${m.question}/${m.option}`));
  const toward = view.recommendation === "either" ? view.lean : view.recommendation;
  const rank = (r: ReasonView) =>
    musts.has(`${r.question}/${r.option}`)
      ? 0
      : r.lean === toward
        ? 1
        : r.lean === "neutral"
          ? 3
          : 2;
  return view.reasons.stages
    .flatMap((s) => s.items)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || b.r.weight - a.r.weight || a.i - b.i)
    .slice(0, TOP_REASONS)
    .map(({ r }) => r);
}

/** Topics are written to sit mid-sentence ("extensibility"); a line starts with a capital. */
function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function moreMenu(view: DecisionView, decisionId: string): Overflow {
  const { lang } = view;
  const option = (text: string, a: "post" | "revisit" | "date") => ({
    text: plain(text, LIMITS.buttonText, false),
    value: encode({ k: "dec", d: decisionId, a }),
  });
  return {
    type: "overflow",
    action_id: MORE_ACTION,
    options: [
      option(t(lang, "sumPostToChannel"), "post"),
      option(t(lang, "sumRevisit"), "revisit"),
      option(reviewText(lang, "menuRevisitDate"), "date"),
    ],
  };
}

/**
 * A finished decision at a glance, at most six blocks: the verdict and title, who took part and the
 * status, the three reasons that weigh most, what would change it, how complete it is; with
 * "Full reasoning" (a modal), "Decision record" and an overflow menu (post elsewhere, revisit).
 */
export function renderResultCard(view: DecisionView, opts: ResultCardOptions): RenderedMessage {
  const { lang } = view;
  const title = escapeText(opts.title);
  const blocks: KnownBlock[] = [header(cardHeader(view, title))];

  const people =
    opts.participants.length === 0
      ? null
      : opts.mentions
        ? t(lang, "sumTookPart", {
            users: [...new Set(opts.participants)].map(mentionUser).join(listSeparator(lang)),
          })
        : t(lang, "rcPeopleCount", { count: new Set(opts.participants).size });
  blocks.push(section([people, statusLine(lang, opts)].filter(Boolean).join(" · ")));

  const reasons = topReasons(view).map(
    (r) =>
      `• ${escapeText(truncate(capitalize(r.topic), 40))}: *${escapeText(truncate(r.answer, 50))}* — ${escapeText(r.leanLabel)}`,
  );
  const flip = view.flips.items[0];
  const change = t(lang, "rcChange", {
    sentence: escapeText(truncate(flip ? flip.sentence : view.flips.none, 240)),
  });
  blocks.push(
    section(
      reasons.length > 0 ? `*${t(lang, "rcWhy")}*\n${reasons.join("\n")}\n${change}` : change,
    ),
  );

  const open = view.unanswered.items.length;
  const version = opts.version?.version ?? 1;
  const facts = [
    ...(version > 1 ? [vt(lang, "verRevised", { n: version, from: version - 1 })] : []),
    open > 0 ? t(lang, "rcOpen", { count: open }) : t(lang, "rcAllAnswered"),
    t(lang, "rcMatrix", { version: escapeText(opts.matrixVersion) }),
  ];
  if (opts.threadLink) facts.push(link(opts.threadLink, t(lang, "rcThread")));
  const live = isInForce(opts.status?.status ?? "proposed");
  if (opts.revisitAt && live) {
    facts.push(reviewText(lang, "rcRevisitBy", { date: isoDate(opts.revisitAt) }));
  }
  if (opts.factsChanged) facts.push(reviewText(lang, "rcFactsChanged"));
  blocks.push(context(facts.join(" · ")));

  if (opts.decisionId) {
    const value = encode({ k: "dec", d: opts.decisionId });
    blocks.push(
      ...actions([
        button({
          actionId: FULL_REASONING_ACTION,
          text: t(lang, "rcFull"),
          value,
          style: "primary",
        }),
        button({ actionId: RECORD_ACTION, text: t(lang, "sumRecord"), value }),
        ...statusActions(opts.status?.status ?? "proposed").map((a) =>
          button({
            actionId: `${STATUS_ACTION}_${a}`,
            text: t(lang, a === "accept" ? "rcAccept" : "rcReject"),
            value: encode({ k: "dec", d: opts.decisionId as string, a }),
          }),
        ),
        moreMenu(view, opts.decisionId),
      ]),
    );
  }
  return {
    text: t(lang, "rcFallback", { title, headline: escapeText(view.headline) }),
    blocks,
  };
}

/** "Full reasoning": the whole summary (scores, constraints, every reason, needs) in a modal. */
export function renderFullReasoning(
  view: DecisionView,
  opts: { title: string; participants: string[]; threadLink?: string },
): ModalView {
  const { lang } = view;
  const summary = renderSummary(view, {
    title: opts.title,
    participants: opts.participants,
    ...(opts.threadLink ? { threadLink: opts.threadLink } : {}),
  });
  return {
    type: "modal",
    title: plain(t(lang, "rcModalTitle"), LIMITS.modalTitle, false),
    close: plain(t(lang, "rcModalClose"), LIMITS.modalTitle, false),
    blocks: summary.blocks.slice(0, LIMITS.surfaceBlocks),
  };
}
