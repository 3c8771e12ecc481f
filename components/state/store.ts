/**
 * The panel's one store. Everything the UI shows comes from here; the capture connection and the
 * HAR import only ever call its actions. The SDK secret is deliberately NOT in this store: it
 * lives in the Verify-with-secret form's component state only, so no export or snapshot can
 * ever reach it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LogSort } from './sort';
import { useStore } from 'zustand';
import { createContext, useContext } from 'react';
import type { JoinAttempt, Outcome } from '../../lib/model/attempt';
import type { CaptureStats, ClockInfo, IssuanceRecord, TabSnapshot } from '../../lib/protocol';
import { deriveSessionIndex } from './session-index';
import { forgetClearedJoins } from './analysis';

export type OutcomeKind = Outcome['kind'];
export const OUTCOME_KINDS: readonly OutcomeKind[] = ['success', 'failure', 'silent-refusal', 'timeout', 'superseded', 'pending'];

export type ConnectionStatus =
  /** Waiting for the background's first snapshot. */
  | 'connecting'
  | 'live'
  /** The port dropped; the connection is retrying. */
  | 'reconnecting'
  /** No inspected tab (the panel page was opened on its own without ?tabId=). */
  | 'no-tab'
  | 'error';

export interface LiveSession {
  attempts: JoinAttempt[];
  pageUrl: string | null;
  preserveLog: boolean;
  stats: CaptureStats;
  issuances: IssuanceRecord[];
  clock: ClockInfo | null;
  /** What the background last sent: this tab, or every tab of the page's site. */
  scope: CaptureScope;
  /** Scheme and registrable domain of the inspected page (null for non-web pages). */
  site: string | null;
  /** Tabs whose joins are shown. */
  tabs: number;
  /** Tokens this tab's endpoint returned that joins in other tabs used. */
  issuedUsedElsewhere: number;
}

export type CaptureScope = 'tab' | 'site';

/** A session read from a file. Kept apart from live capture and never merged into it. */
export interface ImportedSession {
  fileName: string;
  /** What was opened (absent: a HAR, as the panel's Import always made). */
  kind?: 'har' | 'export' | 'tokens';
  importedAt: number;
  attempts: JoinAttempt[];
  /** What the reader could not use (entries skipped and why), shown to the user. */
  warnings: string[];
}

export interface LogFilter {
  /** Empty: every outcome. */
  outcomes: OutcomeKind[];
  /** The filter box, in the Network panel's syntax (components/state/filter-syntax.ts). */
  text: string;
}

export type PanelView = 'log' | 'correlation' | 'reproduce';
/**
 * Where the UI runs: the DevTools panel (live capture from the background, plus imports), or the
 * triage page (entrypoints/triage: a static page and the extension's toolbar page) that only
 * imports files and pasted tokens and never talks to a background or the network.
 */
export type PanelHost = 'panel' | 'page';

/** A HAR being read: shown with a progress bar and Cancel (components/ReadingProgress.tsx). */
export interface ReadingProgress {
  fileName: string;
  /** What is being done to the file (default: reading it). */
  doing?: 'Reading' | 'Sanitizing';
  /** Bytes read so far, and the file's size. */
  bytes: number;
  total: number;
}
export type SessionSource = 'live' | 'imported';

/** What the panel can ask the background to do; set by the connection once it exists. */
export interface CaptureCommands {
  clear(): void;
  setPreserveLog(on: boolean): void;
  setScope?(scope: CaptureScope): void;
}

export interface PanelState {
  host: PanelHost;
  connection: { status: ConnectionStatus; message: string | null };
  live: LiveSession;
  imported: ImportedSession | null;
  source: SessionSource;
  selectedId: string | null;
  filter: LogFilter;
  /** The log's sort column, null for capture order. */
  sort: LogSort | null;
  /** Rows the log shows after filtering (the toolbar's "4 / 106"), set by the log. */
  shownCount: number;
  view: PanelView;
  commands: CaptureCommands | null;
  /** Why the last HAR import failed, shown in a dismissible banner under the toolbar. */
  importError: string | null;
  /** The HAR being read, null when none. */
  reading: ReadingProgress | null;
  /** Bumped on every attempts change, so derived lists can be memoised on it. */
  revision: number;
}

export interface PanelActions {
  setConnection(status: ConnectionStatus, message?: string | null): void;
  setCommands(commands: CaptureCommands | null): void;
  loadSnapshot(snapshot: TabSnapshot): void;
  /** Adds new attempts and replaces changed ones (same id) in place. */
  upsertAttempts(attempts: readonly JoinAttempt[]): void;
  setStats(stats: CaptureStats): void;
  /** The background cleared the log (user request or navigation without preserve log). */
  cleared(): void;
  navigated(url: string): void;
  addIssuance(issuance: IssuanceRecord): void;
  preserveLogChanged(on: boolean): void;
  /** User actions: applied locally at once, then sent to the background. */
  clearLog(): void;
  togglePreserveLog(on: boolean): void;
  /** Shows this tab's joins or every tab's of the site; the background answers with a snapshot. */
  setScope(scope: CaptureScope): void;
  select(id: string | null): void;
  setFilter(patch: Partial<LogFilter>): void;
  setSort(sort: LogSort | null): void;
  setShownCount(n: number): void;
  setView(view: PanelView): void;
  importSession(session: ImportedSession): void;
  setImportError(message: string | null): void;
  setReading(reading: ReadingProgress | null): void;
  showSource(source: SessionSource): void;
  closeImported(): void;
}

export type PanelStore = PanelState & PanelActions;

