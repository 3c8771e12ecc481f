/** What a join-scenario run prints: per run EXPECTED vs GOT, and the matrix of a batch (≤ 80 columns). */
import type { JoinCheck, JoinRunResult } from './join-run';

/** Words (ids joined by ", ") broken into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    const word = w.length > width ? clip(w, width) : w;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const ids = (xs: readonly string[]) => (xs.length ? xs.join(', ') : '(none)');

function sawText(saw: unknown[]): string {
  if (saw.length === 0) return 'no callback, no promise settled';
  return saw.map((x) => JSON.stringify(x)).join('; ');
}

export function joinResultLines(r: JoinRunResult): string[] {
  const s = r.scenario;
  const out = [`${s.name} (${r.view} view, ${(r.ms / 1000).toFixed(1)} s, page load ${((r.loadMs ?? 0) / 1000).toFixed(1)} s): ${clip(s.title, 50)}`, `  ${clip(s.description, 76)}`, `  page saw: ${r.saw.length > 1 ? sawText(r.saw) : clip(sawText(r.saw), 66)}`];
  if (r.error) out.push(`  ✗ ${r.error}`);
  r.joins.forEach((j, i) => {
    out.push(`  join ${i + 1}: ${clip(j.outcome, 68)}`);
    out.push(`    expected: ${ids(j.expected)}`);
    out.push(`    got:      ${ids(j.got)}  ${j.ok ? '✓' : '✗'}`);
  });
  return out;
}

/** The page's code in a few characters: the SDK code, 'none' (failed without one), 't/o' (no callback), 'silent'. */
export function shortOutcome(j: JoinCheck): string {
  const m = /^failure (\S+)/.exec(j.outcome);
  if (m) return m[1] === '(no' ? 'none' : m[1]!;
  return j.outcome.startsWith('no callback') ? 't/o' : j.outcome.slice(0, 6);
}

/** One line per run (more when a run has two joins or a mismatch): scenario, view, the page's code, finding ids, ✓/✗. */
export function matrixLines(results: readonly JoinRunResult[]): string[] {
  const out = [`${'scenario'.padEnd(20)} ${'view'.padEnd(9)} ${'got'.padEnd(6)} finding ids (✓ as expected)`];
  for (const r of results) {
    const head = `${clip(r.scenario.name, 20).padEnd(20)} ${r.view.padEnd(9)} `;
    if (r.error) {
      out.push(`${head}✗ ${clip(r.error, 80 - head.length - 2)}`);
      continue;
    }
    r.joins.forEach((j, i) => {
      const lead = `${i === 0 ? head : ' '.repeat(head.length)}${shortOutcome(j).padEnd(6)} `;
      const pad = ' '.repeat(lead.length);
      wrap(`${ids(j.got)} ${j.ok ? '✓' : '✗'}`, 80 - lead.length).forEach((l, k) => out.push(`${k === 0 ? lead : pad}${l}`));
      if (!j.ok) for (const l of wrap(`expected ${ids(j.expected)}; ${j.outcome}`, 80 - lead.length)) out.push(pad + l);
    });
  }
  return out;
}
