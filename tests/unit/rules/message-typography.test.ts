/**
 * Rule messages are read in a ticket, a terminal and a report: no doubled full stop (".." after a
 * sentence that already ended), no ".;" or " ;" where two clauses were glued, and no "1 … have"
 * (a count of one with a plural verb or noun). Every token rule's message is made by its trigger
 * (rule-triggers.ts) and by the generator shapes of issue 21; every code Zoom can answer and the
 * joins that never settle make the join rules' messages.
 */
import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { analyseDecodedToken } from '../../../lib/analyse';
import { analyseAttempt } from '../../../lib/attempt-context';
import { codeFacts } from '../../../lib/rules/join/code-table';
import type { Finding, RuleContext } from '../../../lib/rules/types';
import { REF, TRIGGERS } from './rule-triggers';
import { JOIN_TIME, KEY, SECRET, decode, samplePayload, signClaims, signJson, tokenFor } from './token-helpers';
import { joinWith } from './join/join-kit';

/** Prose only: code spans (`…`) quote generators' own text, which may hold ".." or ";" legitimately. */
function prose(text: string): string {
  let out = '';
  let inCode = false;
  for (const c of text) {
    // A span stands as one word, so "`x`; next" keeps its shape ("C; next").
    if (c === '`') {
      inCode = !inCode;
      if (inCode) out += 'C';
    } else if (!inCode) out += c;
  }
  return out;
}

/** Plural nouns the messages count: after "1" each one is a slip ("1 attempts", "1 characters"). */
const COUNT_NOUNS = new Set(['attempts', 'joins', 'failures', 'successes', 'tokens', 'answers', 'claims', 'keys', 'segments', 'requests', 'findings', 'files', 'characters', 'bytes', 'codes', 'times', 'values', 'digits', 'days', 'hours', 'seconds', 'minutes']);
/** Plural verbs whose subject must not be a count of one ("1 of 5 tokens have", "1 token carry"). */
const PLURAL_VERB = /^(have|are|were|carry|show|share|need|fail)[.,;:]?$/;

/** The typographic slips found in one text, each named. Linear scans only. */
export function typographySlips(text: string): string[] {
  const p = prose(text);
  const out: string[] = [];
  for (let i = 0; i + 1 < p.length; i++) {
    const a = p[i]!;
    const b = p[i + 1]!;
    if (a === '.' && b === '.' && p[i + 2] !== '.' && p[i - 1] !== '.') out.push(`".." at ${i}`);
    if (a === '.' && b === ';') out.push(`".;" at ${i}`);
    // Zoom's own words end in a full stop inside the quotes: the sentence must not end again.
    if (a === '"' && b === '.' && p[i - 1] === '.') out.push(`".\"." at ${i}`);
    if (a === ' ' && (b === ';' || b === ',')) out.push(`" ${b}" at ${i}`);
  }
  const words = p.split(/[\s()]+/);
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== '1') continue;
    const next = (words[i + 1] ?? '').replace(/[.,;:]+$/, '');
    if (COUNT_NOUNS.has(next)) out.push(`"1 ${next}"`);
    // The count of one as a subject: a plural verb within the next five words, before any punctuation.
    for (let k = i + 1; k <= i + 5 && k < words.length; k++) {
      const w = words[k]!;
      if (PLURAL_VERB.test(w)) out.push(`"1 … ${w.replace(/[.,;:]$/, '')}"`);
      if (/[.,;:]$/.test(w)) break;
    }
  }
  return out;
}

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const urlTokenEncode = (bytes: Buffer) => {
  const b64 = bytes.toString('base64');
  const body = b64.replace(/=+$/, '');
  return body.replace(/\+/g, '-').replace(/\//g, '_') + String(b64.length - body.length);
};

/** The shapes issue 21 named, made by their generators' arithmetic. */
const MORE: Record<string, () => Promise<RuleContext>> = {
  'Go struct without json tags': async () => ({ token: decode(await signJson(JSON.stringify({ AppKey: KEY, Mn: '123456789', Role: 0, Iat: JOIN_TIME, Exp: JOIN_TIME + 7200 }))), ...REF }),
  'Python snake_case keys': async () => ({ token: decode(await signJson(JSON.stringify({ app_key: KEY, sdk_key: KEY, mn: '1', iat: JOIN_TIME, exp: JOIN_TIME + 7200 }))), ...REF }),
  '.NET Ticks / TicksPerSecond': async () => ({ token: await tokenFor({ iat: JOIN_TIME + 62_135_596_800 + 7200, exp: JOIN_TIME + 62_135_596_800 + 14400 }), ...REF }),
  'HttpServerUtility.UrlTokenEncode': async () => {
    const h = urlTokenEncode(Buffer.from('{"alg":"HS256","typ":"JWT"}'));
    const p = urlTokenEncode(Buffer.from(JSON.stringify(samplePayload())));
    return { token: decode(`${h}.${p}.${urlTokenEncode(createHmac('sha256', SECRET).update(`${h}.${p}`).digest())}`), ...REF };
  },
  'window in milliseconds': async () => ({ token: await tokenFor({ exp: JOIN_TIME + 7_200_000 }), ...REF }),
  'request 90 s after join()': async () => ({ token: await tokenFor({ iat: JOIN_TIME - 7200, exp: JOIN_TIME + 30 }), referenceTime: JOIN_TIME + 90, joinTime: JOIN_TIME, requestTime: JOIN_TIME + 90 }),
  'one duplicate key': async () => ({ token: decode(await signJson(JSON.stringify(samplePayload()).replace('{', '{"role":1,'))), ...REF }),
  'Meeting SDK signature to a Video SDK join': async () => ({ token: await tokenFor(), ...REF, sdk: 'video', join: { topic: 'room' } }),
  'a standard-base64 header only': async () => ({ token: decode(`${Buffer.from('{"alg":"HS256","typ":"JWT"}?').toString('base64')}.${b64u(JSON.stringify(samplePayload()))}.${'a'.repeat(43)}`), ...REF }),
};

function slipsOf(findings: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    for (const [field, text] of [['title', f.title], ['message', f.message], ['fix', f.fix]] as const) {
      for (const s of typographySlips(text)) out.push(`${f.id} ${field}: ${s} in ${JSON.stringify(text.slice(0, 160))}`);
    }
  }
  return out;
}

