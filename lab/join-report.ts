/** What a join-scenario run prints: per run EXPECTED vs GOT, and the matrix of a batch (≤ 80 columns). */
import type { JoinRunResult } from './join-run';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const ids = (xs: readonly string[]) => (xs.length ? xs.join(', ') : '(none)');

function sawText(saw: unknown[]): string {
  if (saw.length === 0) return 'no callback, no promise settled';
  return saw.map((x) => JSON.stringify(x)).join('; ');
}

export function joinResultLines(r: JoinRunResult): string[] {
  const s = r.scenario;
  const out = [`${s.name} (${r.view} view, ${(r.ms / 1000).toFixed(1)} s): ${clip(s.title, 50)}`, `  ${clip(s.description, 76)}`, `  page saw: ${clip(sawText(r.saw), 66)}`];
  if (r.error) out.push(`  ✗ ${r.error}`);
  r.joins.forEach((j, i) => {
    out.push(`  join ${i + 1}: ${clip(j.outcome, 68)}`);
    out.push(`    expected: ${ids(j.expected)}`);
    out.push(`    got:      ${ids(j.got)}  ${j.ok ? '✓' : '✗'}`);
  });
  return out;
}

/** One line per run (more when a run has two joins or a mismatch): scenario, view, finding ids, ✓/✗. */
export function matrixLines(results: readonly JoinRunResult[]): string[] {
  const out = [`${'scenario'.padEnd(22)} ${'view'.padEnd(9)} finding ids (✓ as expected)`];
  for (const r of results) {
    const head = `${clip(r.scenario.name, 22).padEnd(22)} ${r.view.padEnd(9)} `;
    if (r.error) {
      out.push(`${head}✗ ${clip(r.error, 80 - head.length - 2)}`);
      continue;
    }
    r.joins.forEach((j, i) => {
      out.push(`${i === 0 ? head : ' '.repeat(head.length)}${clip(ids(j.got), 80 - head.length - 2)} ${j.ok ? '✓' : '✗'}`);
      if (!j.ok) out.push(`${' '.repeat(head.length)}${clip(`expected ${ids(j.expected)}; ${j.outcome}`, 80 - head.length)}`);
    });
  }
  return out;
}
