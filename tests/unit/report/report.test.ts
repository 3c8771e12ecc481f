import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  buildExport,
  csvCell,
  parseExport,
  renderCsv,
  renderHtml,
  renderMarkdown,
  serializeExport,
  TOOL_VERSION,
  REPORT_CSP,
} from '../../../lib/report';
import { isJoinDoctorError } from '../../../lib/errors';
import { analyseAttempt } from '../../../lib/attempt-context';
import type { JoinAttempt } from '../../../lib/model/attempt';
import { joinAt, series } from '../correlate/series';
import { samplePayload, signClaims } from '../rules/token-helpers';

const CREATED = new Date('2026-11-29T03:00:00Z');

async function seedExport(opts: { includeFullTokens?: boolean } = {}) {
  const items = [...(await series('node', 10)), ...(await series('java', 30))];
  return { items, exp: buildExport(items, { source: 'live', pageHost: 'app.example.com', createdAt: CREATED, ...opts }) };
}

async function leakyAttempt(): Promise<{ attempt: JoinAttempt; token: string }> {
  const token = await signClaims(samplePayload({ userEmail: 'jane.doe@example.com' }));
  const attempt = {
    id: 'leaky',
    api: 'client-view',
    method: 'ZoomMtg.join',
    signature: token,
    meetingNumber: '123456789',
    calledAt: 1_795_912_284_000,
    outcome: { kind: 'failure', code: 1, message: 'Fail to join the meeting.', serverMessage: 'user jane.doe@example.com blocked' },
    pageUrl: 'https://app.example.com/join?pwd=hunter2&email=jane.doe%40example.com&mn=123',
    passWord: 'hunter2',
    sdkSecret: 'S3cr3t-should-never-appear',
  } as unknown as JoinAttempt;
  return { attempt, token };
}

