/**
 * The README and docs/ stay true to the code they describe: every relative link and image points at
 * a file that exists, the hook budget they quote is the one the build enforces, and the permissions
 * the README explains are the ones the manifest asks for (the old README said "storage only; no host
 * permissions" while Chrome's dialog said "Read and change all your data on all websites").
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOOK_BUDGET_BYTES } from '../../../scripts/build/hook-budget';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const docs = ['README.md', 'CHANGELOG.md', ...readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const text = (f: string) => readFileSync(path.join(root, f), 'utf8');

/** Relative targets of Markdown links/images and HTML src/href, without their #fragment. */
function relativeTargets(md: string): string[] {
  const out: string[] = [];
  for (const m of md.matchAll(/\]\(([^)\s]+)\)|\b(?:src|href)="([^"]+)"/g)) {
    const target = (m[1] ?? m[2])!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    out.push(target.split('#')[0]!);
  }
  return out;
}

describe('README and docs/ are current with the code', () => {
  it('every relative link and image resolves to a file in the repository', () => {
    const broken: string[] = [];
    for (const f of docs) {
      for (const t of relativeTargets(text(f))) if (!existsSync(path.join(root, path.dirname(f), t))) broken.push(`${f} → ${t}`);
    }
    expect(broken).toEqual([]);
  });

  it('every repository path docs/architecture.md names, in prose or in its picture, exists', () => {
    const md = text('docs/architecture.md');
    // Paths from the repository root: a newcomer follows them from the map into the tree.
    const named = new Set<string>();
    for (const m of md.matchAll(/(?<![\w./-])((?:lib|entrypoints|components|tests|lab|scripts|docs)\/[\w./-]*[\w/])/g)) named.add(m[1]!);
    expect(named.size).toBeGreaterThan(40);
    expect([...named].filter((p) => !existsSync(path.join(root, p)))).toEqual([]);
  });

  it('the picture of docs/architecture.md reads at 80 columns', () => {
    const md = text('docs/architecture.md');
    const picture = /```text\n([\s\S]*?)\n```/.exec(md);
    expect(picture, 'docs/architecture.md has no ```text picture').not.toBeNull();
    expect(picture![1]!.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
  });

  it('the hook budget the docs quote is the one every build enforces', () => {
    const quoted = docs.flatMap((f) => [...text(f).matchAll(/(\d[\d,]*) bytes\b[^.\n]*(?:hook|HOOK_BUDGET)|(?:hook|HOOK_BUDGET)[^.\n]*?(\d[\d,]*) bytes/gi)].map((m) => `${f}: ${(m[1] ?? m[2])!}`));
    expect(quoted.length).toBeGreaterThan(0);
    for (const q of quoted) expect(q).toMatch(new RegExp(`: ${HOOK_BUDGET_BYTES.toLocaleString('en-US')}$`));
  });

  it("the README explains the install dialog of the manifest's real permissions", () => {
    const readme = text('README.md');
    const config = text('wxt.config.ts');
    // The content scripts' <all_urls> match is the dialog's "all your data on all websites".
    expect(text('entrypoints/relay.content.ts')).toContain("matches: ['<all_urls>']");
    expect(readme).toContain('Read and change all your data on all websites');
    expect(readme).toContain('Access your data for all websites');
    expect(readme).toContain('`<all_urls>`');
    expect(config).toContain("permissions: ['storage']");
    expect(readme).toContain('`storage`');
    expect(readme).not.toMatch(/no host permissions/i);
  });
});
