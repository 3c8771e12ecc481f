import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { removeReactInnerHtml } from '../../../scripts/build/no-inner-html';

const reactDomClient = path.join(path.dirname(createRequire(import.meta.url).resolve('react-dom/package.json')), 'cjs/react-dom-client.production.js');

describe('React DOM without dangerouslySetInnerHTML (captured page text is never rendered as HTML)', () => {
  it('leaves no innerHTML assignment from a value in the installed React DOM, only its constant <script> probe', () => {
    const out = removeReactInnerHtml(readFileSync(reactDomClient, 'utf8'));
    const assignments = [...out.matchAll(/\.innerHTML\s*=\s*([^;\n]*)/g)].map((m) => m[1]!.trim());
    expect(assignments).toEqual(['"<script>\\x3c/script>"']);
    expect(out).toContain('dangerouslySetInnerHTML is disabled in Join Doctor');
  });

  it('fails the build when React changes shape, instead of silently shipping the prop again', () => {
    expect(() => removeReactInnerHtml('e.innerHTML = html;')).toThrow(/expected 2 .* found 0; React changed/);
  });
});
