import type { CorrelationItem, NextCheck, OffsetPoint, OutcomeClass, PrimaryCause, UnexplainedFailures } from './types';
import { isFailure } from './outcome';
import { plural } from './causes';

function spanText(a: number, b: number): string {
  return a === b ? `${a} s` : `${a}–${b} s`;
}

/** How close to the join time an iat must be for Zoom's undocumented tolerance to be a suspect. */
const TOLERANCE_SUSPECT_S = 30;

function describeCodes(items: readonly CorrelationItem[]): string {
  const counts = new Map<string, number>();
  for (const { attempt } of items) {
    const o = attempt.outcome;
    const code = o.kind === 'failure' ? (o.code === null ? 'no code' : String(o.code)) : o.kind;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([c, n]) => `${c} ×${n}`)
    .join(', ');
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
  const ids = open.map((o) => String(o.item.attempt.id));
  if (open.length === 0) {
    return { attemptIds: [], checks: [], text: failures.length === 0 ? 'No failures.' : `Every failure (${failures.length}) carries a finding that explains it.` };
  }
  const checks: NextCheck[] = [];
  const of = (cls: OutcomeClass) => open.filter((o) => o.cls === cls).map((o) => o.item);
  const signatureFailures = of('failure-3712');
  // A token checked with the session's secret that still verifies has ruled the secret out.
  const secretUnchecked = signatureFailures.some((i) => i.analysis.secretChecked !== true);
  if (signatureFailures.length > 0) {
    // First: of what the token cannot show, a wrong or swapped secret is the most common, and the panel checks it in one paste.
    if (secretUnchecked) {
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
    // A Set, not ids.includes: quadratic over a session of 100,000 joins.
    const openIds = new Set(ids);
    const near = points.filter((p) => openIds.has(p.attemptId) && p.offset <= 0 && p.offset > -TOLERANCE_SUSPECT_S).map((p) => p.offset);
    let nearMin = Infinity;
    let nearMax = -Infinity;
    for (const o of near) {
      if (o < nearMin) nearMin = o;
      if (o > nearMax) nearMax = o;
    }
    checks.push({
      id: 'server-tolerance',
      text:
        near.length > 0
          ? `Server tolerance and clocks: ${near.length} of these had iat only ${spanText(Math.abs(nearMax), Math.abs(nearMin))} before the join time. ` +
            "Zoom's tolerance is undocumented and its servers' clocks can differ (devforum #82045): back-date iat by 30–120 s and keep exp − iat ≥ 1800 s."
          : "Server tolerance and clocks: Zoom's tolerance is undocumented and its servers' clocks can differ (devforum #82045); " +
            'measure the offset to Zoom (Date header) and back-date iat by 30–120 s if iat is close to the join time.',
    });
  }
  const other = of('failure-other');
  if (other.length > 0) {
    checks.push({ id: 'error-code', text: `${other.length} ${plural(other.length, 'failure')} with other codes (${describeCodes(other)}): these are not signature errors; see the Meeting SDK error-code table for each.` });
  }
  const silent = of('silent-refusal');
  if (silent.length > 0) {
    const reasons = [...new Set(silent.map((s) => (s.attempt.outcome.kind === 'silent-refusal' ? s.attempt.outcome.reason : '')))].filter(Boolean);
    checks.push({ id: 'silent-refusal', text: `${silent.length} silent ${plural(silent.length, 'refusal')}: the SDK refused before asking Zoom${reasons.length ? ` (${reasons.join('; ')})` : ''}. Check the console output around join().` });
  }
  const timeouts = of('timeout');
  if (timeouts.length > 0) {
    checks.push({ id: 'timeout', text: `${timeouts.length} ${plural(timeouts.length, 'join')} never settled: standard-base64 segments have surfaced as a timeout with no callback (devforum #93507); otherwise check the wc/info request in the Network panel.` });
  }
  return {
    attemptIds: ids,
    checks,
    text: `${open.length} of ${failures.length} ${plural(failures.length, 'failure')} ${open.length === 1 ? 'carries' : 'carry'} no finding that explains ${open.length === 1 ? 'it' : 'them'} (${describeCodes(open.map((o) => o.item))}).`,
  };
}
