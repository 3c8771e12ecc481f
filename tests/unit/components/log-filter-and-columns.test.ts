import { describe, expect, it } from 'vitest';
import { filterAttempts, parseRuleFilter, ruleFilterMatches } from '../../../components/state/selectors';
import { columnLayout, loadColumnPrefs, resizeColumn, saveColumnPrefs, toggleColumn, EMPTY_COLUMN_PREFS } from '../../../components/state/columns';
import { anyOtherDay, attemptLabel, logTime } from '../../../components/state/format';
import type { Finding } from '../../../lib/rules/types';
import type { JoinAttempt } from '../../../lib/model/attempt';

const f = (id: string): Finding => ({ id, severity: 'error', title: id, message: id, fix: '' });
const attempt = (id: string): JoinAttempt => ({ id, api: 'client-view', signature: 'x', calledAt: 0, outcome: { kind: 'success' } });

describe('rule filter syntax (like the Network panel filter)', () => {
  it('"iat" is a prefix: it matches iat-future and iat-quantized (the exact id was needed before)', () => {
    const rf = parseRuleFilter('iat');
    expect(ruleFilterMatches(rf, [f('iat-future')])).toBe(true);
    expect(ruleFilterMatches(rf, [f('iat-quantized')])).toBe(true);
    expect(ruleFilterMatches(rf, [f('mn-mismatch')])).toBe(false);
  });

  it('"-iat-quantized" hides attempts that carry it; terms combine, separated by spaces or commas', () => {
    const rf = parseRuleFilter('  IAT, -iat-quantized ');
    expect(rf).toMatchObject({ include: ['iat'], exclude: ['iat-quantized'] });
    expect(ruleFilterMatches(rf, [f('iat-future')])).toBe(true);
    expect(ruleFilterMatches(rf, [f('iat-future'), f('iat-quantized')])).toBe(false);
    expect(ruleFilterMatches(parseRuleFilter('-token'), [])).toBe(true);
  });

  it('a lone "-" or spaces filter nothing, and the log filter uses the syntax', () => {
    expect(parseRuleFilter(' - ').empty).toBe(true);
    const a = attempt('a');
    const b = attempt('b');
    const findings = (x: JoinAttempt) => (x.id === 'a' ? [f('iat-future'), f('iat-quantized')] : [f('iat-future')]);
    expect(filterAttempts([a, b], { outcomes: [], ruleId: 'iat -iat-q', text: '' }, findings)).toEqual([b]);
  });
});

describe('log columns per width and from the header menu', () => {
  it('wide: every column; docked at 554 px the API column (always "ZoomMtg.join") goes; at 409 px the outcome is its code', () => {
    expect(columnLayout(1000, EMPTY_COLUMN_PREFS).columns).toEqual(['time', 'api', 'meeting', 'outcome', 'finding', 'issuer']);
    const mid = columnLayout(554, EMPTY_COLUMN_PREFS);
    expect(mid.columns).not.toContain('api');
    expect(mid.compactOutcome).toBe(false);
    const narrow = columnLayout(409, EMPTY_COLUMN_PREFS);
    expect(narrow.compactOutcome).toBe(true);
    expect(narrow.columns).not.toContain('issuer');
    expect(narrow.columns).toContain('finding');
  });

  it("the user's choice beats the width default, widths are clamped, and hiding everything keeps the outcome", () => {
    let prefs = toggleColumn(EMPTY_COLUMN_PREFS, 'api', true);
    expect(columnLayout(409, prefs).columns).toContain('api');
    prefs = resizeColumn(prefs, 'time', 5);
    expect(columnLayout(1000, prefs).template.startsWith('36px ')).toBe(true);
    let none = EMPTY_COLUMN_PREFS;
    for (const c of ['time', 'api', 'meeting', 'outcome', 'finding', 'issuer'] as const) none = toggleColumn(none, c, false);
    expect(columnLayout(1000, none).columns).toEqual(['outcome']);
  });

  it('choices survive a reload through localStorage, and garbage there is ignored', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveColumnPrefs(resizeColumn(toggleColumn(EMPTY_COLUMN_PREFS, 'issuer', false), 'finding', 240), storage);
    expect(loadColumnPrefs(storage)).toEqual({ visible: { issuer: false }, widths: { finding: 240 } });
    store.set([...store.keys()][0]!, '{"visible":{"time":"yes"},"widths":{"api":"wide"}}');
    expect(loadColumnPrefs(storage)).toEqual({ visible: {}, widths: {} });
    store.set([...store.keys()][0]!, 'not json');
    expect(loadColumnPrefs(storage)).toEqual(EMPTY_COLUMN_PREFS);
  });
});

describe('times in the log', () => {
  const now = new Date(2026, 10, 30, 21, 0, 0).getTime();
  it('an imported HAR row from another day shows its date; today shows the time only', () => {
    expect(logTime(new Date(2026, 10, 30, 19, 5, 33).getTime(), now)).toBe('19:05:33');
    expect(logTime(new Date(2026, 10, 27, 19, 5, 33).getTime(), now)).toBe('2026-11-27 19:05:33');
    expect(anyOtherDay([now, new Date(2026, 10, 27).getTime()], now)).toBe(true);
    expect(anyOtherDay([now - 1000], now)).toBe(false);
  });

  it('an attempt is named "#5 19:05:33 3712" outside the log, not by its id', () => {
    const at = new Date(2026, 10, 30, 19, 5, 33).getTime();
    expect(attemptLabel(4, at, { kind: 'failure', code: 3712, message: null }, now)).toBe('#5 19:05:33 3712');
    expect(attemptLabel(0, at, { kind: 'silent-refusal', reason: 'no appKey' }, now)).toBe('#1 19:05:33 silent refusal');
  });
});
