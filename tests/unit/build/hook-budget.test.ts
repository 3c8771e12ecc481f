/** The page hook's size budget is a build failure, not a number in a comment. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bareRelayWrapper, checkHookBudget, HOOK_BUDGET_BYTES, HOOK_FILE, stripMainWorldLogger } from '../../../scripts/build/hook-budget';

function extensionWithHook(bytes: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jd-hook-'));
  mkdirSync(path.join(dir, path.dirname(HOOK_FILE)), { recursive: true });
  writeFileSync(path.join(dir, HOOK_FILE), 'x'.repeat(bytes));
  return dir;
}

describe('hook budget', () => {
  it('a hook of exactly the budget (5888 bytes) passes; one byte more fails the build with its size', () => {
    expect(checkHookBudget(extensionWithHook(HOOK_BUDGET_BYTES))).toBe(5888);
    expect(() => checkHookBudget(extensionWithHook(HOOK_BUDGET_BYTES + 1))).toThrow(/5889 bytes, over its 5888-byte budget/);
  });

  it("WXT's production-dead logger call is removed from the zoom-hook wrapper only; the error is still rethrown", () => {
    const wrapper = `const result = (async () => {\n\ttry {\n\t\tinitPlugins();\n\t\treturn await definition.main();\n\t} catch (err) {\n\t\tlogger.error(\`The content script "\${import.meta.env.ENTRYPOINT}" crashed on startup!\`, err);\n\t\tthrow err;\n\t}\n})();`;
    const plugin = stripMainWorldLogger() as { transform: (code: string, id: string) => { code: string } | null };
    const out = plugin.transform(wrapper, '\0virtual:wxt-content-script-main-world-entrypoint?/repo/entrypoints/zoom-hook.content.ts');
    expect(out?.code).not.toContain('logger.error');
    expect(out?.code).toContain('throw err;');
    expect(plugin.transform(wrapper, '\0virtual:wxt-content-script-main-world-entrypoint?/repo/entrypoints/other.content.ts')).toBeNull();
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
