/**
 * Inputs past a command's limit are refused with the limit named, never cut silently; a file's
 * size is checked before it is read. Runs the real `node lib/cli/bin.mjs` with real pipes and files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile, truncate } from 'node:fs/promises';
import { Readable } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExport, serializeExport } from '../../../lib/report';
import { MAX_EXPORT_CHARS } from '../../../lib/report/parse';
import { readAllCapped } from '../../../lib/cli/io';
import { isJoinDoctorError } from '../../../lib/errors';
import { series } from '../correlate/series';
import { samplePayload, signClaims } from '../rules/token-helpers';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = path.join(root, 'lib/cli/bin.mjs');
const dir = path.join(root, 'tmp', 'input-limits-test');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI, writing `input` to its stdin in 64 KiB pieces (as a pipe delivers it), bounded by `timeoutMs`. */
function cli(args: string[], input?: string | Buffer, timeoutMs = 30_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`join-doctor ${args.join(' ')} did not finish in ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // EPIPE once the CLI refuses and stops reading
    if (input === undefined) child.stdin.end();
    else Readable.from(chunks(Buffer.from(input))).pipe(child.stdin);
  });
}

function* chunks(b: Buffer): Generator<Buffer> {
  for (let i = 0; i < b.length; i += 65536) yield b.subarray(i, i + 65536);
}

beforeAll(async () => mkdir(dir, { recursive: true }));
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('standard input and file limits', () => {
  it('a valid 5 MB export piped to `report -` is read whole and rendered (it was cut at 1 MiB and called "not JSON")', async () => {
    const exp = buildExport(await series('java', 20), { source: 'live', pageHost: 'app.example.com', createdAt: new Date('2026-11-29T03:00:00Z') });
    const base = JSON.parse(serializeExport(exp));
    // A long session: the same 20 attempts repeated until the export passes 5 MB.
    while (JSON.stringify(base).length < 5 * 1024 * 1024) base.items.push(...base.items.slice(0, 20));
    const text = JSON.stringify(base);
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    const r = await cli(['report', '-', '--format', 'csv'], text, 60_000);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n').length).toBeGreaterThan(base.items.length);
  }, 70_000);

  it('a 10 MB token on stdin is refused naming the limit, not analysed with the wrong length', async () => {
    const token = await signClaims(samplePayload({ pad: 'x'.repeat(10 * 1024 * 1024) }));
    const r = await cli(['check', '-'], token);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^join-doctor: Standard input is more than \d+ bytes; the limit for a signature \(the analyser reads at most 65536 characters\) is 65538 bytes\. Nothing was analysed\./);
  }, 40_000);

  it('an endless stdin (`yes | join-doctor check -`) is refused at the limit instead of read forever', async () => {
    const child = spawn(process.execPath, [bin, 'check', '-'], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdin.on('error', () => undefined);
    const line = Buffer.alloc(16 * 1024, 'y');
    const pump = () => {
      while (!child.stdin.destroyed && child.stdin.write(line));
      if (!child.stdin.destroyed) child.stdin.once('drain', pump);
    };
    pump();
    const status = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('check - kept reading an endless stdin'));
      }, 30_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    child.stdin.destroy();
    expect(status).toBe(2);
    expect(stderr).toContain('the limit for a signature');
  }, 40_000);

  it('`report` refuses a file over the export limit from its size, before reading it', async () => {
    const file = path.join(dir, 'huge.json');
    await writeFile(file, '');
    await truncate(file, MAX_EXPORT_CHARS + 1); // sparse: 50 MiB + 1 of nothing, read in 0 s if it were read
    const r = await cli(['report', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`huge.json is ${MAX_EXPORT_CHARS + 1} bytes; the limit for a Join Doctor export is ${MAX_EXPORT_CHARS} bytes`);
  }, 40_000);

  it('readAllCapped stops at the limit on an endless stream and keeps a UTF-8 character split across chunks', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield new Uint8Array(1024);
      }
    }
    const e = await readAllCapped(endless(), { maxBytes: 10_000, what: 'a test' }, 'Standard input').catch((x: unknown) => x);
    expect(isJoinDoctorError(e, 'ERR_INPUT_TOO_LARGE')).toBe(true);
    expect(pulled).toBe(10);
    const euro = Buffer.from('€'); // 3 bytes
    async function* split() {
      yield euro.subarray(0, 1);
      yield euro.subarray(1);
    }
    expect(await readAllCapped(split(), { maxBytes: 10, what: 'a test' }, 'Standard input')).toBe('€');
  });
});
