/**
 * A support engineer pastes the SDK secret with a stray space (" secret ", as copied from a
 * terminal or a .env line) into a session whose backend swapped key and secret: the backend sends
 * the secret as appKey in every token. On main the scrub matched the untrimmed text while the
 * rules trimmed it, so the secret left in the JSON, HTML and CSV exports, redacted and full; and
 * `check --secret-env VAR --sdk-key K` printed it inside app-key-mismatch. Here every export,
 * every CLI output and the panel's analyses are searched for every form of it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeExport, EXPORT_FORMATS, type ExportFormat } from '../../../components/state/exports';
import { clearSessionSecret, setSessionSecret } from '../../../components/state/session-secret';
import { analysisOf } from '../../../components/state/analysis';
import { INVALID_SIGNATURE, makeAttempt } from '../components/fixtures';
import { KEY, MEETING, payloadIssuedAt, signClaims } from '../rules/token-helpers';
import { assertSecretFree, containsSecret, redactKnownSecret, secretVariants } from '../../../lib/report/redact-secret';
import { escapeHtml } from '../../../lib/report/html';
import { isJoinDoctorError } from '../../../lib/errors';
import { runCli } from '../cli/run-cli';

/** A Zoom Client Secret (32 characters) whose base64 decoding is also text, so every variant exists. */
const SECRET = 'c2VjcmV0LXNoYXBlZC1zZWNyZXQtMTI=';
const PASTED = ` ${SECRET} `;
const NOW_S = Math.floor(Date.UTC(2026, 10, 29, 3, 0, 0) / 1000);

/** The forms a reader could recognise, computed here independently of lib/report/redact-secret.ts. */
function forms(secret: string): string[] {
  const b = Buffer.from(secret, 'utf8');
  const decoded = Buffer.from(secret, 'base64').toString('utf8');
  return [
    secret,
    b.toString('base64'),
    b.toString('base64url'),
    b.toString('hex'),
    b.toString('hex').toUpperCase(),
    decoded,
    encodeURIComponent(secret),
    Buffer.from(PASTED, 'utf8').toString('base64').replace(/=+$/, ''),
  ];
}

function expectNoSecret(text: string, where: string): void {
  for (const f of forms(SECRET)) expect(text.includes(f), `${where} contains ${JSON.stringify(f.slice(0, 6))}…`).toBe(false);
  // And no base64 run in it decodes to text holding the secret (a token's payload segment).
  for (const run of text.match(/[A-Za-z0-9_\-+/]{8,}/g) ?? []) {
    expect(Buffer.from(run, 'base64').toString('utf8').includes(SECRET), `${where}: a base64 run decodes to the secret`).toBe(false);
  }
}

/** The swapped backend: appKey = sdkKey = the secret, HMAC keyed with the SDK key. */
async function swappedSession() {
  const token = await signClaims(payloadIssuedAt(NOW_S - 30, { appKey: SECRET, sdkKey: SECRET }), KEY);
  return [1, 2, 3].map((i) =>
    makeAttempt(token, {
      outcome: INVALID_SIGNATURE,
      calledAt: (NOW_S + i) * 1000,
      // The wc/info form the SDK posts carries the appKey as apiKey.
      issuer: { url: `https://app.example.test/api/signature?apiKey=${encodeURIComponent(SECRET)}`, method: 'POST', receivedAt: NOW_S * 1000, serverDate: null } as never,
    }),
  );
}

afterEach(() => clearSessionSecret());

describe('a secret pasted with spaces, key and secret swapped: it never leaves', () => {
  it('every export format, redacted and with full tokens, has no form of the secret (and still names secret-swapped)', async () => {
    const attempts = await swappedSession();
    await setSessionSecret(PASTED, '', attempts);
    expect(analysisOf(attempts[0]!).findings.map((f) => f.id)).toContain('secret-swapped');
    for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
      for (const includeFullTokens of [false, true]) {
        const file = makeExport(format, { attempts, source: 'live', pageUrl: attempts[0]!.pageUrl ?? null, includeFullTokens, now: new Date(NOW_S * 1000) });
        expectNoSecret(file.text, `${format}${includeFullTokens ? ' (full tokens)' : ''}`);
        if (format === 'json') {
          const json = JSON.parse(file.text);
          // The claim that IS the secret reads as redacted; the finding still says which claim it was.
          expect(json.items[0].analysis.payload.appKey).toBe('<redacted-secret>');
          expect(json.items[0].analysis.findings.find((f: { id: string }) => f.id === 'secret-swapped').message).toContain("The token's appKey claim is the value you gave as the secret");
        }
      }
    }
  });

  it("the panel's analyses (claim table, raw payload, messages, the token row) lose it too", async () => {
    const attempts = await swappedSession();
    await setSessionSecret(PASTED, '', attempts);
    expectNoSecret(JSON.stringify(analysisOf(attempts[0]!)), 'the on-screen analysis');
  });

  it('an export that would still hold a form of the secret is refused with ERR_SECRET_IN_OUTPUT', () => {
    const odd = 'a&b<c>"d\'e-0123456789';
    for (const text of [`appKey ${escapeHtml(odd)}`, `{"k":${JSON.stringify(odd)}}`, `x ${Buffer.from(odd).toString('base64')}`, `${Buffer.from(`{"appKey":"${odd}"}`).toString('base64url')}`]) {
      expect(containsSecret(text, odd), text).toBe(true);
      let err: unknown;
      try {
        assertSecretFree(text, ` ${odd}\n`, 'HTML export');
      } catch (e) {
        err = e;
      }
      expect(isJoinDoctorError(err, 'ERR_SECRET_IN_OUTPUT')).toBe(true);
      expect((err as Error).message).toMatch(/HTML export still contained the SDK secret after redaction, so it was not written/);
      expect((err as Error).message).not.toContain(odd);
    }
    expect(() => assertSecretFree('nothing here', odd, 'JSON export')).not.toThrow();
  });

  it('the scrub covers the secret as pasted, trimmed, base64/hex encoded and decoded, in keys and values', () => {
    const variants = secretVariants(PASTED);
    for (const f of forms(SECRET).slice(0, 7)) expect(variants).toContain(f);
    const out = redactKnownSecret({ [SECRET]: `hex ${Buffer.from(SECRET).toString('hex')} b64 ${Buffer.from(SECRET).toString('base64')}` }, PASTED);
    expectNoSecret(JSON.stringify(out), 'a scrubbed object');
  });
});

describe('join-doctor check --secret-env: the secret is in no output', () => {
  it('swapped token, --sdk-key K, secret with spaces: app-key-mismatch and secret-swapped are named, the secret is not (human and --json)', async () => {
    const token = await signClaims(payloadIssuedAt(NOW_S, { appKey: SECRET, sdkKey: SECRET }), KEY);
    const env = { JD_SECRET: PASTED };
    const json = await runCli(['check', '--json', '--now', String(NOW_S), '--meeting', MEETING, '--sdk-key', KEY, '--secret-env', 'JD_SECRET', token], { env });
    expect(json.code).toBe(1);
    const ids = (JSON.parse(json.stdout) as { findings: Array<{ id: string }> }).findings.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['app-key-mismatch', 'secret-swapped']));
    expectNoSecret(json.stdout + json.stderr, 'check --json');
    const human = await runCli(['check', '--now', String(NOW_S), '--meeting', MEETING, '--sdk-key', KEY, '--secret-env', 'JD_SECRET', token], { env });
    expect(human.stdout).toContain('app-key-mismatch');
    expect(human.stdout).toContain('<the SDK secret, redacted>');
    expectNoSecret(human.stdout + human.stderr, 'check (human)');
  });
});
