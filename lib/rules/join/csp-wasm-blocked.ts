import { defineJoinRule } from './types';
import { violationsOf } from './page-text';

/** The page's CSP refuses WebAssembly compilation ('wasm-unsafe-eval' missing from script-src). */
export const cspWasmBlocked = defineJoinRule({
  id: 'csp-wasm-blocked',
  severity: 'error',
  origin: 'assets',
  title: "The page's Content-Security-Policy blocks the SDK's WebAssembly",
  source: 'docs/page-and-assets.md §3 (CSP wasm-unsafe-eval; devforum #5945)',
  produces: [3635, 5001],
  explainsJoinNotSent: true,
  check({ attempt }) {
    const v = violationsOf(attempt).filter((x) => x.blocked === 'wasm-eval' || (x.blocked === 'eval' && x.directive.startsWith('script-src')));
    if (v.length === 0) return null;
    const seen = v.some((x) => x.seen === 'event') ? `the browser reported ${v.filter((x) => x.seen === 'event').length} violation(s) of ${v[0]!.directive} for wasm-eval` : "the page's Content-Security-Policy header has a script-src (or default-src) without 'wasm-unsafe-eval'";
    return {
      message: `The SDK cannot compile its WebAssembly: ${seen}. Audio and video do not start ("Download wasm files error", 3635, or a join that never completes).`,
      fix: "Add 'wasm-unsafe-eval' to script-src (or to default-src when there is no script-src), e.g. `script-src 'self' 'wasm-unsafe-eval' https://source.zoom.us`; also allow `worker-src blob:` and the SDK's asset host. 'unsafe-eval' works too but allows far more.",
      data: { count: v.length, directive: v[0]!.directive, seen: v[0]!.seen },
    };
  },
});
