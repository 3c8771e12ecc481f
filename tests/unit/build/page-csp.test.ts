import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { injectPageCsp, PAGE_CSP_MARKER, TRIAGE_PAGE_CSP } from '../../../scripts/build/page-csp';

const page = (p: string) => readFileSync(path.join(process.cwd(), p), 'utf8');

describe("the triage page's CSP", () => {
  it('sends nothing anywhere: connect-src none, scripts and workers only from the build, no inline or blob: code', () => {
    const d = new Map(TRIAGE_PAGE_CSP.split(';').map((x) => x.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(TRIAGE_PAGE_CSP).not.toMatch(/unsafe|blob:|data:|https?:|\*/);
  });

  it('the triage page and the rules page it links to ask for it exactly once (the extension and the static build share them)', () => {
    for (const p of ['entrypoints/triage/index.html', 'entrypoints/rules/index.html']) {
      const out = injectPageCsp(page(p));
      expect(out.split('http-equiv="Content-Security-Policy"').length - 1, p).toBe(1);
      expect(out, p).toContain(TRIAGE_PAGE_CSP);
    }
  });

  it('a page without the marker is left alone; one asking twice fails the build', () => {
    expect(injectPageCsp('<head></head>')).toBe('<head></head>');
    expect(() => injectPageCsp(`${PAGE_CSP_MARKER}${PAGE_CSP_MARKER}`)).toThrow(/2 times/);
  });
});
