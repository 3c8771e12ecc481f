import { describe, expect, it, vi } from 'vitest';
import { createPanelStore, EMPTY_STATS } from '../../../components/state/store';
import { analysisOf } from '../../../components/state/analysis';
import { filterAttempts, nextSelection, selectActiveAttempts } from '../../../components/state/selectors';
import type { Finding } from '../../../lib/rules/types';
import type { TabSnapshot } from '../../../lib/protocol';
import { INVALID_SIGNATURE, makeAttempt } from './fixtures';
import type { FindingId } from '../../../lib/rules/ids';

const snapshot = (attempts = [makeAttempt('x.y.z'), makeAttempt('x.y.z')]): TabSnapshot => ({
  tabId: 1,
  pageUrl: 'https://app.example.test/',
  preserveLog: false,
  attempts,
  stats: { ...EMPTY_STATS, attempts: attempts.length },
  issuances: [],
  clock: null,
});

describe('panel store', () => {
  it('a settled attempt replaces its pending row instead of adding a second one', () => {
    const store = createPanelStore();
    const pending = makeAttempt('t', { outcome: { kind: 'pending' } });
    store.getState().loadSnapshot(snapshot([pending]));
    store.getState().upsertAttempts([{ ...pending, outcome: INVALID_SIGNATURE }]);
    const list = store.getState().live.attempts;
    expect(list).toHaveLength(1);
    expect(list[0]?.outcome.kind).toBe('failure');
  });

  it('new attempts are appended in arrival order after a snapshot', () => {
    const store = createPanelStore();
    store.getState().loadSnapshot(snapshot());
    const fresh = makeAttempt('t');
    store.getState().upsertAttempts([fresh]);
    expect(store.getState().live.attempts.at(-1)?.id).toBe(fresh.id);
    expect(store.getState().live.attempts).toHaveLength(3);
    expect(store.getState().connection.status).toBe('live');
  });

  it('after Clear, the signatures of the cleared joins are no longer kept for sharing (they are credentials for up to 48 h)', () => {
    const store = createPanelStore();
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJhcHBLZXkiOiJLIn0.c2ln';
    const first = makeAttempt(token);
    store.getState().loadSnapshot(snapshot([first]));
    // Two joins that sent the same signature share one decoded token while the session lasts...
    expect(analysisOf(makeAttempt(token)).token).toBe(analysisOf(first).token);
    store.getState().cleared();
    // ...and a join after Clear decodes it afresh: the memo went with the log.
    const after = makeAttempt(token);
    expect(analysisOf(after).token).not.toBe(analysisOf(first).token);
    expect(analysisOf(after).token).toEqual(analysisOf(first).token);
  });

  it('clear empties the log at once and asks the background to clear too (like DevTools)', () => {
    const clear = vi.fn();
    const setPreserveLog = vi.fn();
    const store = createPanelStore();
    store.getState().setCommands({ clear, setPreserveLog });
    store.getState().loadSnapshot(snapshot());
    store.getState().select(store.getState().live.attempts[0]!.id);
    store.getState().clearLog();
    expect(store.getState().live.attempts).toHaveLength(0);
    expect(store.getState().selectedId).toBeNull();
    expect(clear).toHaveBeenCalledOnce();
    // After a clear, the same id arriving again is a new row, not an update of a stale index.
    store.getState().upsertAttempts([makeAttempt('t', { id: 'again' })]);
    expect(store.getState().live.attempts.map((a) => a.id)).toEqual(['again']);
  });

  it('preserve log is sent to the background and reflected at once', () => {
    const setPreserveLog = vi.fn();
    const store = createPanelStore();
    store.getState().setCommands({ clear: vi.fn(), setPreserveLog });
    store.getState().togglePreserveLog(true);
    expect(store.getState().live.preserveLog).toBe(true);
    expect(setPreserveLog).toHaveBeenCalledWith(true);
  });

  it('the scope switch asks the background once, and the snapshot it answers with sets the "used in other tabs" count', () => {
    const setScope = vi.fn();
    const store = createPanelStore();
    store.getState().setCommands({ clear: vi.fn(), setPreserveLog: vi.fn(), setScope });
    store.getState().loadSnapshot({ ...snapshot(), scope: 'tab', site: 'http://127.0.0.1', tabs: 1, issuedUsedElsewhere: 6 });
    expect(store.getState().live).toMatchObject({ scope: 'tab', issuedUsedElsewhere: 6 });
    store.getState().setScope('site');
    store.getState().setScope('site');
    expect(setScope).toHaveBeenCalledOnce();
    expect(store.getState().live.scope).toBe('site');
    // A background from before scopes sends no scope fields: this tab, nothing elsewhere.
    store.getState().loadSnapshot(snapshot());
    expect(store.getState().live).toMatchObject({ scope: 'tab', tabs: 1, issuedUsedElsewhere: 0 });
  });

  it('an imported HAR session is shown apart from live capture and never merged into it', () => {
    const store = createPanelStore();
    store.getState().loadSnapshot(snapshot());
    const imported = [makeAttempt('h', { api: 'wire', method: 'wc/info' })];
    store.getState().importSession({ fileName: 'customer.har', importedAt: 0, attempts: imported, warnings: [] });
    expect(selectActiveAttempts(store.getState())).toBe(imported);
    // Live updates keep flowing into the live session while the file is shown.
    store.getState().upsertAttempts([makeAttempt('t')]);
    expect(store.getState().live.attempts).toHaveLength(3);
    expect(selectActiveAttempts(store.getState())).toHaveLength(1);
    store.getState().closeImported();
    expect(selectActiveAttempts(store.getState())).toHaveLength(3);
  });
});

