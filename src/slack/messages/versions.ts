import { defineCatalog } from "../../core/i18n/catalog.js";

/**
 * The strings of a decision's versions (a revisit makes the next version of its thread's
 * decision): on the result card, in history and in App Home. `n`, `from`: version numbers.
 */
const en = {
  /** The card's context line, for v2 and later. */
  verRevised: (p: { n: number; from: number }) => `v${p.n} · revised from v${p.from}`,
  /** A superseded card's status. */
  verSupersededBy: (p: { n: number }) => `Superseded by v${p.n}`,
  /** The link from a superseded card to the newer one. */
  verOpenNewer: (p: { n: number }) => `Open v${p.n}`,
  /** History and App Home: a thread listed as its latest version. */
  verListed: (p: { n: number }) => `v${p.n} · revised`,
};

type En = typeof en;

const ja: En = {
  verRevised: (p) => `v${p.n} · v${p.from} を見直した版`,
  verSupersededBy: (p) => `v${p.n} で置き換え済み`,
  verOpenNewer: (p) => `v${p.n} を開く`,
  verListed: (p) => `v${p.n} · 見直し済み`,
};

export const t = defineCatalog({ en, ja });
