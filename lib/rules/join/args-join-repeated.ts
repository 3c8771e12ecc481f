import { defineJoinRule } from './types';
import { failureCode } from './args-common';

/** The SDK's join rate limit: one call per 10 s (client view `join:10`, scaled ×1000; docs/join-errors.md §6). */
export const JOIN_INTERVAL_MS = 10_000;

/**
 * Two joins from the same page within the SDK's interval: React StrictMode or an effect that runs
 * twice, or a retry loop. The bundle has 3633 (client view) and 5012 (component view) for it, yet
 * [measured, 6.2.0] the client view drops a join() made within 10 s of the previous one without a
 * request or any callback, so the capture sees a silent refusal (or a timeout); the component view sends both.
 */
export const argsJoinRepeated = defineJoinRule({
  id: 'args-join-repeated',
  severity: 'error',
  title: "join() called again within 10 s of the previous join",
  origin: 'arguments',
  source: 'docs/join-errors.md §6 (FREQUENT_CALL 3633: join rate-limited to once per 10 s; 5012 "Duplicated join operation")',
  produces: [3633, 5012],
  explainsJoinNotSent: true,
  check({ attempt, previous }) {
    if (!previous || attempt.sdk === 'video' || previous.sdk === 'video') return null;
    if (attempt.api === 'wire' || previous.api !== attempt.api) return null;
    if ((previous.pageUrl ?? null) !== (attempt.pageUrl ?? null) || (previous.frameUrl ?? null) !== (attempt.frameUrl ?? null)) return null;
    const gap = attempt.calledAt - previous.calledAt;
    if (!(gap >= 0 && gap < JOIN_INTERVAL_MS)) return null;
    const code = failureCode(attempt);
    // Only when the SDK refused or dropped it: a page reloaded between joins (the lab, a retry
    // button that reloads) starts a fresh SDK whose interval is not shared, and Zoom then answers as usual.
    const unsettled = attempt.outcome.kind === 'timeout' || attempt.outcome.kind === 'silent-refusal';
    const dropped = unsettled && attempt.api === 'client-view' && (attempt.wire?.sentAt ?? null) === null;
    if (code !== 3633 && code !== 5012 && !dropped) return null;
    const what = dropped ? 'the client view dropped it: no wc/info request and no callback, so it never settled' : `it refused this one with ${code}`;
    return {
      severity: 'error',
      message: `This join was called ${(gap / 1000).toFixed(1)} s after the previous one on the same page (the SDK allows one join per 10 s; ${what}).`,
      fix: 'Call join once per page load: guard it with a flag (React StrictMode runs effects twice in development), and retry only after the first join has settled and 10 s have passed.',
      data: { gapMs: gap },
    };
  },
});