describe('log filtering', () => {
  const ok = makeAttempt('t', { meetingNumber: '111' });
  const bad = makeAttempt('t', { outcome: INVALID_SIGNATURE, meetingNumber: '222' });
  const silent = makeAttempt('t', { outcome: { kind: 'silent-refusal', reason: 'no appKey in the signature' } });
  const finding = (id: FindingId): Finding => ({ id, severity: 'error', title: id, message: '', fix: '' });
  const findingsOf = (a: { id: string }) => (a.id === bad.id ? [finding('iat-future')] : a.id === silent.id ? [finding('app-key-missing')] : []);

  it('filtering by the 3712 outcome keeps only failures', () => {
    expect(filterAttempts([ok, bad, silent], { outcomes: ['failure'], text: '' }, findingsOf)).toEqual([bad]);
  });
  it('filtering by rule id finds the attempts carrying that finding', () => {
    expect(filterAttempts([ok, bad, silent], { outcomes: [], text: 'rule:app-key-missing' }, findingsOf)).toEqual([silent]);
  });
  it('text filter matches the meeting number and the Zoom message', () => {
    expect(filterAttempts([ok, bad, silent], { outcomes: [], text: '222' }, findingsOf)).toEqual([bad]);
    expect(filterAttempts([ok, bad, silent], { outcomes: [], text: 'invalid signature' }, findingsOf)).toEqual([bad]);
  });
  it('no filter returns the list itself, so 10,000 rows are not copied on each render', () => {
    const list = [ok, bad];
    expect(filterAttempts(list, { outcomes: [], text: ' ' }, findingsOf)).toBe(list);
  });
});

describe('keyboard navigation', () => {
  const rows = [makeAttempt('t'), makeAttempt('t'), makeAttempt('t')];
  it('down from nothing selects the first row, up selects the last', () => {
    expect(nextSelection(rows, null, 'down')).toBe(rows[0]!.id);
    expect(nextSelection(rows, null, 'up')).toBe(rows[2]!.id);
  });
  it('stops at the ends instead of wrapping', () => {
    expect(nextSelection(rows, rows[2]!.id, 'down')).toBe(rows[2]!.id);
    expect(nextSelection(rows, rows[0]!.id, 'up')).toBe(rows[0]!.id);
  });
  it('home and end jump', () => {
    expect(nextSelection(rows, rows[1]!.id, 'home')).toBe(rows[0]!.id);
    expect(nextSelection(rows, rows[1]!.id, 'end')).toBe(rows[2]!.id);
  });
  it('an empty log selects nothing', () => {
    expect(nextSelection([], 'a', 'down')).toBeNull();
  });
});