describe('export', () => {
  it('a ticket attachment never contains the signature segment, passcodes, user tokens, e-mails or a secret', async () => {
    const { attempt, token } = await leakyAttempt();
    const plain = await joinAt('plain', 'node', 1_795_912_290_000);
    // The whole join-arguments object passed as the signature by mistake (devforum #4005).
    const wholeArgs = { ...attempt, id: 'args', signature: { signature: token, passWord: 'hunter2', zak: 'zak-abc', tk: 'tk-def', obfToken: 'obf-ghi' } } as JoinAttempt;
    const exp = buildExport(
      [{ attempt, analysis: analyseAttempt(attempt) }, plain, { attempt: wholeArgs, analysis: analyseAttempt(wholeArgs) }],
      { source: 'live', pageHost: 'app.example.com', createdAt: CREATED },
    );
    const text = serializeExport(exp);
    const third = token.split('.')[2]!;
    const plainThird = (plain.attempt.signature as string).split('.')[2]!;
    for (const secret of [third, plainThird, 'hunter2', 'zak-abc', 'tk-def', 'obf-ghi', 'jane.doe', 'S3cr3t-should-never-appear']) {
      expect(text).not.toContain(secret);
    }
    const out = [renderMarkdown(exp), renderCsv(exp), renderHtml(exp)].join('\n');
    for (const secret of [third, plainThird, 'hunter2', 'jane.doe']) expect(out).not.toContain(secret);
    // The claims stay readable: header.payload are kept, the third segment is marked.
    expect(exp.items[1]!.attempt.signature).toBe(`${(plain.attempt.signature as string).split('.').slice(0, 2).join('.')}.<redacted>`);
    expect(exp.items[0]!.analysis.payload!['userEmail']).toBe('<redacted-email>');
    expect(exp.items[0]!.attempt.pageUrl).toBe('https://app.example.com/join?pwd=<redacted>&email=<redacted-email>&mn=123');
    expect(exp.items[2]!.attempt.signatureType).toBe('object');
    expect(exp.items[2]!.attempt.signature).toContain('"passWord":"<redacted>"');
    expect(exp.redacted).toBe(true);
  });

  it('with includeFullTokens the full signature is kept (explicit opt-in), passcodes still are not', async () => {
    const { attempt } = await leakyAttempt();
    const plain = await joinAt('plain', 'node', 1_795_912_290_000);
    const exp = buildExport([{ attempt, analysis: analyseAttempt(attempt) }, plain], { source: 'har', createdAt: CREATED, includeFullTokens: true });
    expect(exp.items[1]!.attempt.signature).toBe(plain.attempt.signature);
    expect(exp.redacted).toBe(false);
    expect(serializeExport(exp)).not.toContain('hunter2');
  });

  it('round-trips through parseExport and records schema, tool version, source and host', async () => {
    const { exp } = await seedExport();
    const back = parseExport(serializeExport(exp));
    expect(back).toEqual(exp);
    expect(back.schemaVersion).toBe(2);
    expect(back.tool).toEqual({ name: 'join-doctor', version: TOOL_VERSION });
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
  });

  it('a HAR file, a truncated file or a newer export is refused with a code and a clear message', async () => {
    const { exp } = await seedExport();
    const codeOf = (text: string) => {
      try {
        parseExport(text);
        return 'parsed';
      } catch (e) {
        return isJoinDoctorError(e) ? `${e.code}: ${e.message}` : 'other';
      }
    };
    expect(codeOf('{"log":{"entries":[]}}')).toMatch(/^ERR_EXPORT_INVALID: .*schemaVersion is missing/);
    expect(codeOf(serializeExport(exp).slice(0, 200))).toMatch(/^ERR_EXPORT_INVALID: .*not JSON/);
    expect(codeOf(JSON.stringify({ ...exp, schemaVersion: 3 }))).toMatch(/^ERR_EXPORT_VERSION: .*schema version 3.*reads up to schema 2/);
    const broken = JSON.parse(serializeExport(exp));
    broken.items[3].attempt.outcome.kind = 'exploded';
    expect(codeOf(JSON.stringify(broken))).toMatch(/items\[3\]\.attempt\.outcome\.kind must be one of/);
    expect(codeOf('[]')).toMatch(/ERR_EXPORT_INVALID: .*top level must be an object/);
  });
});

