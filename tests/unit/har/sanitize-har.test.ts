/**
 * `join-doctor har --sanitize` and lib/har/sanitize.ts: a HAR a customer can share. Each recorded
 * fixture and a HAR with a customer's credentials planted must (1) diagnose exactly as before and
 * (2) hold none of the removed values, searched as text, JSON-escaped, URL-encoded, base64 and
 * base64url at every alignment.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HarSanitizer, sanitizeHar, type RemovedKind } from '../../../lib/har/sanitize';
import { buildHmacStandIn, passcodeStandIn } from '../../../lib/har/sanitize-text';
import { passcodeShape } from '../../../lib/model/join-args';
import { analyseTokenInput } from '../../../lib/analyse';
import { decodeSignature } from '../../../lib/token/decode';
import { verifySecret } from '../../../lib/verify-secret';
import { isJoinDoctorError } from '../../../lib/errors';
import { costGrowth, credentialHar, diagnosisOf, findLeaks, leakForms, plantedJwt } from '../../tools/sanitize-check';
import { runCli } from '../cli/run-cli';
import { fixturePath, fixtureText } from './helpers';

const FIXTURES = readdirSync(path.dirname(fixturePath('client-3712.har'))).filter((f) => f.endsWith('.har') && f !== 'truncated.har');

async function sanitized(text: string, opts: { maxString?: number } = {}) {
  let out = '';
  const removed: { kind: RemovedKind; value: string }[] = [];
  const summary = await sanitizeHar(text, (c) => (out += c), { ...opts, onRemoved: (kind, value) => removed.push({ kind, value }) });
  return { out, removed, summary };
}

describe('a sanitized recorded HAR diagnoses the same as the recording', () => {
  it('finds the recorded fixtures (the round trip below covers every one)', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(13);
  });

  for (const name of FIXTURES) {
    it(`${name}: same attempts, outcomes, findings and headline, and none of its HMACs or passcodes left`, async () => {
      const text = fixtureText(name);
      const { out, removed } = await sanitized(text);
      expect(await diagnosisOf(out)).toBe(await diagnosisOf(text));
      // Every recorded fixture carries at least one signature: an HMAC was taken out.
      expect(removed.some((r) => r.kind === 'jwt-hmac')).toBe(true);
      expect(findLeaks(out, removed.map((r) => r.value))).toEqual([]);
      // Sanitizing a sanitized file finds nothing more and changes nothing.
      const again = await sanitized(out);
      expect(again.removed).toEqual([]);
      expect(again.out).toBe(out);
    });
  }

  it('a truncated HAR is refused (ERR_HAR_INVALID), never half-sanitized', async () => {
    const err = await sanitized(fixtureText('truncated.har')).catch((e: unknown) => e);
    expect(isJoinDoctorError(err, 'ERR_HAR_INVALID')).toBe(true);
  });
});

describe('a customer HAR with credentials where real sessions carry them', () => {
  const recorded = fixtureText('client-3712.har');
  const { har, planted } = credentialHar(recorded);

  it('the planted HAR holds every planted value (else the leak tests below prove nothing)', () => {
    const found = new Set(findLeaks(har, Object.values(planted)).map((l) => l.value));
    expect(Object.entries(planted).filter(([, v]) => !found.has(v))).toEqual([]);
  });

  it('diagnoses the same after sanitizing (zak/tk/obfToken/userEmail still count as given, the passcode keeps its shape)', async () => {
    const { out } = await sanitized(har);
    expect(await diagnosisOf(out)).toBe(await diagnosisOf(har));
  });

  for (const [leak, value] of Object.entries(credentialHar(recorded).planted)) {
    it(`does not leak ${leak} (text, JSON-escaped, URL-encoded, base64, base64url)`, async () => {
      const { out } = await sanitized(har);
      expect(findLeaks(out, [value])).toEqual([]);
    });
  }

  it('sanitizing the sanitized copy changes nothing and counts nothing (its markers are not values)', async () => {
    const { out } = await sanitized(har);
    const again = await sanitized(out);
    expect(again.removed).toEqual([]);
    expect(again.out).toBe(out);
  });

  it('leaves no removed value anywhere and says what was removed with markers', async () => {
    const { out, removed, summary } = await sanitized(har);
    expect(findLeaks(out, removed.map((r) => r.value))).toEqual([]);
    for (const kind of ['cookie', 'credential-header', 'passcode', 'user-token', 'secret', 'email', 'jwt-hmac'] as const) expect(summary.removed[kind]).toBeGreaterThan(0);
    expect(out).toContain('<removed:cookie>');
    expect(out).toContain('<removed:authorization>');
    expect(out).toContain('<removed:x-zm-aid>');
    expect(out).toContain('removed@email.invalid');
    expect(out).toContain('removed_hmac_');
  });

  it('keeps what the diagnosis and Zoom support need: Date headers, x-zm-trackingid, status codes, timings, Zoom answers', async () => {
    const { out } = await sanitized(har);
    const before = JSON.parse(har).log.entries;
    const after = JSON.parse(out).log.entries;
    expect(after.length).toBe(before.length);
    for (let i = 0; i < before.length; i++) {
      expect(after[i].response.status).toBe(before[i].response.status);
      expect(after[i].timings).toEqual(before[i].timings);
      expect(after[i].startedDateTime).toBe(before[i].startedDateTime);
      const date = (e: { response: { headers: { name: string; value: string }[] } }) => e.response.headers.find((h) => h.name.toLowerCase() === 'date')?.value;
      expect(date(after[i])).toBe(date(before[i]));
    }
    expect(out).toContain('WEB_kept_tracking_id');
    expect(out).toContain('Invalid signature.');
  });
});

describe('JWT HMAC stand-ins: the signature rules judge them as they judged the originals', () => {
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const payload = Buffer.from(JSON.stringify({ appKey: 'k', mn: '123456789', role: 0, iat: 1795912284, exp: 1795919484 })).toString('base64url');
  const hex = 'a3f1'.repeat(16);
  const cases: Record<string, string> = {
    'a 43-character HS256 HMAC': plantedJwt({ appKey: 'k' }).split('.')[2]!,
    "PHP's hex digest": hex,
    'an upper-case hex digest': hex.toUpperCase(),
    "PHP's hex digest base64url-encoded": Buffer.from(hex).toString('base64url'),
    'a hex digest base64-encoded with padding': Buffer.from(hex).toString('base64'),
    'a double-encoded HMAC': Buffer.from(Buffer.alloc(32, 7).toString('base64url')).toString('base64url'),
    'an HS512 HMAC': Buffer.alloc(64, 9).toString('base64url'),
    'a truncated HMAC': 'abcDEF123_-xyz',
    'standard base64 with + / and =': '+/abc+/abcDEFghiJKLmnoPQRstuVWXyz0123456789A=',
    'an invalid base64 length': 'abcde',
  };
  const now = 1795912300 * 1000;
  // signature-length quotes the first characters the HMAC decodes to ("It decodes to the text
  // \"BwcH…\""): that quote carries the removed value, so it is the one part left out of the comparison.
  const quoted = (m: string) => m.replace(/[A-Za-z0-9+/_=-]{6,}…/g, '…');
  const judged = (sig: string) =>
    analyseTokenInput(`${header}.${payload}.${sig}`, { nowMs: now } as never).findings.map((f) => ({ id: f.id, severity: f.severity, message: quoted(f.message), data: f.data }));
  for (const [what, sig] of Object.entries(cases)) {
    it(`${what}: same findings, none of its characters kept`, () => {
      const standIn = buildHmacStandIn(sig, '1');
      expect(standIn.length).toBe(sig.length);
      expect(judged(standIn)).toEqual(judged(sig));
      expect(standIn).not.toBe(sig);
    });
  }

  it("a sanitized token with the right secret is \"cannot verify: HMAC removed\", never \"the secret is wrong\"", async () => {
    for (const sig of Object.values(cases)) {
      const original = `${header}.${payload}.${sig}`;
      const standIn = `${header}.${payload}.${buildHmacStandIn(sig, '7')}`;
      const token = decodeSignature(standIn);
      const verification = await verifySecret(token, 'planted-secret');
      // A stand-in shorter than its marker word (a 5-character "HMAC") is refused as no JWS at all.
      if (sig.length >= 16) expect(verification.unverifiable, original).toContain('sanitized');
      else expect(verification.unverifiable, original).toBeTruthy();
      expect(analyseTokenInput(standIn, { nowMs: now, verification } as never).findings.filter((f) => f.id.startsWith('secret-'))).toEqual([]);
    }
  });

  it('the same token keeps one stand-in (request ↔ issuing response ↔ JSONP retry), two tokens keep two', async () => {
    const a = plantedJwt({ appKey: 'k', iat: 1 });
    const b = `${a.split('.').slice(0, 2).join('.')}.${plantedJwt({ appKey: 'other', iat: 1 }).split('.')[2]}`;
    const s = new HarSanitizer();
    const entry = (body: string) => ({ request: { method: 'GET', url: 'https://x.example/' }, response: { status: 200, content: { text: body } } });
    const out = s.write(JSON.stringify({ log: { entries: [entry(a), entry(b), entry(a)] } })) + s.end();
    const bodies = JSON.parse(out).log.entries.map((e: { response: { content: { text: string } } }) => e.response.content.text);
    expect(bodies[0]).toBe(bodies[2]);
    expect(bodies[0]).not.toBe(bodies[1]);
  });
});

describe('passcode stand-ins keep the shape the args-passcode rules read', () => {
  for (const p of ['Pa%40ss', '123456', ' 123456', '123456 ', '12 34 56', 'a b%40c ', 'x', '%41', 'Pa%2540ss', '  ']) {
    it(`${JSON.stringify(p)}: same length, %XX and whitespace, other characters gone`, () => {
      const s = passcodeStandIn(p);
      expect(passcodeShape(s)).toEqual(passcodeShape(p));
      if (p.trim().length > 3) expect(s).not.toContain(p.trim());
    });
  }
});

describe('streaming and budgets', () => {
  it('gives the same file fed in 7-character chunks as whole (a token or key split across chunks is still found)', async () => {
    const { har } = credentialHar(fixtureText('jsonp-retry.har'));
    const whole = await sanitized(har);
    const parts: string[] = [];
    for (let i = 0; i < har.length; i += 7) parts.push(har.slice(i, i + 7));
    let out = '';
    await sanitizeHar(parts, (c) => (out += c));
    expect(out).toBe(whole.out);
  });

  it("reads a browser File's stream() (bytes, a character split across chunks) as the page's worker gives it", async () => {
    const { har } = credentialHar(fixtureText('client-3712.har'));
    const text = har.replace('"e2e"', '"Zoë ✓"');
    const bytes = new TextEncoder().encode(text);
    const at = bytes.indexOf(0xc3) + 1; // inside the ë
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, at));
        c.enqueue(bytes.slice(at));
        c.close();
      },
    });
    let out = '';
    await sanitizeHar(stream, (c) => (out += c));
    expect(out).toBe((await sanitized(text)).out);
    expect(out).toContain('Zoë ✓');
  });

  it('stops when the page cancels (Cancel while a 200 MB file streams)', async () => {
    const signal = { aborted: false };
    const chunks = (function* () {
      yield '{"log":{"entries":[';
      signal.aborted = true;
      yield '{"request":{"url":"https://x.example/"}}]}}';
    })();
    const err = await sanitizeHar(chunks, () => undefined, { signal }).catch((e: unknown) => e);
    expect(isJoinDoctorError(err, 'ERR_IO')).toBe(true);
    expect((err as Error).message).toContain('cancelled');
  });

  it('a string over the cap becomes a counted <removed:oversized> marker instead of being held in memory', async () => {
    const big = 'A'.repeat(5000);
    const text = JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'https://cdn.example/x.js' }, response: { status: 200, content: { text: big } } }] } });
    const { out, summary } = await sanitized(text, { maxString: 4096 });
    expect(summary.removed.oversized).toBe(1);
    expect(out).toContain('<removed:oversized 5000 characters>');
    expect(out).not.toContain(big);
  });

  it('a JSON file without log.entries is refused: not a HAR', async () => {
    const err = await sanitized('{"log":{"pages":[]}}').catch((e: unknown) => e);
    expect(isJoinDoctorError(err, 'ERR_HAR_INVALID')).toBe(true);
  });

  // A ratio within one run, not a wall-clock budget: 4× the text must cost about 4× (a quadratic scan costs 16×).
  // Each builder repeats its pattern to about n characters; the measured size is chosen so one run
  // takes tens of milliseconds at least (below that, garbage collection decides the ratio).
  const rep = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length));
  const hostile: Record<string, { make: (n: number) => string; n: number }> = {
    'a passcode quote that never closes, then thousands of keys': { make: (n) => 'pwd="' + rep("pwd='x' tk:1 ", n), n: 200_000 },
    'escaped quotes inside JSON strings': { make: (n) => rep('pwd=\\\\"ab\\" ', n), n: 200_000 },
    'eyJ without dots': { make: (n) => rep('eyJ', n), n: 200_000 },
    'JWT-shaped runs behind \\/': { make: (n) => rep('eyJa\\/b.eyJc.d\\/', n), n: 80_000 },
    'e-mail local parts without a domain': { make: (n) => rep('a.b+c%', n) + '@', n: 200_000 },
  };
  const asHar = (body: string) => JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'https://x.example/' }, response: { status: 200, content: { text: body } } }] } });
  const work = (har: string) => sanitizeHar(har, () => undefined);
  for (const [what, { make, n }] of Object.entries(hostile)) {
    it(`stays linear on hostile text: ${what}`, async () => {
      // Benign text of the same length: words and spaces, no key, token or address.
      const growth = await costGrowth(work, (m) => asHar(make(m)), (m) => asHar(rep('plain words ', make(m).length)), n);
      expect(growth).toBeLessThan(4);
    }, 120_000);
  }
});

describe('join-doctor har --sanitize OUT.har FILE.har', () => {
  /** A fresh folder outside the tree, removed afterwards whatever happens. */
  const inTempDir = async (body: (d: string) => Promise<void>) => {
    const d = mkdtempSync(path.join(tmpdir(), 'jd-sanitize-'));
    try {
      await body(d);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  };

  it('writes the sanitized copy, prints counts and never a removed value', async () => {
    await inTempDir(async (d) => {
      const src = path.join(d, 'in.har');
      const { har, planted } = credentialHar(fixtureText('client-3712.har'));
      writeFileSync(src, har);
      const out = path.join(d, 'shared.har');
      const r = await runCli(['har', '--sanitize', out, src]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Wrote .*shared\.har: \d+ entries/);
      expect(r.stdout).toMatch(/\d+ {2}JWT HMAC segments/);
      expect(findLeaks(r.stdout + r.stderr, Object.values(planted))).toEqual([]);
      const written = readFileSync(out, 'utf8');
      expect(findLeaks(written, Object.values(planted))).toEqual([]);
      expect(await diagnosisOf(written)).toBe(await diagnosisOf(har));
      expect(readdirSync(d).sort()).toEqual(['in.har', 'shared.har']);
    });
  });

  it('refuses to overwrite the input it is reading', async () => {
    await inTempDir(async (d) => {
      const src = path.join(d, 'in.har');
      writeFileSync(src, fixtureText('client-3712.har'));
      const r = await runCli(['har', '--sanitize', src, src]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('OUT must not be the input file');
      expect(readFileSync(src, 'utf8')).toBe(fixtureText('client-3712.har'));
    });
  });

  it('a truncated input leaves neither OUT nor a partial file behind', async () => {
    await inTempDir(async (d) => {
      const out = path.join(d, 'shared.har');
      const r = await runCli(['har', '--sanitize', out, fixturePath('truncated.har')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('not a complete HAR file');
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(d)).toEqual([]);
    });
  });

  it('--sanitize with --json is a usage error (the sanitized HAR is the one output)', async () => {
    const r = await runCli(['har', '--sanitize', 'x.har', '--json', fixturePath('client-3712.har')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sanitize writes a HAR');
  });
});

describe('the leak search itself', () => {
  it('finds a value as base64 at each of the three byte alignments and URL-encoded', () => {
    const v = 'secret-value-123@x';
    for (const k of [0, 1, 2]) {
      const b64 = Buffer.concat([Buffer.alloc(k, 65), Buffer.from(v), Buffer.from('tail')]).toString('base64');
      expect(findLeaks(`xx${b64}yy`, [v]).length).toBeGreaterThan(0);
      expect(findLeaks(`xx${b64.replace(/\+/g, '-').replace(/\//g, '_')}yy`, [v]).length).toBeGreaterThan(0);
    }
    expect(findLeaks(`a=${encodeURIComponent(v)}`, [v]).map((l) => l.form)).toContain('url-encoded');
    expect(leakForms('a/b+c d=é"x').map((f) => f.form)).toEqual(expect.arrayContaining(['text', 'json-escaped', 'php-escaped', 'url-encoded', 'form-encoded']));
  });
});
