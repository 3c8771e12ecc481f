/** The page hook's size budget is a build failure, not a number in a comment. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bareMainWorldWrapper, bareRelayWrapper, checkHookBudget, HOOK_BUDGET_BYTES, HOOK_FILE } from '../../../scripts/build/hook-budget';

function extensionWithHook(bytes: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jd-hook-'));
  mkdirSync(path.join(dir, path.dirname(HOOK_FILE)), { recursive: true });
  writeFileSync(path.join(dir, HOOK_FILE), 'x'.repeat(bytes));
  return dir;
}

describe('hook budget', () => {
  it('a hook of exactly the budget (4096 bytes) passes; one byte more fails the build with its size', () => {
    expect(checkHookBudget(extensionWithHook(HOOK_BUDGET_BYTES))).toBe(4096);
    expect(() => checkHookBudget(extensionWithHook(HOOK_BUDGET_BYTES + 1))).toThrow(/4097 bytes, over its 4096-byte budget/);
  });

  it("the page hook ships without WXT's wrapper: WXT's own MAIN-world wrapper (as its loader hands it over) becomes one install() call, other scripts keep theirs, and a changed wrapper fails the build", () => {
    // What WXT's resolveVirtualModules loads: its wrapper file with the entrypoint's path put in.
    const real = readFileSync(path.join('node_modules', 'wxt', 'dist', 'virtual', 'content-script-main-world-entrypoint.mjs'), 'utf8');
    const wrapper = real.replace('virtual:user-content-script-main-world-entrypoint', '/repo/entrypoints/zoom-hook.content.ts');
    const plugin = bareMainWorldWrapper() as { transform: (code: string, id: string) => { code: string } | null };
    const out = plugin.transform(wrapper, '\0virtual:wxt-content-script-main-world-entrypoint?/repo/entrypoints/zoom-hook.content.ts');
    expect(out?.code).toBe('import { install } from "/repo/entrypoints/zoom-hook.content.ts";\ninstall();\n');
    expect(plugin.transform(wrapper, '\0virtual:wxt-content-script-main-world-entrypoint?/repo/entrypoints/other.content.ts')).toBeNull();
    expect(() => plugin.transform(wrapper.replace('await definition.main()', 'await definition.run()'), '\0virtual:wxt-content-script-main-world-entrypoint?/repo/entrypoints/zoom-hook.content.ts')).toThrow(/MAIN-world wrapper changed/);
  });

  it("the dormant relay gets no WXT content-script context (no per-frame watcher, no page-visible start message); other scripts keep theirs", () => {
    const wrapper = `const result = (async () => {\n\ttry {\n\t\tinitPlugins();\n\t\tconst { main, ...options } = definition;\n\t\treturn await main(new ContentScriptContext(import.meta.env.ENTRYPOINT, options));\n\t} catch (err) {\n\t\tlogger.error(\`The content script "\${import.meta.env.ENTRYPOINT}" crashed on startup!\`, err);\n\t\tthrow err;\n\t}\n})();`;
    const plugin = bareRelayWrapper() as { transform: (code: string, id: string) => { code: string } | null };
    const out = plugin.transform(wrapper, '\0virtual:wxt-content-script-isolated-world-entrypoint?/repo/entrypoints/relay.content.ts');
    expect(out?.code).not.toContain('ContentScriptContext(');
    expect(out?.code).toContain('return await main(undefined);');
    expect(out?.code).toContain('throw err;');
    expect(plugin.transform(wrapper, '\0virtual:wxt-content-script-isolated-world-entrypoint?/repo/entrypoints/other.content.ts')).toBeNull();
  });
});