describe('renderers', () => {
  it('the Markdown report opens with the answer, then causes, evidence and one explanation per rule before a compact attempts table', async () => {
    const { exp } = await seedExport();
    const md = renderMarkdown(exp);
    const idx = (s: string) => md.indexOf(s);
    // The title counts; the cause is the next line's, said once.
    expect(md.split('\n')[0]).toMatch(/^# Join Doctor: \d+ of 40 joins on app\.example\.com failed$/);
    expect(idx('**Most likely cause: iat in the future, from Java Math.round (iat a multiple of 128 s) (')).toBeLessThan(idx('40 join attempts on app.example.com (live capture, exported 2026-11-29T03:00:00.000Z):'));
    expect(idx('## Failures by cause')).toBeLessThan(idx('## Findings explained'));
    expect(idx('## Findings explained')).toBeLessThan(idx('## Attempts'));
    expect(md).toContain('| # | time (UTC) | meeting | outcome | primary cause | issuer |');
    expect(md).toMatch(/1\. `iat-future \+ iat-quantized` \(cause\): \d+ of \d+ failures: iat in the future, from Java Math\.round/);
    expect(md).toMatch(/\| `iat-future \+ iat-quantized` \| api\.example\.com\/java\/signature \|/);
    // No autolink from input in a ticket: the scheme's colon is escaped (lib/report/markdown-text.ts).
    expect(md).toContain('https\\://api.example.com/node/signature: 0 of 10 failed (0%)');
  });

  it('40 joins make a ticket-sized Markdown report (< 20 KB): each explanation once, no token or payload per attempt', async () => {
    const { exp } = await seedExport();
    const md = renderMarkdown(exp);
    expect(new TextEncoder().encode(md).length).toBeLessThan(20 * 1024);
    for (const x of explainOnceIds(exp)) expect(md.split(`\`${x}\` (`).length - 1).toBeLessThanOrEqual(2); // likely-causes line + explained line
    const fix = exp.items.flatMap((i) => i.analysis.findings).find((f) => f.id === 'iat-future')!.fix;
    expect(md.split(fix).length - 1).toBeLessThanOrEqual(2); // the answer's fix + the explained list
    expect(md).not.toContain('<redacted>');
    expect(md).not.toContain('"iat":');
  });

  it('a meeting number like "=HYPERLINK(...)" cannot run as a spreadsheet formula, and CSV quoting follows RFC 4180', async () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    const a = await joinAt('evil', 'node', 1_795_912_284_000, { meetingNumber: '=1+2' });
    const csv = renderCsv(buildExport([a], { source: 'lab', createdAt: CREATED }));
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('#,id,calledAt,api,method,outcome,code,serverMessage,verdict,primaryCause,fix,findings,meetingNumber,mn,appKey,iat,exp,iatMinusJoinS,issuer,signature,sdk,topic,tpc');
    expect(lines[1]).toContain(",'=1+2,");
  });

  it('the HTML report is standalone: strict CSP, no script or external resource, page-controlled text escaped, SVG plot coloured by outcome', async () => {
    const { items } = await seedExport();
    const evil = await joinAt('<script>alert(1)</script>', 'node', 1_795_912_999_000, { meetingNumber: '"><img src=x onerror=alert(1)>' });
    const html = renderHtml(buildExport([...items, evil], { source: 'live', pageHost: '<b>host</b>', createdAt: CREATED }));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replace(/'/g, '&#39;')}">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<svg');
    expect((html.match(/<circle /g) ?? []).length).toBe(41);
    expect(html).toContain('fill="#cf222e"'); // 3712 failures
    expect(html).toContain('fill="#1a7f37"'); // successes
  });
});

function explainOnceIds(exp: Awaited<ReturnType<typeof seedExport>>['exp']): string[] {
  return [...new Set(exp.items.flatMap((i) => i.analysis.findings.map((f) => f.id)))];
}

describe('primary causes in exports', () => {
  it('correlation.causes[0] is the headline group and every failed item says its primary cause', async () => {
    const { exp } = await seedExport();
    const c = exp.correlation;
    expect(c.headline).toMatch(/^Most likely cause: /);
    expect(c.causes[0]!.kind).toBe('cause');
    const failed = exp.items.filter((i) => i.attempt.outcome.kind === 'failure');
    expect(failed.length).toBeGreaterThan(0);
    for (const i of failed) expect(i.primaryCause?.key).toBe(c.primary[i.attempt.id]!.key);
    expect(exp.items.filter((i) => i.attempt.outcome.kind === 'success').every((i) => i.primaryCause === undefined)).toBe(true);
  });

  it('a schema-1 export (causes ranked by score) still opens, its ranking marked as an older one', async () => {
    const { exp } = await seedExport();
    const v1 = {
      ...exp,
      schemaVersion: 1,
      items: exp.items.map(({ primaryCause: _p, ...rest }) => rest),
      correlation: { ...exp.correlation, headline: undefined, primary: undefined, causes: [{ id: 'iat-future', title: 't', severity: 'error', score: 1, failuresWith: 9, failures: 9, successesWith: 0, successes: 31, text: 'iat-future: 9 of 9 failures, 0 of 31 successes' }] },
    };
    const back = parseExport(JSON.stringify(v1));
    expect(back.correlation.causes[0]).toMatchObject({ key: 'iat-future', kind: 'cause', failures: 9, ofFailures: back.correlation.failures });
    expect(back.correlation.headline).toMatch(/older Join Doctor/);
    expect(renderMarkdown(back)).toContain('iat-future: 9 of 9 failures');
  });
});
