import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli';
import { JOIN_TIME, KEY, SECRET, samplePayload, signClaims, signJson } from '../rules/token-helpers';
import { javaRoundLongIat } from '../../../lib/rules/quantization';
import { buildExport, serializeExport } from '../../../lib/report';
import { COMMANDS } from '../../../lib/cli/main';
import { series } from '../correlate/series';
import { startSignatureServer, type SignatureServer } from '../probe/signature-server';

const NOW = String(JOIN_TIME);

describe('join-doctor check', () => {
  it("Zoom's sample token passes with exit 0, and --json prints verdict, header, payload and findings", async () => {
    const token = await signClaims(samplePayload());
    const human = await runCli(['check', '--now', NOW, '--meeting', '123456789', token]);
    expect(human.code).toBe(0);
    // Without the secret the HMAC is unchecked, and the first line says so (never a bare "no findings").
    expect(human.stdout).toMatch(/^PASS {2}no findings in the token; the HMAC was not checked\n/);
    expect(human.stdout).toMatch(/\nsecret {3}not checked \(no --secret-env\): a wrong, re-generated or swapped secret/);
    const json = await runCli(['check', '--json', '--now', NOW, token]);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(Object.keys(out)).toEqual(['verdict', 'header', 'payload', 'findings', 'sdk', 'secretChecked']);
    expect(out.secretChecked).toBe(false);
    expect(out.sdk).toEqual({ judgedAs: 'meeting', from: 'claims' });
    expect(out).toMatchObject({ verdict: 'pass', header: { alg: 'HS256', typ: 'JWT' }, payload: { mn: '123456789' }, findings: [] });
  });

  it("the seed's Java token 20 s in the future fails with exit 1 and names iat-future and iat-quantized", async () => {
    const iat = javaRoundLongIat(1_795_912_299_500 + 30_000, 30_000); // 1795912320
    const token = await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200 }));
    const r = await runCli(['check', '--json', '--now', String(iat - 20), token]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.verdict).toBe('fail');
    expect(out.findings.map((f: { id: string }) => f.id)).toEqual(['iat-future', 'iat-quantized']);
    expect(out.findings[0]).toMatchObject({ id: 'iat-future', severity: 'error', claim: 'iat' });
    expect(Object.keys(out.findings[0])).toEqual(['id', 'severity', 'claim', 'message', 'fix']);
  });

  it('a wrong meeting number passed with --meeting is caught (mn-mismatch)', async () => {
    const r = await runCli(['check', '--json', '--now', NOW, '--meeting', '987654321', await signClaims(samplePayload())]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id)).toContain('mn-mismatch');
  });

  it('key and secret swapped in the backend: --secret-env reads the secret from the environment and finds it', async () => {
    const swapped = await signClaims(samplePayload(), KEY); // signed with the key instead of the secret
    const r = await runCli(['check', '--json', '--now', NOW, '--secret-env', 'JD_SECRET', swapped], { env: { JD_SECRET: SECRET } });
    expect(r.code).toBe(1);
    const ids = JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id);
    expect(ids).toContain('secret-swapped');
    expect(r.stdout).not.toContain(SECRET);
    const ok = await runCli(['check', '--json', '--now', NOW, '--secret-env', 'JD_SECRET', await signClaims(samplePayload())], { env: { JD_SECRET: SECRET } });
    expect(ok.code).toBe(0);
  });

  it('the secret is refused on the command line, and a missing env var or token is a usage error (exit 2)', async () => {
    const token = await signClaims(samplePayload());
    const onArgv = await runCli(['check', '--secret', SECRET, token]);
    expect(onArgv.code).toBe(2);
    expect(onArgv.stderr).toContain('never taken on the command line');
    expect(onArgv.stderr).not.toContain(SECRET);
    const unset = await runCli(['check', '--secret-env', 'NOPE', token]);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('environment variable NOPE (named by --secret-env) is not set');
    const secretAsName = await runCli(['check', '--secret-env', 'abc/def+ghi=', token]);
    expect(secretAsName.code).toBe(2);
    expect(secretAsName.stderr).not.toContain('abc/def+ghi=');
    expect((await runCli(['check'])).stderr).toContain('expected one TOKEN');
    expect((await runCli(['check', '--now', 'yesterday', token])).stderr).toContain('--now must be a number');
    expect((await runCli(['check', '--bogus', token])).code).toBe(2);
    expect((await runCli(['check', '-'], { stdin: '' })).stderr).toContain('nothing was piped in');
  });

  it('"-" reads the token from stdin, ignoring the newline echo adds but not other whitespace', async () => {
    const token = await signClaims(samplePayload());
    const r = await runCli(['check', '--json', '--now', NOW, '-'], { stdin: `${token}\n` });
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    const padded = await runCli(['check', '--json', '--now', NOW, '-'], { stdin: `  ${token}\n` });
    expect(JSON.parse(padded.stdout).findings.map((f: { id: string }) => f.id)).toContain('token-whitespace');
  });

  it('a hostile token cannot drive the terminal: control characters are escaped; colour only on a TTY without NO_COLOR', async () => {
    const evil = await signClaims(samplePayload({ mn: '123\u001b[2J456' }));
    const r = await runCli(['check', '--now', NOW, evil], { tty: true });
    // A generator writing a raw ESC inside the JSON text (invalid JSON, shown as written).
    const raw = await signJson(`{"appKey":"${KEY}","mn":"1\u001b]0;pwned\u0007","role":0,"iat":${JOIN_TIME},"exp":${JOIN_TIME + 7200}}`);
    const rawOut = await runCli(['check', '--now', NOW, raw]);
    expect(rawOut.stdout).not.toMatch(/[\u001b\u0007]/);
    expect(rawOut.stdout).toContain('\\u001b');
    const withoutOurColours = r.stdout.replace(/\u001b\[(?:1|2|22|31|32|33|34|39)m/g, '');
    expect(withoutOurColours).not.toContain('\u001b');
    expect(r.stdout).toContain('\u001b[33m\u001b[1mWARN'); // yellow on a TTY
    const noColour = await runCli(['check', '--now', NOW, evil], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColour.stdout).not.toContain('\u001b');
    const piped = await runCli(['check', '--now', NOW, evil]);
    expect(piped.stdout).not.toContain('\u001b');
  });
});

