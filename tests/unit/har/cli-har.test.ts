import { describe, expect, it } from 'vitest';
import { parseHarArgs } from '../../../lib/cli/commands/har';
import { parseExport } from '../../../lib/report';
import { runCli } from '../cli/run-cli';
import { fixturePath, fixtureText } from './helpers';

async function run(args: string[]) {
  const r = await runCli(['har', ...args]);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

const fullSignature = () => {
  const h = JSON.parse(fixtureText('client-3712.har'));
  const wc = h.log.entries.find((e: { request: { url: string } }) => e.request.url.endsWith('/wc/info'));
  return new URLSearchParams(wc.request.postData.text).get('signature')!;
};

describe('join-doctor har', () => {
  it('--format md gives a ticket-ready report with the HAR section, and never the full signature', async () => {
    const r = await run([fixturePath('client-3712.har'), '--format', 'md']);
    expect(r.code).toBe(1); // failed joins found
    expect(r.out).toMatch(/^# Join Doctor: 1 of 1 join on 127\.0\.0\.1:\d+ failed\n/);
    // A 3712 on a token that passes every check says what to check, the way the panel does, with a fix a reader of the ticket can follow.
    expect(r.out).toContain('**Token looks valid: check the secret (1 of 1 failure)**');
    expect(r.out).toContain('`join-doctor check --secret-env VAR TOKEN`');
    expect(r.out).toContain('## HAR file');
    expect(r.out).toMatch(/Zoom's clock matches the customer's within a second/);
    expect(r.out).toContain('3712');
    const sig = fullSignature();
    expect(r.out).not.toContain(sig);
    // Tokens are in the JSON export only; the ticket report has the table row and the facts.
    expect(r.out).not.toContain(sig.split('.')[2]);
    expect(r.out).toMatch(/\| 1 \| 2026-/);
  });

  it('--json is an export that `join-doctor report` and the panel open, with the clock and warnings under "har"', async () => {
    const r = await run([fixturePath('no-bodies.har'), '--json']);
    expect(r.code).toBe(0); // the outcome is unknown, so no failed join is claimed
    const j = JSON.parse(r.out);
    expect(parseExport(r.out).source).toBe('har');
    expect(j.redacted).toBe(true);
    expect(j.har.warnings.map((w: { code: string }) => w.code)).toContain('response-bodies-missing');
    expect(r.out).not.toContain(fullSignature().split('.')[2]);
  });

  it('the text summary of the Java session names the likely cause and the quantisation', async () => {
    const r = await run([fixturePath('java-endpoint.har')]);
    expect(r.code).toBe(1);
    // Wrapped at 80 columns (not a terminal): the headline may take two lines.
    // The answer first: verdict, the headline group's cause, then its fix in the detected language.
    expect(r.out).toMatch(/\n\nFAIL {2}2 of 5 joins failed\. Most likely cause: iat in the future, from Java\s+Math\.round \(iat a multiple of\s+128 s\) \(2 of 2 failures\)\n {6}fix: Stop rounding epoch seconds through a float\.\n {11}Java\/Kotlin \(detected: /);
    expect(r.out).toMatch(/\nFailures by cause:\n {2}1\. /);
    // Code is plain text on a terminal: no literal backticks.
    expect(r.out).not.toContain('`');
    expect(Math.max(...r.out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(r.out).toMatch(/128/);
  });

  it('a truncated HAR exits 2 with a clear message and no report; a missing argument exits 2 with usage', async () => {
    const t = await run([fixturePath('truncated.har')]);
    expect(t.code).toBe(2);
    expect(t.err).toMatch(/not a complete HAR file/);
    expect(t.out).toBe('');
    const u = await run([]);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/expected one HAR file/);
    expect(() => parseHarArgs(['a.har', '--format', 'pdf'])).toThrow(/--format must be/);
  });
});
