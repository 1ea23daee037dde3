import type { KnownBlock } from "@slack/types";

/** A rendered message: blocks plus the plain-text fallback every message carries. */
export interface RenderedMessage {
  text: string;
  blocks: KnownBlock[];
}
