/**
 * Size caps applied at every boundary. A hostile or buggy page must not be able to fill the
 * session store or stall the worker with one giant message.
 */

/** Largest hook message (serialised JSON text) the relay accepts. */
export const MAX_HOOK_MESSAGE_CHARS = 64 * 1024;
/**
 * Longest string kept from page data (signature, URL, error text). Real SDK JWTs are < 1 KB.
 * Re-checked at the relay and the background on every string of every hook event, because the
 * hook's own check can be defeated by a page that replaced JSON.parse: a signature (or any other
 * field that identifies the join) over it refuses the event ('too-large', counted); a longer string
 * in free-form data (the callback's result, Zoom's answer, a non-string signature) is cut to this
 * length ending in TRUNCATED_MARK.
 */
export const MAX_CAPTURED_STRING = 16 * 1024;
/** How a cut string ends (it counts towards MAX_CAPTURED_STRING, so cutting again changes nothing). */
export const TRUNCATED_MARK = '…[truncated by Join Doctor]';
/** Nesting kept in free-form page data; anything deeper is replaced by '[too deep]'. */
export const MAX_CAPTURED_DEPTH = 12;
/** Most events in one relay → background batch. */
export const MAX_EVENTS_PER_BATCH = 500;
/** Largest relay → background batch (its events' JSON text); the relay cuts batches to fit. */
export const MAX_BATCH_CHARS = 1024 * 1024;
/**
 * storage.session budgets, in Chromium's own accounting (lib/capture/storage-size.ts), enforced
 * by the background before every write. The quota is 10,485,760 bytes for the whole extension;
 * the total budget leaves 2 MB of it unused, and one tab may hold at most 3 MB of the 8, so a
 * page flooding its own tab loses its own oldest records and never another tab's: when the tabs
 * together go over the total, the largest tab gives up its oldest records first.
 * 1,000 ordinary joins take about 2.4 MB (a 500-character signature each).
 */
export const STORAGE_TOTAL_BUDGET_BYTES = 8 * 1024 * 1024;
export const STORAGE_TAB_BUDGET_BYTES = 3 * 1024 * 1024;
/** The session-wide token index (lib/capture/session-links) gets its own share of the total. */
export const STORAGE_LINKS_BUDGET_BYTES = 512 * 1024;
/** Documents (relays) whose counters a tab keeps besides those its attempts came from. */
export const MAX_FRAMES_PER_TAB = 64;
/** Wire request → attempt links kept per tab (a JSONP retry loop must not grow the map). */
export const MAX_WIRE_LINKS_PER_TAB = 4000;
/** Attempts kept per tab; older ones are dropped and counted. */
export const MAX_ATTEMPTS_PER_TAB = 2000;
/** Issuance records kept per tab. */
export const MAX_ISSUANCES_PER_TAB = 200;
/** How long an API join may stay unsettled before the relay reports a timeout (lib/capture/settle-timer.ts). */
export const DEFAULT_SETTLE_TIMEOUT_MS = 45_000;
/** A wire request is merged into an API call made at most this long before it. */
export const API_WIRE_MERGE_WINDOW_MS = 60_000;