export const EMPTY_STATS: CaptureStats = {
  attempts: 0,
  dropped: 0,
  rejected: {},
  rejectedTotal: 0,
  hookErrors: 0,
  failed: 0,
};

function emptyLive(): LiveSession {
  return { attempts: [], pageUrl: null, preserveLog: false, stats: EMPTY_STATS, issuances: [], clock: null, scope: 'tab', site: null, tabs: 1, issuedUsedElsewhere: 0 };
}

export function createPanelStore(initial?: Partial<PanelState>): StoreApi<PanelStore> {
  // Position of each live attempt by id. Kept outside the state object: it is an index for
  // upserts, never rendered, and copying a 10,000-entry map per appended attempt would cost more
  // than the append itself.
  let indexById = new Map<string, number>();
  const reindex = (attempts: readonly JoinAttempt[]) => {
    indexById = new Map(attempts.map((a, i) => [a.id, i]));
  };

  const store = createStore<PanelStore>()((set, get) => ({
    host: 'panel',
    connection: { status: 'connecting', message: null },
    live: emptyLive(),
    imported: null,
    source: 'live',
    selectedId: null,
    filter: { outcomes: [], text: '' },
    sort: null,
    shownCount: 0,
    view: 'log',
    commands: null,
    importError: null,
    reading: null,
    revision: 0,
    ...initial,

    setConnection: (status, message = null) => set({ connection: { status, message } }),
    setCommands: (commands) => set({ commands }),

    loadSnapshot: (snapshot) => {
      const attempts = snapshot.attempts.slice();
      reindex(attempts);
      const s = get();
      set({
        connection: { status: 'live', message: null },
        live: {
          attempts,
          pageUrl: snapshot.pageUrl,
          preserveLog: snapshot.preserveLog,
          stats: snapshot.stats,
          issuances: snapshot.issuances.slice(),
          clock: snapshot.clock,
          scope: snapshot.scope ?? 'tab',
          site: snapshot.site ?? null,
          tabs: snapshot.tabs ?? 1,
          issuedUsedElsewhere: snapshot.issuedUsedElsewhere ?? 0,
        },
        selectedId: s.source === 'live' && s.selectedId && !indexById.has(s.selectedId) ? null : s.selectedId,
        revision: s.revision + 1,
      });
    },

    upsertAttempts: (incoming) => {
      if (incoming.length === 0) return;
      const s = get();
      const prev = s.live.attempts;
      const attempts = prev.slice();
      const replaced = new Map<number, JoinAttempt>();
      for (const a of incoming) {
        const at = indexById.get(a.id);
        if (at === undefined) {
          indexById.set(a.id, attempts.length);
          attempts.push(a);
        } else {
          // Replaced twice in one batch: the index moves from what the old list held.
          if (at < prev.length && !replaced.has(at)) replaced.set(at, prev[at]!);
          attempts[at] = a;
        }
      }
      // Before anyone renders the new list: its counts, positions and chains move on from the old one's.
      deriveSessionIndex(prev, attempts, [...replaced].map(([at, old]) => ({ at, old })), prev.length);
      set({ live: { ...s.live, attempts }, revision: s.revision + 1 });
    },

    setStats: (stats) => set((s) => ({ live: { ...s.live, stats } })),

    cleared: () => {
      indexById = new Map();
      forgetClearedJoins();
      set((s) => ({
        live: { ...s.live, attempts: [], issuances: [], stats: { ...s.live.stats, attempts: 0, failed: 0 } },
        selectedId: s.source === 'live' ? null : s.selectedId,
        revision: s.revision + 1,
      }));
    },

    navigated: (url) => set((s) => ({ live: { ...s.live, pageUrl: url } })),

    addIssuance: (issuance) => set((s) => ({ live: { ...s.live, issuances: [...s.live.issuances, issuance] } })),

    preserveLogChanged: (on) => set((s) => ({ live: { ...s.live, preserveLog: on } })),

    clearLog: () => {
      get().cleared();
      get().commands?.clear();
    },

    togglePreserveLog: (on) => {
      get().preserveLogChanged(on);
      get().commands?.setPreserveLog(on);
    },

    setScope: (scope) => {
      if (get().live.scope === scope) return;
      set((s) => ({ live: { ...s.live, scope } }));
      get().commands?.setScope?.(scope);
    },

    select: (id) => set({ selectedId: id }),

    setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),

    setSort: (sort) => set({ sort }),

    setShownCount: (shownCount) => set((s) => (s.shownCount === shownCount ? {} : { shownCount })),

    setView: (view) => set({ view }),

    importSession: (session) =>
      set((s) => ({ imported: session, source: 'imported', selectedId: null, importError: null, revision: s.revision + 1 })),

    setImportError: (importError) => set({ importError }),

    setReading: (reading) => set({ reading }),

    showSource: (source) =>
      set((s) => (s.source === source || (source === 'imported' && !s.imported) ? {} : { source, selectedId: null })),

    closeImported: () => set((s) => ({ imported: null, source: 'live', selectedId: null, revision: s.revision + 1 })),
  }));
  return store;
}

/** The panel's store instance. Tests and the benchmark build their own with createPanelStore. */
export const panelStore = createPanelStore();


export const PanelStoreContext = createContext<StoreApi<PanelStore>>(panelStore);

export function usePanel<T>(selector: (s: PanelStore) => T): T {
  return useStore(useContext(PanelStoreContext), selector);
}

export function usePanelStoreApi(): StoreApi<PanelStore> {
  return useContext(PanelStoreContext);
}
