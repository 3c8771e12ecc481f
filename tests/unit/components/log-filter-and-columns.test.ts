import { describe, expect, it } from 'vitest';
import { filterAttempts } from '../../../components/state/selectors';
import { parseFilter } from '../../../components/state/filter-syntax';
import { nextSort, sortAttempts } from '../../../components/state/sort';
import { columnLayout, loadColumnPrefs, resizeColumn, saveColumnPrefs, toggleColumn, EMPTY_COLUMN_PREFS } from '../../../components/state/columns';
import { anyOtherDay, attemptLabel, logTime } from '../../../components/state/format';
import type { Finding } from '../../../lib/rules/types';
import type { JoinAttempt } from '../../../lib/model/attempt';
import type { FindingId } from '../../../lib/rules/ids';

const f = (id: FindingId): Finding => ({ id, severity: 'error', title: id, message: id, fix: '' });
const attempt = (id: string): JoinAttempt => ({ id, api: 'client-view', signature: 'x', calledAt: 0, outcome: { kind: 'success' } });

describe('the filter box speaks the Network panel’s syntax', () => {
  const fa = (id: string, over: Partial<JoinAttempt> = {}): JoinAttempt => ({ ...attempt(id), ...over });
  const ok = fa('ok', { meetingNumber: '85746352163' });
  const bad = fa('bad', { meetingNumber: '85746352163', outcome: { kind: 'failure', code: 3712, message: 'Signature is invalid.', serverMessage: 'Invalid signature.' } });
  const other = fa('other', { meetingNumber: '111', outcome: { kind: 'failure', code: 3707, message: 'Meeting not found.' } });
  const video = fa('video', { sdk: 'video', topic: 'Daily Standup', outcome: { kind: 'failure', code: 200, message: 'Verify JWT failed' } });
  const all = [ok, bad, other, video];
  const findings = (x: JoinAttempt) => (x.id === 'bad' ? [f('iat-future'), f('iat-quantized')] : x.id === 'other' ? [f('iat-future')] : []);
  const rows = (text: string) => filterAttempts(all, { outcomes: [], text }, findings).map((a) => a.id);

  it('"-3712" hides the 3712s and "status:3712" keeps only them (both gave 0 rows before)', () => {
    expect(rows('-3712')).toEqual(['ok', 'other', 'video']);
    expect(rows('status:3712')).toEqual(['bad']);
    expect(rows('-status:3712')).toEqual(['ok', 'other', 'video']);
    expect(rows('status:success')).toEqual(['ok']);
  });
  it('rule: takes id prefixes and negation: "rule:iat -rule:iat-quantized"', () => {
    expect(rows('rule:iat')).toEqual(['bad', 'other']);
    expect(rows('rule:iat -rule:iat-q')).toEqual(['other']);
    expect(rows('-rule:iat')).toEqual(['ok', 'video']);
  });
  it('sdk: and meeting: pick the SDK and the meeting (or topic); terms AND together', () => {
    expect(rows('sdk:video')).toEqual(['video']);
    expect(rows('sdk:m status:failure')).toEqual(['bad', 'other']);
    expect(rows('meeting:8574')).toEqual(['ok', 'bad']);
    expect(rows('meeting:standup')).toEqual(['video']);
  });
  it('plain text searches what the row shows and the finding ids; an unknown key is text; a lone "-" or spaces filter nothing', () => {
    expect(rows('invalid')).toEqual(['bad']);
    expect(rows('quantized')).toEqual(['bad']);
    expect(rows('foo:bar')).toEqual([]);
    expect(filterAttempts(all, { outcomes: [], text: ' - ' }, findings)).toBe(all);
    expect(parseFilter('-STATUS:3712 Rule:IAT x')).toEqual([
      { key: 'status', value: '3712', negate: true },
      { key: 'rule', value: 'iat', negate: false },
      { key: 'text', value: 'x', negate: false },
    ]);
  });
  it('a pasted wall of text is cut to 64 terms, not looped over', () => {
    expect(parseFilter('a '.repeat(10_000))).toHaveLength(64);
  });
});

describe('sorting the log by a column, like clicking a Network panel header', () => {
  const at = (id: string, calledAt: number, outcome: JoinAttempt['outcome']): JoinAttempt => ({ ...attempt(id), calledAt, outcome });
  const a = at('a', 3, { kind: 'success' });
  const b = at('b', 1, { kind: 'failure', code: 3712, message: null });
  const c = at('c', 2, { kind: 'failure', code: 3705, message: null });
  const cause = (x: JoinAttempt) => ({ a: '', b: 'token looks valid: check the secret', c: 'the signature had expired' })[x.id as 'a'] ?? '';
  it('a header click cycles ascending, descending, capture order', () => {
    let s = nextSort(null, 'time');
    expect(s).toEqual({ column: 'time', dir: 'asc' });
    s = nextSort(s, 'time');
    expect(s).toEqual({ column: 'time', dir: 'desc' });
    expect(nextSort(s, 'time')).toBeNull();
    expect(nextSort(s, 'outcome')).toEqual({ column: 'outcome', dir: 'asc' });
  });
  it('by time, by outcome (failures first, by code) and by cause; equal keys keep capture order', () => {
    const ids = (s: Parameters<typeof sortAttempts>[1]) => sortAttempts([a, b, c], s, cause).map((x) => x.id);
    expect(ids({ column: 'time', dir: 'asc' })).toEqual(['b', 'c', 'a']);
    expect(ids({ column: 'time', dir: 'desc' })).toEqual(['a', 'c', 'b']);
    expect(ids({ column: 'outcome', dir: 'asc' })).toEqual(['c', 'b', 'a']);
    expect(ids({ column: 'finding', dir: 'asc' })).toEqual(['a', 'c', 'b']);
    expect(ids(null)).toEqual(['a', 'b', 'c']);
    const same = [at('x', 5, { kind: 'success' }), at('y', 5, { kind: 'success' })];
    expect(sortAttempts(same, { column: 'time', dir: 'desc' }, cause).map((x) => x.id)).toEqual(['x', 'y']);
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
