import type { CorrelationItem, NextCheck, OffsetPoint, OutcomeClass, PrimaryCause, UnexplainedFailures } from './types';
import { isFailure } from './outcome';
import { plural } from './causes';

function spanText(a: number, b: number): string {
  return a === b ? `${a} s` : `${a}–${b} s`;
}

/** How close to the join time an iat must be for Zoom's undocumented tolerance to be a suspect. */
const TOLERANCE_SUSPECT_S = 30;

/** What describeCodes counts for one failure: its code, "no code", or how it ended. */
export function codeLabel(attempt: CorrelationItem['attempt']): string {
  const o = attempt.outcome;
  return o.kind === 'failure' ? (o.code === null ? 'no code' : String(o.code)) : o.kind;
}

/** "3712 ×4, 3705 ×1": most frequent first, then by code. */
function describeCodes(counts: ReadonlyMap<string, number>): string {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([c, n]) => `${c} ×${n}`)
    .join(', ');
}

/**
 * Everything the unexplained-failures text rests on, as counts: built in one pass here, or kept up
 * to date join by join by the session's running correlation (lib/correlate/accumulator.ts).
 */
export interface OpenFailureTally {
  /** Settled failures of the session. */
  failures: number;
  /** Ids of the failures no error finding explains, in session order. */
  openIds: string[];
  /** codeLabel of each open failure, counted. */
  openCodes: ReadonlyMap<string, number>;
  /** Open failures per class. */
  open3712: number;
  /** Open 3712s whose token was not checked against the session's secret (it may still be the cause). */
  open3712Unchecked: number;
  openTimeouts: number;
  openSilent: number;
  /** codeLabel of each open failure-other, counted. */
  otherCodes: ReadonlyMap<string, number>;
  /** The open silent refusals' distinct reasons, in the order they first occur. */
  silentReasons: readonly string[];
  /** Open failures whose iat was within TOLERANCE_SUSPECT_S before the join: how many, and their range. */
  near: { count: number; min: number; max: number };
}

/** An open 3712 failure's offset is a tolerance suspect when iat was at most this far before the join. */
export function isNearTolerance(offset: number): boolean {
  return offset <= 0 && offset > -TOLERANCE_SUSPECT_S;
}

/**
 * A failure is explained when its primary cause is an error finding (Zoom rejects that token). The
 * rest (suspects and nothing at all) get the checks the token cannot answer: the credential type,
 * external-account authorisation, Zoom's tolerance, the secret.
 */
export function unexplainedFailures(
  items: readonly CorrelationItem[],
  classes: readonly OutcomeClass[],
  primary: Readonly<Record<string, PrimaryCause>>,
  points: readonly OffsetPoint[],
): UnexplainedFailures {
  const failures: Array<{ item: CorrelationItem; cls: OutcomeClass }> = [];
  const open: Array<{ item: CorrelationItem; cls: OutcomeClass }> = [];
  items.forEach((item, i) => {
    const cls = classes[i] ?? 'pending';
    if (!isFailure(cls)) return;
    failures.push({ item, cls });
    const explained = primary[String(item.attempt.id)]?.kind === 'cause';
    if (!explained) open.push({ item, cls });
  });
  const openCodes = new Map<string, number>();
  const otherCodes = new Map<string, number>();
  const reasons = new Set<string>();
  let open3712 = 0;
  let open3712Unchecked = 0;
  let openTimeouts = 0;
  let openSilent = 0;
  for (const { item, cls } of open) {
    const label = codeLabel(item.attempt);
    openCodes.set(label, (openCodes.get(label) ?? 0) + 1);
    if (cls === 'failure-3712') {
      open3712++;
      if (item.analysis.secretChecked !== true) open3712Unchecked++;
    } else if (cls === 'failure-other') otherCodes.set(label, (otherCodes.get(label) ?? 0) + 1);
    else if (cls === 'timeout') openTimeouts++;
    else if (cls === 'silent-refusal') {
      openSilent++;
      const o = item.attempt.outcome;
      if (o.kind === 'silent-refusal' && o.reason) reasons.add(o.reason);
    }
  }
  // A Set, not ids.includes: quadratic over a session of 100,000 joins.
  const openIds = new Set(open.map((o) => String(o.item.attempt.id)));
  const near = { count: 0, min: Infinity, max: -Infinity };
  for (const p of points) {
    if (!openIds.has(p.attemptId) || !isNearTolerance(p.offset)) continue;
    near.count++;
    if (p.offset < near.min) near.min = p.offset;
    if (p.offset > near.max) near.max = p.offset;
  }
  return unexplainedFromTally({
    failures: failures.length,
    openIds: open.map((o) => String(o.item.attempt.id)),
    openCodes,
    open3712,
    open3712Unchecked,
    openTimeouts,
    openSilent,
    otherCodes,
    silentReasons: [...reasons],
    near,
  });
}

