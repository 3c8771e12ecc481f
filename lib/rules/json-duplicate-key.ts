import { defineRule } from './define';
import { CLAIMS_ONCE } from './fixes';
import { langFix } from './lang';

export const jsonDuplicateKey = defineRule({
  id: 'json-duplicate-key',
  // Warning: which copy a server reads depends on its JSON parser (JSON.parse keeps the last, some keep the first or refuse).
  severity: 'warning',
  title: 'The same key is written twice in the header or payload JSON',
  source: 'RFC 7519 §4 (claim names MUST be unique or the JWT rejected); JSON.parse keeps the last',
  rank: 410,
  sdk: 'any',
  check({ token }) {
    const dups = token.problems.filter((p) => p.code === 'duplicate-claim');
    if (dups.length === 0) return null;
    return dups.map((p) => ({
      message: `${p.message} Join Doctor, like JSON.parse, analysed the last value.`,
      fix: langFix('Build the claims as one object and serialise it once (a JWT library does):', CLAIMS_ONCE, token),
      data: { part: p.part ?? null },
    }));
  },
});
