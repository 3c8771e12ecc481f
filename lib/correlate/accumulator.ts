/**
 * correlate(), kept up to date one join at a time. A session left open for days holds 100,000
 * joins; correlating all of them again for each new one blocked the panel for seconds. Every part
 * of the result is a sum over joins (outcome counts, per-rule and per-endpoint counts, the set of
 * distinct iats, the failures of each cause group, the sorted offsets) or is computed from such sums,
 * so this keeps the sums and each join's share of them, and `result()` only copies them out.
 *
 * `result()` equals `correlate()` over the same items in the same order (tests/unit/correlate/
 * accumulator.test.ts appends and replaces joins at random and compares after every step).
 * Precondition, checked (ERR_DUPLICATE_ID): attempt ids are unique; correlate's per-id maps would
 * otherwise let a later join overwrite an earlier one's cause, which a running sum cannot undo.
 */
import type { Finding } from '../rules/types';
import type { CauseGroup, Correlation, CorrelationItem, OffsetPoint, OutcomeClass, PrimaryCause, QuantizationEvidence, RuleOutcomeCounts } from './types';
import { OUTCOME_CLASSES } from './types';
import { classifyOutcome, isFailure } from './outcome';
import { OUTCOME_FIELD } from './rule-counts';
import { compareCauseGroups, groupText, headlineText, primaryCause, QUANTIZATION_EVIDENCE } from './primary-cause';
import { iatOf, isFloatQuantized, offsetPointOf, offsetSplitOfSorted } from './offsets';
import { quantizationFromCounts } from './quantization';
import { compareEndpointRates, endpointKey, endpointRow, isVideoJwtRefusal, MADE_IN_PAGE_ENDPOINT, UNKNOWN_ENDPOINT } from './endpoints';
import { codeLabel, isNearTolerance, unexplainedFromTally } from './unexplained';
import { tokenMadeInPage } from '../capture/made-in-page';
import { JoinDoctorError } from '../errors';

function duplicate(id: string): never {
  throw new JoinDoctorError('ERR_DUPLICATE_ID', `attempt id ${JSON.stringify(id)} occurs twice: correlate this list with correlate()`, { id });
}

/** One join's share of every sum. */
interface Share {
  item: CorrelationItem;
  id: string;
  cls: OutcomeClass;
  /** Distinct finding ids, first occurrence first. */
  ruleIds: string[];
  /** An integer iat > 0 (what the quantisation evidence counts), else null. */
  iat: number | null;
  point: OffsetPoint | null;
  /** Issuing endpoint of a settled join; null for pending and superseded ones. */
  endpoint: string | null;
  sdk: 'meeting' | 'video';
  /** Failures only: its primary cause, computed with the session's evidence flag at the time. */
  cause: PrimaryCause | null;
  /** A failure whose cause can change with the session's quantisation evidence (it has iat-future). */
  evidenceSensitive: boolean;
}

interface RuleSum {
  /** Joins carrying the rule, by position (sorted): the first one's finding gives the title. */
  holders: number[];
  /** Findings per severity, to know the most severe one after a join is replaced. */
  errors: number;
  warnings: number;
  infos: number;
  counts: Pick<RuleOutcomeCounts, 'failures3712' | 'failuresOther' | 'silentRefusals' | 'timeouts' | 'successes' | 'pending'>;
}


/** The rule ids of every clean join (most of a long session): one frozen list, not one per join. */
const NO_RULES: string[] = Object.freeze([]) as unknown as string[];

function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(xs: number[], v: number): void {
  // Appends (the common case: a new join, a larger position) cost nothing to find.
  if (xs.length === 0 || xs[xs.length - 1]! <= v) xs.push(v);
  else xs.splice(lowerBound(xs, v), 0, v);
}

function removeSorted(xs: number[], v: number): void {
  const at = lowerBound(xs, v);
  if (xs[at] === v) xs.splice(at, 1);
}

