/**
 * Ticks for a time axis that may span seconds or days: at round wall-clock instants (every 5 min,
 * every 3 h, each midnight), labelled with the time of day, and with the date wherever the day
 * changes when the span crosses midnight. Equal fractions of the span labelled with the time of day
 * alone read backwards over several days (22 h 13 min apart: 08:00:00, 06:13:16, …). Pure: no DOM;
 * the clock is the page's local one (the panel) or UTC (exports read elsewhere).
 */

export type AxisClock = 'local' | 'utc';

export interface TimeAxisTick {
  /** Epoch ms. */
  at: number;
  /** "14:30", "14:30:15" under a minute apart, or the date when the ticks are whole days. */
  label: string;
  /** The date ("2026-11-02") on the first tick and where the day changes, when the span crosses a day. */
  date: string | null;
}

const S = 1000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Steps that divide a day, so every day's ticks fall at the same times. */
const SUB_DAY_STEPS = [1, 2, 5, 10, 15, 30].map((n) => n * S).concat([1, 2, 5, 10, 15, 30].map((n) => n * MIN), [1, 2, 3, 6, 12].map((n) => n * HOUR));
const DAY_STEPS = [1, 2, 3, 7, 14, 28, 56, 91, 182, 364];

interface Wall {
  y: number;
  mo: number;
  d: number;
  /** ms since the day's midnight on the wall clock. */
  tod: number;
}

function wallOf(ms: number, clock: AxisClock): Wall {
  const t = new Date(ms);
  return clock === 'utc'
    ? { y: t.getUTCFullYear(), mo: t.getUTCMonth(), d: t.getUTCDate(), tod: ((t.getUTCHours() * 60 + t.getUTCMinutes()) * 60 + t.getUTCSeconds()) * S + t.getUTCMilliseconds() }
    : { y: t.getFullYear(), mo: t.getMonth(), d: t.getDate(), tod: ((t.getHours() * 60 + t.getMinutes()) * 60 + t.getSeconds()) * S + t.getMilliseconds() };
}

/** The instant a wall-clock time names (day overflow rolls into the next month, as Date does). */
function instantOf(y: number, mo: number, d: number, tod: number, clock: AxisClock): number {
  const h = Math.floor(tod / HOUR);
  const mi = Math.floor((tod % HOUR) / MIN);
  const s = Math.floor((tod % MIN) / S);
  return clock === 'utc' ? Date.UTC(y, mo, d, h, mi, s) : new Date(y, mo, d, h, mi, s).getTime();
}

const pad = (n: number) => String(n).padStart(2, '0');

export function dateLabel(ms: number, clock: AxisClock): string {
  const w = wallOf(ms, clock);
  return `${w.y}-${pad(w.mo + 1)}-${pad(w.d)}`;
}

function timeLabel(ms: number, clock: AxisClock, seconds: boolean): string {
  const tod = wallOf(ms, clock).tod;
  const hm = `${pad(Math.floor(tod / HOUR))}:${pad(Math.floor((tod % HOUR) / MIN))}`;
  return seconds ? `${hm}:${pad(Math.floor((tod % MIN) / S))}` : hm;
}

/**
 * The instants of one step inside [x0, x1], ascending, or null once there are more than `max`.
 * Wall-clock arithmetic, so local ticks stay on the hour across a DST change (a skipped or
 * repeated instant is dropped, never drawn twice).
 */
function instants(x0: number, x1: number, clock: AxisClock, step: number, days: number, max: number): number[] | null {
  const out: number[] = [];
  const w = wallOf(x0, clock);
  // Whole days start at the first midnight at or after x0; shorter steps at the first multiple of the step.
  let d = days > 0 && w.tod > 0 ? w.d + 1 : w.d;
  let k = days > 0 ? 0 : Math.ceil(w.tod / step);
  // Bounded: each pass either pushes a tick (at most max + 1) or moves to the next day past x1.
  for (let guard = 0; guard < 4 * (max + 2); guard++) {
    let t: number;
    if (days > 0) t = instantOf(w.y, w.mo, d + k * days, 0, clock);
    else if (k * step >= DAY) {
      d += 1;
      k = 0;
      continue;
    } else t = instantOf(w.y, w.mo, d, k * step, clock);
    k += 1;
    if (t > x1) return out;
    if (t < x0 || (out.length > 0 && t <= out[out.length - 1]!)) continue;
    out.push(t);
    if (out.length > max) return null;
  }
  return out;
}

/**
 * At most `maxTicks` ticks at the finest round step that fits, and at least two where any step
 * gives two. Non-finite bounds give no ticks.
 */
export function timeTicks(x0: number, x1: number, maxTicks: number, clock: AxisClock): TimeAxisTick[] {
  if (!Number.isFinite(x0) || !Number.isFinite(x1) || x1 < x0) return [];
  const max = Math.max(1, Math.floor(maxTicks));
  const steps: { step: number; days: number }[] = SUB_DAY_STEPS.map((step) => ({ step, days: 0 })).concat(DAY_STEPS.map((days) => ({ step: days * DAY, days })));
  // The finest step that fits is the answer: a coarser one never gives more ticks (so when the
  // finest gives one tick on a very narrow axis, that one stays).
  let chosen: { at: number[]; step: number; days: number } | null = null;
  for (const s of steps) {
    // Too fine by arithmetic alone: skip without walking the clock.
    if ((x1 - x0) / s.step > max + 1) continue;
    const at = instants(x0, x1, clock, s.step, s.days, max);
    if (at) {
      chosen = { at, ...s };
      break;
    }
  }
  if (!chosen) return [];
  const crossesDay = dateLabel(x0, clock) !== dateLabel(x1, clock);
  const { step, days } = chosen;
  let lastDate = '';
  return chosen.at.map((at) => {
    const date = dateLabel(at, clock);
    if (days > 0) return { at, label: date, date: null };
    const showDate = crossesDay && date !== lastDate;
    lastDate = date;
    return { at, label: timeLabel(at, clock, step < MIN), date: showDate ? date : null };
  });
}

/** "UTC", or the page's zone: "local time (Europe/Berlin, UTC+01:00)", both offsets when DST changes within the span. */
export function zoneLabel(x0: number, x1: number, clock: AxisClock): string {
  if (clock === 'utc') return 'UTC';
  const offset = (ms: number) => {
    const m = -new Date(ms).getTimezoneOffset();
    return `UTC${m < 0 ? '−' : '+'}${pad(Math.floor(Math.abs(m) / 60))}:${pad(Math.abs(m) % 60)}`;
  };
  const a = Number.isFinite(x0) ? offset(x0) : offset(Date.now());
  const b = Number.isFinite(x1) ? offset(x1) : a;
  const offsets = a === b ? a : `${a} → ${b}`;
  let name = '';
  try {
    name = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    // No Intl time zone data: the offset alone still says which clock.
  }
  // A zone that is UTC needs no offset beside its name.
  if (/^(Etc\/)?(UTC|GMT|Universal|Zulu)$/.test(name) && offsets === 'UTC+00:00') return 'local time (UTC)';
  return name ? `local time (${name}, ${offsets})` : `local time (${offsets})`;
}
