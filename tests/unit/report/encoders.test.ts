/**
 * Output that carries page or file content, encoded for where it goes. On main, `join-doctor har`
 * and `report` printed a HAR's ESC ]0;title BEL (retitles the terminal), ESC[2J (clears it), lone
 * CRs and U+202E raw; Markdown kept lone CRs (a heading on the next line), images and links, and
 * the HAR creator's `<img onerror>` went raw into `har --format md`; CSV guarded only the first
 * character, so Excel in a `;` locale ran `x;=1+3`; a `__proto__` claim vanished from exports.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { safeText, terminalSafe } from '../../../lib/cli/terminal';
import { mdCode, mdLine, mdText } from '../../../lib/report/markdown-text';
import { csvCell, neutraliseFormulas } from '../../../lib/report/csv';
import { escapeHtml } from '../../../lib/report/html';
import { buildExport, parseExport, renderCsv, renderHtml, renderMarkdown, serializeExport } from '../../../lib/report';
import { analyseAttempt } from '../../../lib/attempt-context';
import type { JoinAttempt } from '../../../lib/model/attempt';
import { runCli } from '../cli/run-cli';
import { entry, har, unsignedJwt } from '../har/helpers';
import { HOSTILE_TOKEN } from '../har/hostile';

const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';
const RLO = '\u202e';
const HOSTILE_TEXT = `Invalid signature.${TITLE}${CLEAR}\rFAKE: all good${RLO}txt.exe`;
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const dir = mkdtempSync(path.join(tmpdir(), 'jd-encoders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A HAR from a hostile page: Zoom's answer and the HAR's own creator carry the attacker's text. */
function hostileHarFile(): string {
  const form = new URLSearchParams({ meetingNumber: '123456789', signature: HOSTILE_TOKEN, cv: '6.2.0' }).toString();
  const text = JSON.parse(
    har([entry({ at: '2026-11-29T00:31:24.000Z', method: 'POST', url: 'https://zoom.us/api/v1/wc/info', post: form, body: JSON.stringify({ status: false, errorCode: 200, errorMessage: HOSTILE_TEXT }) })]),
  );
  text.log.creator = { name: '<img src=x onerror=alert(1)><script>alert(2)</script>', version: `1${TITLE}` };
  const file = path.join(dir, 'hostile.har');
  writeFileSync(file, JSON.stringify(text));
  return file;
}

