import { describe, it } from 'vitest';
import fc from 'fast-check';
import { parseExport, redactText, serializeExport, buildExport, renderReport, REPORT_FORMATS } from '../../../lib/report';
import { isJoinDoctorError } from '../../../lib/errors';
import { series } from '../correlate/series';

function outcome(text: string): string {
  try {
    parseExport(text);
    return 'ok';
  } catch (e) {
    return isJoinDoctorError(e, 'ERR_EXPORT_INVALID') || isJoinDoctorError(e, 'ERR_EXPORT_VERSION') ? 'refused' : `crash: ${String(e)}`;
  }
}

/** A real export of five Java joins, and the path of every field in it (the root excluded). */
async function realExport(): Promise<{ text: string; paths: string[][] }> {
  const text = serializeExport(buildExport(await series('java', 5), { source: 'lab', createdAt: new Date(0) }));
  const paths: string[][] = [];
  const walk = (v: unknown, p: string[]) => {
    if (p.length > 0) paths.push(p);
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(JSON.parse(text), []);
  return { text, paths };
}

/** The export's text with the field at `path` set to `value`. */
function withField(text: string, path: readonly string[], value: unknown): string {
  const copy = JSON.parse(text);
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path[path.length - 1]!] = value;
  return JSON.stringify(copy);
}

describe('parseExport on whatever a user drops on it', () => {
  it('arbitrary text and arbitrary JSON are refused with a code, never a crash', () => {
    fc.assert(fc.property(fc.string(), (s) => outcome(s) !== 'ok' && !outcome(s).startsWith('crash')), { numRuns: 300 });
    fc.assert(fc.property(fc.json(), (s) => !outcome(s).startsWith('crash')), { numRuns: 300 });
  });

  it('a real export with one field mutated is either still valid or refused with a code', async () => {
    const { text, paths } = await realExport();
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        return !outcome(withField(text, path, value)).startsWith('crash');
      }),
      { numRuns: 400 },
    );
  });
});

describe('join-doctor report on a hostile export', () => {
  it('an export that parses renders in every format, whatever one field holds (even __proto__ ids and outcomes)', async () => {
    const { text, paths } = await realExport();
    const value = fc.oneof(fc.jsonValue(), fc.constantFrom('__proto__', 'constructor', 'toString', { __proto__: null }, []));
    fc.assert(
      fc.property(fc.constantFrom(...paths), value, (path, v) => {
        let exp;
        try {
          exp = parseExport(withField(text, path, v));
        } catch (e) {
          return isJoinDoctorError(e);
        }
        for (const f of REPORT_FORMATS) {
          try {
            renderReport(exp, f);
          } catch (e) {
            if (!isJoinDoctorError(e)) throw new Error(`${f} crashed with ${path.join('.')} = ${JSON.stringify(v)}: ${String(e)}`);
          }
        }
        return true;
      }),
      { numRuns: 600 },
    );
  });
});

describe('redactText', () => {
  it('never lets a JWT signature segment through, wherever the token sits in the text', () => {
    const seg = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);
    fc.assert(
      fc.property(fc.string(), seg, seg, seg, fc.string(), (before, h, p, sig, after) => {
        // A payload that starts with the signature's text shows `.${sig}` in the kept payload, not a leak.
        fc.pre(!p.startsWith(sig));
        const token = `eyJ${h}.${p}.${sig}`;
        const out = redactText(`${before} ${token} ${after}`);
        return !out.includes(`.${sig}`) || `${before} ${after}`.includes(`.${sig}`);
      }),
      { numRuns: 300 },
    );
  });
});