function bump<K>(m: Map<K, number>, k: K, by: number): void {
  const n = (m.get(k) ?? 0) + by;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

export class CorrelationAccumulator {
  private shares: Share[] = [];
  private positionOf = new Map<string, number>();
  private counts = Object.fromEntries(OUTCOME_CLASSES.map((c) => [c, 0])) as Record<OutcomeClass, number>;
  private failures = 0;
  private rules = new Map<string, RuleSum>();
  private iats = new Map<number, number>();
  private quantizedIats = 0;
  private quantization: QuantizationEvidence | null = null;
  private evidence = false;
  private successes = 0;
  /** Successes carrying each finding id (a cause group's "successesWith"). */
  private successHas = new Map<string, number>();
  /** Failures whose cause is not yet placed in a group (added since the last settle). */
  private unplaced: number[] = [];
  private groups = new Map<string, number[]>();
  private failureAt: number[] = [];
  private pointAt: number[] = [];
  /**
   * The points of the joins at `pointAt`, in the same order: result() copies this list instead of
   * looking up 100,000 shares (the costliest step of publishing a long session's correlation).
   */
  private points: OffsetPoint[] = [];
  private failOffsets: number[] = [];
  private successOffsets: number[] = [];
  private endpoints = new Map<string, { attempts: number; failures: number; failures3712: number; failuresJwt: number }>();
  private sdks = new Map<'meeting' | 'video', { attempts: number; failures: number; successes: number }>();
  private open: number[] = [];
  private openCodes = new Map<string, number>();
  private otherCodes = new Map<string, number>();
  private openByClass = { 'failure-3712': 0, 'unchecked-3712': 0, silent: 0, timeout: 0 };
  private silentReasons = new Map<string, number[]>();
  private nearOffsets: number[] = [];
  private endpointKeys = new Map<string, string>();

  get size(): number {
    return this.shares.length;
  }

  push(item: CorrelationItem): void {
    const id = String(item.attempt.id);
    if (this.positionOf.has(id)) duplicate(id);
    const at = this.shares.length;
    this.positionOf.set(id, at);
    const share = this.shareOf(item, id);
    this.shares.push(share);
    this.add(share, at);
  }

  /** Replaces the join at `at` (a pending join that settled, a re-analysis): its share leaves every sum, the new one enters. */
  replace(at: number, item: CorrelationItem): void {
    const old = this.shares[at];
    if (!old) throw new RangeError(`no join at ${at} of ${this.shares.length}`);
    const id = String(item.attempt.id);
    const other = this.positionOf.get(id);
    if (other !== undefined && other !== at) duplicate(id);
    this.remove(old, at);
    this.positionOf.delete(old.id);
    this.positionOf.set(id, at);
    const share = this.shareOf(item, id);
    this.shares[at] = share;
    this.add(share, at);
  }

  /**
   * Places the causes of the failures added since the last call, with the session's evidence as it
   * is now (and re-judges the failures it can change when it changed). `result()` calls it; a caller
   * feeding many joins in chunks calls it per chunk so that no single call does all the work.
   */
  settle(): void {
    const q = this.quantizationNow();
    const evidence = QUANTIZATION_EVIDENCE.includes(q.verdict);
    if (evidence !== this.evidence) {
      this.evidence = evidence;
      for (const at of this.failureAt) {
        const s = this.shares[at]!;
        if (!s.evidenceSensitive || !s.cause) continue;
        this.unplace(s, at);
        this.unplaced.push(at);
      }
    }
    for (const at of this.unplaced) {
      const s = this.shares[at];
      // Replaced or re-queued since: only a failure without a cause is placed.
      if (!s || s.cause || !isFailure(s.cls)) continue;
      s.cause = primaryCause(s.item, s.cls, q);
      this.place(s, at);
    }
    this.unplaced = [];
  }

  result(): Correlation {
    this.settle();
    const quantization = this.quantizationNow();
    const primary: Record<string, PrimaryCause> = {};
    for (const at of this.failureAt) {
      const s = this.shares[at]!;
      primary[s.id] = s.cause!;
    }
    const causes: CauseGroup[] = [];
    for (const [key, members] of this.groups) {
      const first = this.shares[members[0]!]!.cause!;
      const main = first.kind === 'unexplained' ? null : first.ruleIds[0]!;
      const g: CauseGroup = {
        ...first,
        id: key,
        attemptIds: members.map((at) => this.shares[at]!.id),
        failures: members.length,
        ofFailures: this.failures,
        successesWith: main === null ? 0 : (this.successHas.get(main) ?? 0),
        successes: this.successes,
        text: '',
      };
      g.text = groupText(g);
      causes.push(g);
    }
    causes.sort(compareCauseGroups);
    const points = this.points.slice();
    const near = { count: this.nearOffsets.length, min: this.nearOffsets[0] ?? Infinity, max: this.nearOffsets[this.nearOffsets.length - 1] ?? -Infinity };
    return {
      counts: { ...this.counts },
      failures: this.failures,
      rules: this.ruleRows(),
      causes,
      headline: headlineText(causes, this.failures),
      primary,
      offsets: { points, split: offsetSplitOfSorted(this.failOffsets, this.successOffsets) },
      quantization,
      endpoints: [...this.endpoints.entries()].map(([endpoint, r]) => endpointRow(endpoint, { ...r })).sort(compareEndpointRates),
      unexplained: unexplainedFromTally({
        failures: this.failures,
        openIds: this.open.map((at) => this.shares[at]!.id),
        openCodes: this.openCodes,
        open3712: this.openByClass['failure-3712'],
        open3712Unchecked: this.openByClass['unchecked-3712'],
        openSilent: this.openByClass.silent,
        openTimeouts: this.openByClass.timeout,
        otherCodes: this.otherCodes,
        silentReasons: [...this.silentReasons.entries()].sort((a, b) => a[1][0]! - b[1][0]!).map(([r]) => r),
        near,
      }),
      sdks: (['meeting', 'video'] as const).flatMap((k) => {
        const r = this.sdks.get(k);
        return r ? [{ sdk: k, ...r }] : [];
      }),
    };
  }

  private quantizationNow(): QuantizationEvidence {
    const n = this.iats.size;
    const k = this.quantizedIats;
    // The binomial tail is O(n·k): recomputed only when the distinct iats change, not per join.
    if (!this.quantization || this.quantization.distinctIats !== n || this.quantization.multiplesOf128 !== k) this.quantization = quantizationFromCounts(k, n);
    return this.quantization;
  }

  private shareOf(item: CorrelationItem, id: string): Share {
    const cls = classifyOutcome(item.attempt?.outcome);
    // A join has a handful of findings: a linear search, and no list at all for a clean join.
    let ruleIds = NO_RULES;
    for (const f of item.analysis.findings) {
      if (ruleIds.includes(f.id)) continue;
      if (ruleIds === NO_RULES) ruleIds = [];
      ruleIds.push(f.id);
    }
    const iat = iatOf(item);
    let endpoint: string | null = null;
    if (cls !== 'pending' && cls !== 'superseded') {
      const url = item.attempt.issuer?.url;
      if (item.attempt.issuer) {
        // new URL per join is most of the endpoint table's cost; a session has a handful of issuers.
        const key = typeof url === 'string' ? this.endpointKeys.get(url) : undefined;
        endpoint = key ?? endpointKey(url);
        if (key === undefined && typeof url === 'string' && this.endpointKeys.size < 10_000) this.endpointKeys.set(url, endpoint);
      } else endpoint = tokenMadeInPage(item.attempt) ? MADE_IN_PAGE_ENDPOINT : UNKNOWN_ENDPOINT;
    }
    return {
      item,
      id,
      cls,
      ruleIds,
      iat: iat !== null && Number.isInteger(iat) && iat > 0 ? iat : null,
      point: offsetPointOf(item, cls),
      endpoint,
      sdk: item.attempt?.sdk === 'video' ? 'video' : 'meeting',
      cause: null,
      evidenceSensitive: isFailure(cls) && ruleIds.includes('iat-future'),
    };
  }

  private add(s: Share, at: number): void {
    this.counts[s.cls] += 1;
    const failed = isFailure(s.cls);
    if (failed) this.failures++;
    for (const f of s.item.analysis.findings) this.severity(f, 1);
    for (const id of s.ruleIds) {
      const r = this.rules.get(id)!;
      insertSorted(r.holders, at);
      r.counts[OUTCOME_FIELD[s.cls]] += 1;
    }
    if (s.iat !== null) {
      if (!this.iats.has(s.iat) && isFloatQuantized(s.iat)) this.quantizedIats++;
      bump(this.iats, s.iat, 1);
    }
    if (s.cls === 'success') {
      this.successes++;
      for (const id of s.ruleIds) bump(this.successHas, id, 1);
    }
    if (s.point) {
      if (this.pointAt.length === 0 || this.pointAt[this.pointAt.length - 1]! <= at) {
        this.pointAt.push(at);
        this.points.push(s.point);
      } else {
        const i = lowerBound(this.pointAt, at);
        this.pointAt.splice(i, 0, at);
        this.points.splice(i, 0, s.point);
      }
      if (failed) insertSorted(this.failOffsets, s.point.offset);
      else if (s.cls === 'success') insertSorted(this.successOffsets, s.point.offset);
    }
    if (s.endpoint !== null) {
      const row = this.endpoints.get(s.endpoint) ?? { attempts: 0, failures: 0, failures3712: 0, failuresJwt: 0 };
      row.attempts += 1;
      if (failed) row.failures += 1;
      if (s.cls === 'failure-3712' && s.item.attempt.sdk !== 'video') row.failures3712 += 1;
      if (isVideoJwtRefusal(s.item.attempt)) row.failuresJwt += 1;
      this.endpoints.set(s.endpoint, row);
    }
    let sdk = this.sdks.get(s.sdk);
    if (!sdk) this.sdks.set(s.sdk, (sdk = { attempts: 0, failures: 0, successes: 0 }));
    sdk.attempts++;
    if (failed) sdk.failures++;
    else if (s.cls === 'success') sdk.successes++;
    if (failed) {
      insertSorted(this.failureAt, at);
      this.unplaced.push(at);
    }
  }

  private remove(s: Share, at: number): void {
    this.counts[s.cls] -= 1;
    const failed = isFailure(s.cls);
    if (failed) this.failures--;
    for (const f of s.item.analysis.findings) this.severity(f, -1);
    for (const id of s.ruleIds) {
      const r = this.rules.get(id)!;
      removeSorted(r.holders, at);
      r.counts[OUTCOME_FIELD[s.cls]] -= 1;
      if (r.holders.length === 0) this.rules.delete(id);
    }
    if (s.iat !== null) {
      bump(this.iats, s.iat, -1);
      if (!this.iats.has(s.iat) && isFloatQuantized(s.iat)) this.quantizedIats--;
    }
    if (s.cls === 'success') {
      this.successes--;
      for (const id of s.ruleIds) bump(this.successHas, id, -1);
    }
    if (s.point) {
      const i = lowerBound(this.pointAt, at);
      if (this.pointAt[i] === at) {
        this.pointAt.splice(i, 1);
        this.points.splice(i, 1);
      }
      if (failed) removeSorted(this.failOffsets, s.point.offset);
      else if (s.cls === 'success') removeSorted(this.successOffsets, s.point.offset);
    }
    if (s.endpoint !== null) {
      const row = this.endpoints.get(s.endpoint)!;
      row.attempts -= 1;
      if (failed) row.failures -= 1;
      if (s.cls === 'failure-3712' && s.item.attempt.sdk !== 'video') row.failures3712 -= 1;
      if (isVideoJwtRefusal(s.item.attempt)) row.failuresJwt -= 1;
      if (row.attempts === 0) this.endpoints.delete(s.endpoint);
    }
    const sdk = this.sdks.get(s.sdk)!;
    sdk.attempts--;
    if (failed) sdk.failures--;
    else if (s.cls === 'success') sdk.successes--;
    if (sdk.attempts === 0) this.sdks.delete(s.sdk);
    if (failed) {
      removeSorted(this.failureAt, at);
      if (s.cause) this.unplace(s, at);
    }
  }

  private ruleSum(f: Finding): RuleSum {
    let r = this.rules.get(f.id);
    if (!r) {
      r = { holders: [], errors: 0, warnings: 0, infos: 0, counts: { failures3712: 0, failuresOther: 0, silentRefusals: 0, timeouts: 0, successes: 0, pending: 0 } };
      this.rules.set(f.id, r);
    }
    return r;
  }

  private severity(f: Finding, by: 1 | -1): void {
    const r = this.ruleSum(f);
    if (f.severity === 'error') r.errors += by;
    else if (f.severity === 'warning') r.warnings += by;
    else r.infos += by;
  }

  private ruleRows(): RuleOutcomeCounts[] {
    const rows: RuleOutcomeCounts[] = [];
    for (const [id, r] of this.rules) {
      const first = this.shares[r.holders[0]!]!.item.analysis.findings.find((f) => f.id === id)!;
      // correlate() folds moreSevere over every finding of the rule: the most severe one present.
      const severity = r.errors > 0 ? 'error' : r.warnings > 0 ? 'warning' : 'info';
      rows.push({ id, title: first.title, severity, ...r.counts });
    }
    return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Puts a failure with its cause into its group and, when nothing explains it, among the open ones. */
  private place(s: Share, at: number): void {
    const key = s.cause!.key;
    const members = this.groups.get(key);
    if (members) insertSorted(members, at);
    else this.groups.set(key, [at]);
    if (s.cause!.kind === 'cause') return;
    insertSorted(this.open, at);
    const label = codeLabel(s.item.attempt);
    bump(this.openCodes, label, 1);
    if (s.cls === 'failure-3712') {
      this.openByClass['failure-3712']++;
      if (s.item.analysis.secretChecked !== true) this.openByClass['unchecked-3712']++;
    } else if (s.cls === 'failure-other') bump(this.otherCodes, label, 1);
    else if (s.cls === 'timeout') this.openByClass.timeout++;
    else if (s.cls === 'silent-refusal') {
      this.openByClass.silent++;
      const o = s.item.attempt.outcome;
      if (o.kind === 'silent-refusal' && o.reason) {
        const at2 = this.silentReasons.get(o.reason);
        if (at2) insertSorted(at2, at);
        else this.silentReasons.set(o.reason, [at]);
      }
    }
    if (s.point && isNearTolerance(s.point.offset)) insertSorted(this.nearOffsets, s.point.offset);
  }

  private unplace(s: Share, at: number): void {
    const cause = s.cause!;
    s.cause = null;
    const members = this.groups.get(cause.key)!;
    removeSorted(members, at);
    if (members.length === 0) this.groups.delete(cause.key);
    if (cause.kind === 'cause') return;
    removeSorted(this.open, at);
    const label = codeLabel(s.item.attempt);
    bump(this.openCodes, label, -1);
    if (s.cls === 'failure-3712') {
      this.openByClass['failure-3712']--;
      if (s.item.analysis.secretChecked !== true) this.openByClass['unchecked-3712']--;
    } else if (s.cls === 'failure-other') bump(this.otherCodes, label, -1);
    else if (s.cls === 'timeout') this.openByClass.timeout--;
    else if (s.cls === 'silent-refusal') {
      this.openByClass.silent--;
      const o = s.item.attempt.outcome;
      if (o.kind === 'silent-refusal' && o.reason) {
        const holders = this.silentReasons.get(o.reason)!;
        removeSorted(holders, at);
        if (holders.length === 0) this.silentReasons.delete(o.reason);
      }
    }
    if (s.point && isNearTolerance(s.point.offset)) removeSorted(this.nearOffsets, s.point.offset);
  }
}