describe('terminal: every human line has its control and bidi characters escaped', () => {
  it('ESC ]0;title BEL, ESC[2J, a lone CR and U+202E become visible \\u escapes; é — ✓ stay as they are', () => {
    expect(safeText(HOSTILE_TEXT)).toBe('Invalid signature.\\u001b]0;pwned\\u0007\\u001b[2J\\u000dFAKE: all good\\u202etxt.exe');
    expect(safeText('café — ✓ 3712 · iat −5 s')).toBe('café — ✓ 3712 · iat −5 s');
  });

  it('the output guard keeps line feeds, tabs, CRLF (CSV) and, only when colour is on, the CLI\'s own colour codes', () => {
    expect(terminalSafe('a\tb\r\nc\n', false)).toBe('a\tb\r\nc\n');
    expect(terminalSafe('\u001b[31mFAIL\u001b[39m', true)).toBe('\u001b[31mFAIL\u001b[39m');
    expect(terminalSafe('\u001b[31mFAIL\u001b[39m', false)).toBe('\\u001b[31mFAIL\\u001b[39m');
    // An attacker's SGR that conceals text (8) or moves the cursor is not ours.
    expect(terminalSafe('\u001b[8mhidden\u001b[1A', true)).toBe('\\u001b[8mhidden\\u001b[1A');
  });

  it('join-doctor har (text and Markdown) prints a hostile HAR with no raw control character', async () => {
    const file = hostileHarFile();
    for (const args of [[file], [file, '--format', 'md'], [file, '--json']]) {
      const r = await runCli(['har', ...args]);
      expect(r.stderr).toBe('');
      expect(RAW_CONTROL.test(r.stdout), args.join(' ')).toBe(false);
      expect(r.stdout).toContain('\\u001b');
    }
  });

  it('join-doctor report prints a hostile export in every format with no raw control character', async () => {
    const exp = JSON.parse((await runCli(['har', hostileHarFile(), '--json'])).stdout);
    exp.items[0].attempt.outcome.serverMessage = HOSTILE_TEXT;
    exp.items[0].analysis.findings[0].message = HOSTILE_TEXT;
    exp.correlation.headline = HOSTILE_TEXT;
    const files = { 'x.json': JSON.stringify(exp) };
    for (const format of ['md', 'csv', 'html', 'json']) {
      const r = await runCli(['report', 'x.json', '--format', format], { files });
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
      expect(RAW_CONTROL.test(r.stdout.replace(/\r\n/g, '\n')), format).toBe(false);
    }
  });

  it('an error message quoting the input (an unknown --format) cannot reach stderr raw', async () => {
    const r = await runCli(['report', 'x.json', '--format', `md${CLEAR}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\\u001b[2J');
    expect(RAW_CONTROL.test(r.stderr)).toBe(false);
  });
});

describe('Markdown: metacharacters escaped, no raw HTML, images or links from input', () => {
  it('<img onerror>, ![x](http://…), [a](javascript:…), a lone CR before "# ", bare URLs and addresses', () => {
    expect(mdText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(mdText('![x](http://evil.example/p.png)')).toBe('!\\[x\\](http\\://evil.example/p.png)');
    expect(mdText('[a](javascript:alert(1))')).toBe('\\[a\\](javascript:alert(1))');
    expect(mdText('ok\r# Heading\n- item')).toBe('ok # Heading - item');
    expect(mdText('see www.evil.example or mail x@evil.example')).toBe('see www\\.evil.example or mail x\\@evil.example');
    expect(mdText('*bold* _em_ ~~s~~ a|b \\')).toBe('\\*bold\\* \\_em\\_ \\~\\~s\\~\\~ a\\|b \\\\');
    // The visible escape's backslash is itself escaped, so the ticket shows `\u001b`.
    expect(mdText(`x${TITLE}${RLO}`)).toBe('x\\\\u001b\\]0;pwned\\\\u0007\\\\u202e');
  });

  it('a value that opens a line cannot become a heading or a list; a code span survives backticks and table pipes', () => {
    expect(mdLine('# not a heading')).toBe('\\# not a heading');
    expect(mdLine('1. not a list')).toBe('1\\. not a list');
    expect(mdText('SDK 2.5.0')).toBe('SDK 2.5.0');
    expect(mdCode('a`b|c')).toBe('`` a`b\\|c ``');
  });

  it("har --format md writes the HAR creator's <img onerror> and <script> as text", async () => {
    const r = await runCli(['har', hostileHarFile(), '--format', 'md']);
    expect(r.stdout).toContain('recorded by &lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(r.stdout).not.toMatch(/<img|<script/);
  });
});

describe('CSV: formula starts neutralised in every cell position, whatever the separator', () => {
  it('x;=1+3 (Excel in a ; locale), a,=HYPERLINK(…), tab and CR starts, spaces and quotes before =', () => {
    expect(neutraliseFormulas('x;=1+3')).toBe("x;'=1+3");
    expect(csvCell('a,=HYPERLINK("http://evil.example","click")')).toBe('"a,\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(neutraliseFormulas('=1+2')).toBe("'=1+2");
    expect(neutraliseFormulas('ok|@SUM(A1)')).toBe("ok|'@SUM(A1)");
    expect(neutraliseFormulas('a\t-2+3')).toBe("a\t'-2+3");
    expect(neutraliseFormulas('a; "=cmd"')).toBe('a;\' "=cmd"');
    expect(csvCell('line\r=1')).toBe('line\\u000d=1');
    expect(csvCell('two\nlines\n+1')).toBe('"two\nlines\n\'+1"');
    // Ordinary text, our own numbers and rule ids are left alone.
    expect(csvCell('iat-future token-expired')).toBe('iat-future token-expired');
    expect(csvCell(-12.5)).toBe('-12.5');
  });
});

describe('HTML: every interpolation escaped', () => {
  it('quotes, tags and bidi controls in text and attributes', () => {
    expect(escapeHtml(`"><script>alert(1)</script>'${RLO}`)).toBe('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;\\u202e');
  });
});

describe('claims named __proto__, constructor and prototype stay data', () => {
  const payloadJson = '{"__proto__":{"appKey":"inherited?"},"constructor":"c","prototype":"p","mn":"123456789","role":0,"iat":1795912284,"exp":1795919484}';
  const token = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(payloadJson).toString('base64url')}.c2ln`;
  const attempt: JoinAttempt = {
    id: '__proto__',
    api: 'client-view',
    method: 'ZoomMtg.join',
    signature: token,
    meetingNumber: '123456789',
    calledAt: 1795912284000,
    outcome: { kind: 'failure', code: 3712, message: 'Signature is invalid.' },
  } as JoinAttempt;

  it('the export keeps them as own claims and reads no appKey through them, in every format, after a round trip', () => {
    const exp = buildExport([{ attempt, analysis: analyseAttempt(attempt) }], { source: 'har', createdAt: new Date(0) });
    const payload = exp.items[0]!.analysis.payload!;
    expect(Object.keys(payload)).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'prototype']));
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    expect((payload as { appKey?: unknown }).appKey).toBeUndefined();
    const json = serializeExport(exp);
    expect(json).toContain('"__proto__": {');
    expect(json).toContain('"inherited?"');
    const back = parseExport(json);
    expect(Object.hasOwn(back.items[0]!.analysis.payload!, '__proto__')).toBe(true);
    expect(renderCsv(back).split('\r\n')[1]).not.toContain('inherited?');
    expect(() => renderMarkdown(back)).not.toThrow();
    expect(renderHtml(back)).toContain('<!doctype html>');
    expect(analyseAttempt(attempt).findings.map((f) => f.id)).toContain('app-key-missing');
  });

  it('an unsigned token with a __proto__ appKey is still missing its appKey', () => {
    expect(analyseAttempt({ ...attempt, signature: unsignedJwt({ mn: '1', role: 0, iat: 1, exp: 7201 }) }).findings.map((f) => f.id)).toContain('app-key-missing');
  });
});
