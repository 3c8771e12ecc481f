import type { Plugin } from 'vite';

/** React DOM's production client: the only module in the extension that assigns innerHTML from a value. */
const REACT_DOM_CLIENT = /react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/;
/** Its `dangerouslySetInnerHTML` prop, in setProp and setPropOnCustomElement. */
const PROP_ASSIGNMENT = '(domElement.innerHTML = key)';
const EXPECTED_ASSIGNMENTS = 2;
const REFUSAL = '(function () { throw Error("dangerouslySetInnerHTML is disabled in Join Doctor: captured text is never rendered as HTML (scripts/build/no-inner-html.ts)"); })()';

/**
 * Removes React DOM's `dangerouslySetInnerHTML` from the extension's bundle. The panel renders text
 * written by pages and HAR files (possible attackers), and never as HTML: no component uses the
 * prop, and after this none can (it throws instead of assigning). It is also what addons-linter
 * flags as UNSAFE_VAR_ASSIGNMENT in the Firefox package. Fails the build when React's code changes
 * shape, so the edit never silently stops applying.
 */
export function removeReactInnerHtml(code: string): string {
  const found = code.split(PROP_ASSIGNMENT).length - 1;
  if (found !== EXPECTED_ASSIGNMENTS) {
    throw new Error(`scripts/build/no-inner-html.ts: expected ${EXPECTED_ASSIGNMENTS} "${PROP_ASSIGNMENT}" in react-dom-client.production.js, found ${found}; React changed, update the edit`);
  }
  return code.split(PROP_ASSIGNMENT).join(REFUSAL);
}

export const noReactInnerHtml = (): Plugin => ({
  name: 'join-doctor:no-react-inner-html',
  enforce: 'pre',
  transform(code, id) {
    if (!REACT_DOM_CLIENT.test(id.split('?')[0]!)) return null;
    return { code: removeReactInnerHtml(code), map: null };
  },
});