describe('join-doctor probe', () => {
  let server: SignatureServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('--json against a Java-style endpoint prints samples, errors, rule rates, the iat offset and the implied rate', async () => {
    server = await startSignatureServer({ stepMs: 3_100 });
    const r = await runCli(['probe', `${server.url}/java`, '--count', '48', '--concurrency', '4', '--method', 'POST', '--data', '{"meetingNumber":"123456789","role":0}', '--header', 'X-Test: 1', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.samples).toBe(48);
    expect(out.errors).toBe(0);
    expect(out.rules).toContainEqual({ id: 'iat-quantized', count: 48, rate: 1 });
    expect(Object.keys(out.iatOffset)).toEqual(['min', 'median', 'max', 'futureShare']);
    expect(out.implied.quantized).toBe(true);
    expect(out.implied.futureSecondsPerCycle.min).toBeLessThanOrEqual(34);
    expect(out.implied.futureSecondsPerCycle.max).toBeGreaterThanOrEqual(34);
    expect(out.implied.text).toMatch(/≈ 3[3-6] of every 128 s/);
    expect(server.requests[0]!.headers['x-test']).toBe('1');
    expect(r.stderr).toBe('');
  }, 30_000);

  it('a good endpoint exits 0 with a human summary; progress goes to stderr only on a TTY', async () => {
    server = await startSignatureServer({ stepMs: 1_000 });
    const r = await runCli(['probe', `${server.url}/node`, '--count', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 signatures, 0 errors');
    expect(r.stdout).toContain('min 0 s, median 0 s, max 0 s; in the future: 0% of samples');
    expect(r.stderr).toBe('');
    const tty = await runCli(['probe', `${server.url}/node`, '--count', '3'], { tty: true });
    expect(tty.stderr).toContain('probing 3/3');
  });

  it('a quick probe of a quantising backend says it cannot give the rate yet and prints the command that can (--verdict)', async () => {
    // Samples 100 ms apart on the backend's clock share one 128 s window: b stays open.
    server = await startSignatureServer({ stepMs: 100 });
    const r = await runCli(['probe', `${server.url}/java`, '--count', '6', '--data', '{"meetingNumber":"123456789","role":0}']);
    expect(r.code).toBe(1);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/quantises iat to 128 s, so some joins fail with 3712; these samples were too close together/);
    // The command is one line to copy; everything else fits 80 columns.
    const lines = r.stdout.split('\n');
    expect(lines).toContain(`  $ join-doctor probe ${server.url}/java --count 6 --data '{"meetingNumber":"123456789","role":0}' --verdict`);
    expect(Math.max(...lines.filter((l) => !l.startsWith('  $ ')).map((l) => l.length))).toBeLessThanOrEqual(80);
    expect((await runCli(['probe', `${server.url}/java`, '--verdict', '--interval', '2'])).stderr).toContain('either --verdict or --interval');
  });

  it('bad options are usage errors', async () => {
    expect((await runCli(['probe'])).code).toBe(2);
    expect((await runCli(['probe', 'http://127.0.0.1:9/', '--count', 'lots'])).stderr).toContain('--count must be a whole number');
    expect((await runCli(['probe', 'http://127.0.0.1:9/', '--header', 'nocolon'])).stderr).toContain('"Name: value"');
    expect((await runCli(['probe', 'ftp://x/'])).stderr).toContain('Only http and https');
  });
});

describe('join-doctor report', () => {
  it('renders an export as Markdown by default, and as CSV, HTML or JSON', async () => {
    const exp = buildExport(await series('java', 20), { source: 'live', pageHost: 'app.example.com', createdAt: new Date('2026-11-29T03:00:00Z') });
    const files = { 'e.json': serializeExport(exp) };
    const md = await runCli(['report', 'e.json'], { files });
    expect(md.code).toBe(0);
    expect(md.stdout.startsWith('# Join Doctor: ')).toBe(true);
    expect((await runCli(['report', 'e.json', '--format', 'csv'], { files })).stdout.split('\r\n')).toHaveLength(22);
    expect((await runCli(['report', 'e.json', '--format', 'html'], { files })).stdout).toContain('<svg');
    expect(JSON.parse((await runCli(['report', 'e.json', '--format', 'json'], { files })).stdout)).toEqual(exp);
  });

  it('a missing file, a HAR file or an unknown format is refused with a clear message and exit 2', async () => {
    expect(await runCli(['report', 'missing.json'])).toMatchObject({ code: 2, stderr: 'join-doctor: report: cannot read missing.json: no such file.\n' });
    const har = await runCli(['report', 'x.har'], { files: { 'x.har': '{"log":{"entries":[]}}' } });
    expect(har.code).toBe(2);
    expect(har.stderr).toContain('schemaVersion is missing');
    expect((await runCli(['report', 'x.json', '--format', 'pdf'])).stderr).toContain('--format must be one of md, csv, html, json');
  });
});

describe('join-doctor', () => {
  it('--help lists every registered command, --version prints the version, an unknown command exits 2', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.stdout).toContain(`  ${c.name}`);
    expect((await runCli(['check', '--help'])).stdout).toContain('--secret-env VAR');
    expect((await runCli(['--version'])).stdout).toBe('join-doctor 0.2.0\n');
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
  });

  it('runs for real as `node bin/join-doctor.mjs` (what npx join-doctor runs in a clone), token on stdin', async () => {
    const bin = fileURLToPath(new URL('../../../bin/join-doctor.mjs', import.meta.url));
    const iat = JOIN_TIME + 20;
    const token = await signClaims(samplePayload({ iat, exp: iat + 7200 }));
    const r = spawnSync(process.execPath, [bin, 'check', '--json', '--now', NOW, '-'], { input: `${token}\n`, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings[0].id).toBe('iat-future');
  }, 40_000);
});
