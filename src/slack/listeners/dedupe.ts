import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Store } from "../../store/index.js";
import { describeError } from "../errors.js";

/**
 * Slack retries an event it thinks was not delivered (X-Slack-Retry-Num) and Bolt does not drop
 * retries. A retry whose original never arrived must still be answered, so events are deduplicated
 * on event_id with the store's claim, never by dropping retries.
 */
export function dedupeEvents(store: Store): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, logger }) => {
    const eventId =
      typeof body === "object" &&
      body !== null &&
      "event_id" in body &&
      typeof body.event_id === "string"
        ? body.event_id
        : undefined;
    if (eventId) {
      let first = true;
      try {
        first = await store.claimEvent(eventId);
      } catch (err) {
        // Without the store we cannot tell; answering twice beats not answering.
        logger.warn(`claimEvent(${eventId}) failed: ${describeError(err)}`);
      }
      if (!first) {
        logger.debug(`Event ${eventId} already handled; skipping`);
        return;
      }
    }
    await next();
  };
}
