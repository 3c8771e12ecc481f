/**
 * `join-doctor har FILE --json | head`: the reader closes the pipe before the output ends. Every
 * command and output format must then end quietly (exit 0, nothing on stderr), not die with an
 * unhandled EPIPE and a Node stack trace. Runs the real bin (bin/join-doctor.mjs, what
 * `npx join-doctor` runs) with its standard output's reader gone before the first write.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { endQuietlyWhenReaderLeaves, type StreamError } from '../../../lib/cli/io';
import { startSignatureServer, type SignatureServer } from '../probe/signature-server';
import { JOIN_TIME, samplePayload, signClaims } from '../rules/token-helpers';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = path.join(root, 'bin/join-doctor.mjs');
const work = path.join(root, 'tmp/unit-reader-leaves');
const har = path.join(root, 'tests/unit/har/fixtures/component-3712.har');
const exportFile = path.join(work, 'export.json');

/** Runs the bin with stdout's read end closed at once: its first write meets EPIPE. */
function runWithReaderGone(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

let server: SignatureServer;
let token: string;

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  const exp = spawnSync(process.execPath, [bin, 'har', '--json', har], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  expect(exp.stderr).toBe('');
  writeFileSync(exportFile, exp.stdout);
  token = await signClaims(samplePayload({ iat: JOIN_TIME + 600, exp: JOIN_TIME + 7800 }));
  server = await startSignatureServer();
});
afterAll(() => server.close());

describe('a reader that leaves early (| head, | less, | jq) ends the CLI quietly', () => {
  const cases: Array<[string, () => string[]]> = [
    ['--help', () => ['--help']],
    ['--version', () => ['--version']],
    ['check (text)', () => ['check', token]],
    ['check --json', () => ['check', '--json', token]],
    ['har (text)', () => ['har', har]],
    ['har --json', () => ['har', '--json', har]],
    ['har --format md', () => ['har', '--format', 'md', har]],
    ['report (md)', () => ['report', exportFile]],
    ['report --format csv', () => ['report', '--format', 'csv', exportFile]],
    ['report --format html', () => ['report', '--format', 'html', exportFile]],
    ['report --format json', () => ['report', '--format', 'json', exportFile]],
    ['probe (text)', () => ['probe', `${server.url}/node`, '--count', '2']],
    ['probe --json', () => ['probe', `${server.url}/node`, '--count', '2', '--json']],
  ];
  it.each(cases)('join-doctor %s: exit 0, no stack trace', async (_name, args) => {
    const r = await runWithReaderGone(args());
    expect(r.stderr).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  }, 30_000);
});

describe('endQuietlyWhenReaderLeaves', () => {
  it('still throws a stream error that is not the reader leaving (a full disk is no quiet end)', () => {
    const listeners: Array<(e: StreamError) => void> = [];
    const exit = vi.fn();
    endQuietlyWhenReaderLeaves({ on: (_e: 'error', l: (e: StreamError) => void) => listeners.push(l) }, exit);
    expect(() => listeners[0]!(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toThrow('no space');
    expect(exit).not.toHaveBeenCalled();
    listeners[0]!(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exit).toHaveBeenCalledWith(0);
  });
});
