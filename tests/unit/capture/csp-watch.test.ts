/**
 * CSP violations are read by the relay now (lib/capture/csp-watch.ts), not by the page hook: the
 * ones that break a Zoom join (its requests, the SDK's /av/ wasm code) are kept, a page's own
 * are not, and a page that violates its CSP in a loop costs at most 20 events per document.
 */
import { describe, expect, it } from 'vitest';
import { cspWatcher, MAX_CSP_EVENTS_PER_DOCUMENT } from '../../../lib/capture/csp-watch';
import { checkHookEvent } from '../../../lib/protocol/validate';

const violation = (blockedURI: string, sourceFile = '', effectiveDirective = 'script-src') => ({ blockedURI, sourceFile, effectiveDirective });

describe('CSP violations seen by the relay', () => {
  it("the SDK's wasm refused (wasm-eval from its /av/ code) and a blocked Zoom request are kept as valid csp events; the page's own are not", () => {
    const watch = cspWatcher();
    const wasm = watch(violation('wasm-eval', 'http://127.0.0.1/lib/av/1.0/js_media.min.js'), 5);
    expect(wasm).toEqual({ t: 'csp', d: 'script-src', u: 'wasm-eval', at: 5 });
    expect(checkHookEvent(wasm).ok).toBe(true);
    expect(watch(violation('https://zoom.us/api/v1/wc/info', '', 'connect-src'), 6)).toMatchObject({ d: 'connect-src', u: 'https://zoom.us/api/v1/wc/info' });
    expect(watch(violation('https://ads.example/pixel.gif', 'http://127.0.0.1/app.js', 'img-src'), 7)).toBeNull();
  });

  it('a page violating its CSP in a loop gets at most 20 events per document; a new document counts again', () => {
    const watch = cspWatcher();
    const kept = Array.from({ length: 100 }, (_, i) => watch(violation('https://source.zoom.us/x.js'), i)).filter(Boolean);
    expect(kept).toHaveLength(MAX_CSP_EVENTS_PER_DOCUMENT);
    expect(cspWatcher()(violation('https://source.zoom.us/x.js'), 1)).not.toBeNull();
  });
});
