/** `join-doctor har` on HARs recorded from the real SDK with page/asset causes (issue 10 §4–5). */
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { fixturePath } from './helpers';

describe('join-doctor har: the page and the SDK assets', () => {
  it("csp-wasm.har: the text report names the CSP causes and their fixes; the JSON export keeps their origin", async () => {
    const md = await runCli(['har', fixturePath('csp-wasm.har'), '--format', 'md']);
    expect(md.stdout).toContain('csp-wasm-blocked');
    expect(md.stdout).toContain("'wasm-unsafe-eval'");
    const j = await runCli(['har', fixturePath('csp-wasm.har'), '--json']);
    const ex = JSON.parse(j.stdout);
    expect(JSON.stringify(ex)).toContain('"origin":"assets"');
    expect(JSON.stringify(ex)).toContain('csp-blocks-zoom');
  });
  it('asset-404.har: no join was sent, and the warning names the 404 wasm', async () => {
    const r = await runCli(['har', fixturePath('asset-404.har')]);
    expect(r.stdout + r.stderr).toMatch(/lib404\/av\/audio\.simd\.wasm \(HTTP 404\)/);
  });
});
