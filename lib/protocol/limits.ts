/**
 * Size caps applied at every boundary. A hostile or buggy page must not be able to fill the
 * session store or stall the worker with one giant message.
 */

/** Largest hook message (serialised JSON text) the relay accepts. */
export const MAX_HOOK_MESSAGE_CHARS = 64 * 1024;
/** Longest string kept from page data (signature, URL, error text). Real SDK JWTs are < 1 KB. */
export const MAX_CAPTURED_STRING = 16 * 1024;
/** Most events in one relay → background batch. */
export const MAX_EVENTS_PER_BATCH = 500;
/** Attempts kept per tab; older ones are dropped and counted. */
export const MAX_ATTEMPTS_PER_TAB = 2000;
/** Issuance records kept per tab. */
export const MAX_ISSUANCES_PER_TAB = 200;
/** How long an API join may stay unsettled before the relay reports a timeout (lib/capture/settle-timer.ts). */
export const DEFAULT_SETTLE_TIMEOUT_MS = 45_000;
/** A wire request is merged into an API call made at most this long before it. */
export const API_WIRE_MERGE_WINDOW_MS = 60_000;