describe('rule messages are free of typographic slips', () => {
  it('the checks catch the slips they name (and pass clean text)', () => {
    expect(typographySlips('The token expired.; fetch a fresh one')).toEqual(['".;" at 17']);
    expect(typographySlips('use `a`; then `b`, and `c`.')).toEqual([]);
    expect(typographySlips('It failed.. Retry')).toEqual(['".." at 9']);
    expect(typographySlips('the SDK said "Signature is invalid.".')).toEqual(['"."." at 35']);
    expect(typographySlips('one clause ; another')).toEqual(['" ;" at 10']);
    expect(typographySlips('1 attempts failed')).toEqual(['"1 attempts"']);
    expect(typographySlips('1 token have iat ahead')).toEqual(['"1 … have"']);
    expect(typographySlips("1 of Zoom's answers have no body")).toEqual(['"1 … have"']);
    expect(typographySlips('1 of 93 successes carry it too')).toEqual(['"1 … carry"']);
    expect(typographySlips('iat is 1 s ahead; `a..b` and `x.;` are code, role 1 needs a zak, and 2 tokens have it… as 1 does.')).toEqual([]);
  });

  it('every token rule, fired by its trigger and by the generator shapes of issue 21', async () => {
    const slips: string[] = [];
    for (const [name, trigger] of [...Object.entries(TRIGGERS), ...Object.entries(MORE)]) {
      const { token, ...ctx } = await trigger();
      const a = analyseDecodedToken(token, ctx);
      expect(a.findings.length, name).toBeGreaterThan(0);
      slips.push(...slipsOf(a.findings));
    }
    expect(slips).toEqual([]);
  });

  it('every join rule: each code Zoom or the SDK can answer, a join that never settled, a silent refusal', async () => {
    const slips: string[] = [];
    for (const f of codeFacts()) {
      const api = f.views === 'component-view' ? 'component-view' : 'client-view';
      slips.push(...slipsOf(analyseAttempt(await joinWith({ kind: 'failure', code: f.code, message: f.meaning }, { api })).findings));
    }
    const others = [
      await joinWith({ kind: 'timeout', afterMs: 30_000 }),
      await joinWith({ kind: 'timeout', afterMs: 30_000 }, { wire: { sentAt: JOIN_TIME * 1000 + 10, answeredAt: null, http: null, accepted: null } }),
      await joinWith({ kind: 'silent-refusal', reason: 'please check your signature and please add appKey' }, {}, { appKey: undefined, sdkKey: undefined }),
      await joinWith({ kind: 'failure', code: 9999, message: 'Something new' }),
      // Zoom's words end in a full stop, and the SDK's differ from them: both are quoted mid-sentence.
      await joinWith({ kind: 'failure', code: 3712, message: 'Invalid signature.', serverCode: 3712, serverMessage: 'Signature is invalid.' }),
      await joinWith({ kind: 'failure', code: 9999, message: 'Something new.', serverCode: null, serverMessage: 'Not seen before.' }),
    ];
    for (const a of others) slips.push(...slipsOf(analyseAttempt(a).findings));
    expect(slips).toEqual([]);
  });
});

void signClaims;