/** The unexplained failures and what to check next, from their counts. */
export function unexplainedFromTally(t: OpenFailureTally): UnexplainedFailures {
  const ids = t.openIds;
  if (ids.length === 0) {
    return { attemptIds: [], checks: [], text: t.failures === 0 ? 'No failures.' : `Every failure (${t.failures}) carries a finding that explains it.` };
  }
  const checks: NextCheck[] = [];
  if (t.open3712 > 0) {
    // First: of what the token cannot show, a wrong or swapped secret is the most common, and the panel checks it in one paste.
    // A token checked with the session's secret that still verifies has ruled the secret out.
    if (t.open3712Unchecked > 0) {
      checks.push({
        id: 'verify-secret',
        text:
          "Secret: a token signed with the wrong or swapped secret looks perfect. Paste the app's secret into " +
          "\"Verify with secret\" in the panel: it checks every attempt of the session at once, in memory only. " +
          'From a shell: `JD_SECRET=… join-doctor check --secret-env JD_SECRET TOKEN` (the secret is read from the environment only).',
      });
    }
    checks.push({
      id: 'credential-type',
      text:
        'Credential type: the signature must be signed with a Meeting SDK app\'s Client ID/Secret (or legacy SDK Key/Secret). ' +
        'Server-to-Server OAuth, OAuth and General Apps still in development give 3712 with a well-formed token ' +
        '(devforum #98154, #85908; attendee-labs/attendee#919).',
    });
    checks.push({
      id: 'external-account',
      text:
        'External accounts: since 2 March 2026 an app joining a meeting outside its own account must be authorised ' +
        '(ZAK, OBF token or RTMS), and an unauthorised or unpublished app is reported as "Signature invalid" ' +
        '(devforum #106016). Try a meeting hosted on the app\'s own account.',
    });
    const { count, min: nearMin, max: nearMax } = t.near;
    checks.push({
      id: 'server-tolerance',
      text:
        count > 0
          ? `Server tolerance and clocks: ${count} of these had iat only ${spanText(Math.abs(nearMax), Math.abs(nearMin))} before the join time. ` +
            "Zoom's tolerance is undocumented and its servers' clocks can differ (devforum #82045): back-date iat by 30–120 s and keep exp − iat ≥ 1800 s."
          : "Server tolerance and clocks: Zoom's tolerance is undocumented and its servers' clocks can differ (devforum #82045); " +
            'measure the offset to Zoom (Date header) and back-date iat by 30–120 s if iat is close to the join time.',
    });
  }
  const other = t.openIds.length - t.open3712 - t.openSilent - t.openTimeouts;
  if (other > 0) {
    checks.push({ id: 'error-code', text: `${other} ${plural(other, 'failure')} with other codes (${describeCodes(t.otherCodes)}): these are not signature errors; see the Meeting SDK error-code table for each.` });
  }
  const silent = t.openSilent;
  const reasons = t.silentReasons;
  if (silent > 0) {
    checks.push({ id: 'silent-refusal', text: `${silent} silent ${plural(silent, 'refusal')}: the SDK refused before asking Zoom${reasons.length ? ` (${reasons.join('; ')})` : ''}. Check the console output around join().` });
  }
  const timeouts = t.openTimeouts;
  if (timeouts > 0) {
    checks.push({ id: 'timeout', text: `${timeouts} ${plural(timeouts, 'join')} never settled: standard-base64 segments have surfaced as a timeout with no callback (devforum #93507); otherwise check the wc/info request in the Network panel.` });
  }
  return {
    attemptIds: ids,
    checks,
    text: `${ids.length} of ${t.failures} ${plural(t.failures, 'failure')} ${ids.length === 1 ? 'carries' : 'carry'} no finding that explains ${ids.length === 1 ? 'it' : 'them'} (${describeCodes(t.openCodes)}).`,
  };
}
