/**
 * The join log's columns, like the Network panel's: which are shown and how wide, chosen from the
 * log pane's width until the user picks otherwise in the header's context menu or drags an edge.
 * Pure functions; the JoinLog component measures the pane and keeps the user's choices.
 */
export type LogColumn = 'time' | 'api' | 'meeting' | 'outcome' | 'finding' | 'issuer';
export const LOG_COLUMNS: readonly LogColumn[] = ['time', 'api', 'meeting', 'outcome', 'finding', 'issuer'];

export const COLUMN_LABEL: Record<LogColumn, string> = {
  time: 'Time (Δ Zoom)',
  api: 'API',
  meeting: 'Meeting',
  outcome: 'Outcome',
  finding: 'Cause',
  issuer: 'Issued by',
};

/** What the user changed; anything absent follows the width-based defaults. */
export interface ColumnPrefs {
  visible: Partial<Record<LogColumn, boolean>>;
  /** Widths in px set by dragging a header edge. */
  widths: Partial<Record<LogColumn, number>>;
}

export const EMPTY_COLUMN_PREFS: ColumnPrefs = { visible: {}, widths: {} };

/** Below this log-pane width the outcome column shows the code only (message in its tooltip). */
export const NARROW_LOG_PX = 520;
/** Below this the API column (it repeats "ZoomMtg.join") is hidden by default. */
export const MEDIUM_LOG_PX = 860;
export const MIN_COLUMN_PX = 36;
export const MAX_COLUMN_PX = 900;

export interface ColumnLayout {
  columns: LogColumn[];
  /** CSS grid-template-columns for the header and every row. */
  template: string;
  /** Outcome as code only. */
  compactOutcome: boolean;
}

function defaultVisible(c: LogColumn, width: number): boolean {
  if (c === 'api') return width >= MEDIUM_LOG_PX;
  if (c === 'issuer') return width >= NARROW_LOG_PX - 100;
  return true;
}

/** Default track per column; flexible ones share what is left, the finding first. */
function defaultTrack(c: LogColumn, compactOutcome: boolean, withDates: boolean): string {
  switch (c) {
    case 'time':
      return withDates ? '172px' : '126px';
    case 'api':
      return '104px';
    case 'meeting':
      return '92px';
    case 'outcome':
      return compactOutcome ? '52px' : 'minmax(90px, 1.3fr)';
    case 'finding':
      return 'minmax(90px, 2fr)';
    case 'issuer':
      return 'minmax(60px, 1fr)';
  }
}

export function columnLayout(width: number, prefs: ColumnPrefs, opts: { withDates?: boolean } = {}): ColumnLayout {
  const w = width > 0 ? width : MEDIUM_LOG_PX;
  const compactOutcome = w < NARROW_LOG_PX;
  let columns = LOG_COLUMNS.filter((c) => prefs.visible[c] ?? defaultVisible(c, w));
  // Hiding every column would leave an unusable log: the outcome always stays.
  if (columns.length === 0) columns = ['outcome'];
  const tracks = columns.map((c) => {
    const px = prefs.widths[c];
    return typeof px === 'number' ? `${clampWidth(px)}px` : defaultTrack(c, compactOutcome, opts.withDates === true);
  });
  // The last column takes any leftover space, so a pane wider than the columns has no dead strip.
  const last = tracks.length - 1;
  if (!/fr\)?$/.test(tracks[last]!)) tracks[last] = `minmax(${tracks[last]}, 1fr)`;
  return { columns, template: tracks.join(' '), compactOutcome };
}

export function clampWidth(px: number): number {
  return Math.round(Math.min(MAX_COLUMN_PX, Math.max(MIN_COLUMN_PX, px)));
}

export function toggleColumn(prefs: ColumnPrefs, c: LogColumn, shown: boolean): ColumnPrefs {
  return { ...prefs, visible: { ...prefs.visible, [c]: shown } };
}

export function resizeColumn(prefs: ColumnPrefs, c: LogColumn, px: number): ColumnPrefs {
  return { ...prefs, widths: { ...prefs.widths, [c]: clampWidth(px) } };
}

const STORAGE_KEY = 'join-doctor.log-columns.v1';

/** The user's column choices from the panel's localStorage; defaults on anything unexpected. */
export function loadColumnPrefs(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ColumnPrefs {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return EMPTY_COLUMN_PREFS;
    const v = JSON.parse(raw) as Partial<ColumnPrefs>;
    const visible: ColumnPrefs['visible'] = {};
    const widths: ColumnPrefs['widths'] = {};
    for (const c of LOG_COLUMNS) {
      if (typeof v.visible?.[c] === 'boolean') visible[c] = v.visible[c];
      const px = v.widths?.[c];
      if (typeof px === 'number' && Number.isFinite(px)) widths[c] = clampWidth(px);
    }
    return { visible, widths };
  } catch {
    return EMPTY_COLUMN_PREFS;
  }
}

export function saveColumnPrefs(prefs: ColumnPrefs, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // A full or disabled storage only costs the user their column choice next time.
  }
}
