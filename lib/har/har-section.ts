/** Sentences about what a HAR import holds beyond the attempts: Zoom's clock, and what was missing. */
import type { HarImport } from './types';
import { mdCode, mdText } from '../report/markdown-text';

const sec = (ms: number) => (Math.abs(ms) / 1000).toFixed(1);
const signed = (ms: number) => `${ms >= 0 ? '+' : '−'}${sec(ms)}`;

/** The join request each SDK sends (the one whose answer times a join): wc/info, wc/lsdk, or both. */
function joinRequests(attempts: HarImport['attempts']): string {
  let meeting = false;
  let video = false;
  for (const a of attempts) {
    if (a.sdk === 'video') video = true;
    else meeting = true;
  }
  return video && meeting ? 'wc/info or wc/lsdk' : video ? 'wc/lsdk' : 'wc/info';
}

/** "Zoom's clock is 7.0 s behind the customer's (median of 3 fresh Date headers from zoom.us, …)". */
export function clockText(imp: Pick<HarImport, 'clock' | 'attempts'>): string {
  const clock = imp.clock;
  const left = clock.leftOut ? ` Left out as not fresh: ${clock.leftOut}.` : '';
  if (clock.offsetMs === null) return `Zoom's clock: unknown (no fresh Date header from a Zoom host in the HAR); iat is compared with the customer's clock.${left}`;
  const dir = Math.abs(clock.offsetMs) < 1000 ? 'matches the customer\'s within a second' : clock.offsetMs > 0 ? `is ${sec(clock.offsetMs)} s ahead of the customer's` : `is ${sec(clock.offsetMs)} s behind the customer's`;
  const spread = clock.minMs !== null && clock.maxMs !== null && clock.samples > 1 ? `, estimates ${signed(clock.minMs)}…${signed(clock.maxMs)} s` : '';
  return `Zoom's clock ${dir} (offset ${signed(clock.offsetMs)} s, median of ${clock.samples} fresh Date header${clock.samples === 1 ? '' : 's'} from ${clock.source}${spread}; Date has 1 s resolution, so ±0.5 s). Each join is timed by the answer to its own ${joinRequests(imp.attempts)} request when the HAR has it.${left}`;
}

/** The HAR section of the Markdown report (no URLs or tokens: nothing to redact; the file's own words are Markdown-escaped). */
export function harSectionMarkdown(imp: HarImport, fileName: string | null): string {
  const out: string[] = ['## HAR file', ''];
  const by = imp.creator ? `, recorded by ${mdText(imp.creator.name)}${imp.creator.version ? ` ${mdText(imp.creator.version)}` : ''}` : '';
  out.push(`- File: ${fileName ? mdCode(fileName) : '(input)'}: HAR ${mdText(imp.harVersion ?? '?')}, ${imp.stats.entries} entries${by}.`);
  out.push(`- ${mdText(clockText(imp))}`);
  const views = [...new Set(imp.details.map((d) => d.view))].filter((v) => v !== 'unknown');
  if (views.length) out.push(`- SDK view (from the join request's fields): ${mdText(views.join(', '))}.`);
  if (imp.warnings.length === 0) out.push('- Nothing the diagnosis needs was missing from the HAR.');
  for (const w of imp.warnings) out.push(`- Missing: ${mdText(w.message)}`);
  out.push('');
  return out.join('\n');
}
