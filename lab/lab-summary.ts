/** What headless `npm run lab` prints: the same facts the report leads with. */
import type { JoinDoctorExport } from '../lib/report/schema';

export function summaryLines(exp: JoinDoctorExport): string[] {
  const c = exp.correlation;
  const lines = [
    `Captured ${exp.items.length} joins: ${c.counts.success} succeeded, ${c.counts['failure-3712']} failed with 3712, ${c.counts['failure-other']} failed otherwise, ${c.counts['silent-refusal']} silently refused, ${c.counts.timeout} timed out.`,
  ];
  lines.push(c.headline);
  c.causes.slice(0, 3).forEach((x, i) => lines.push(`  ${i + 1}. ${x.text}`));
  if (c.offsets.split) lines.push(`iat − Zoom time: ${c.offsets.split.text}`);
  lines.push(`Quantisation: ${c.quantization.text}`);
  return lines;
}
