/**
 * A vitest reporter that prints the slowest test files at the end of a run, so a file that grows
 * slow is seen in every `npm test` and not only when the whole run crosses its budget. A file's
 * time is what it cost its worker: environment, import, setup, and its tests and hooks.
 * SLOWEST_FILES=N prints N rows (default 12; 0 turns it off). SLOWEST_FILES_JSON=FILE also writes
 * every file's time there (scripts/test.mjs joins the unit and browser runs' into one table).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export interface FileTime {
  file: string;
  seconds: number;
  tests: number;
  state: string;
}

export function fileTime(m: TestModule): FileTime {
  const d = m.diagnostic();
  const ms = d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
  return { file: m.relativeModuleId, seconds: ms / 1000, tests: [...m.children.allTests()].length, state: m.state() };
}

/** The table, slowest first; `wallSeconds` is the run's own clock (files overlap when run in parallel). */
export function slowestTable(times: FileTime[], rows: number, wallSeconds: number): string {
  const top = [...times].sort((a, b) => b.seconds - a.seconds).slice(0, rows);
  if (top.length === 0) return '';
  const width = Math.max(4, ...top.map((t) => t.file.length));
  const sum = times.reduce((s, t) => s + t.seconds, 0);
  const lines = [
    `slowest ${top.length} of ${times.length} files (sum ${sum.toFixed(0)} s, wall ${wallSeconds.toFixed(0)} s)`,
    `${'file'.padEnd(width)}  ${'s'.padStart(6)}  tests  state`,
    ...top.map((t) => `${t.file.padEnd(width)}  ${t.seconds.toFixed(1).padStart(6)}  ${String(t.tests).padStart(5)}  ${t.state}`),
  ];
  return `${lines.join('\n')}\n`;
}

export default class SlowestFilesReporter implements Reporter {
  private started = Date.now();

  onTestRunStart(): void {
    this.started = Date.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const times = modules.map(fileTime);
    const wallSeconds = (Date.now() - this.started) / 1000;
    const out = process.env.SLOWEST_FILES_JSON;
    if (out) {
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify({ wallSeconds, times }, null, 1)}\n`);
    }
    const rows = Number(process.env.SLOWEST_FILES ?? 12);
    if (!Number.isFinite(rows) || rows <= 0) return;
    process.stdout.write(`\n${slowestTable(times, rows, wallSeconds)}`);
  }
}
