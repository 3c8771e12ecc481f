/**
 * The Public Suffix List lookup (tldts, bundled into the background). Imported from tldts' own
 * prebuilt minified bundle, not its ES module sources: from the sources, the extension's minifier
 * copies the list's 68 KB label table into each place that reads it (background.js grew by 281 KB;
 * from this bundle, by 136 KB).
 */
// @ts-expect-error -- the prebuilt bundle ships no declarations; it is typed below by tldts' own.
import { getDomain as prebuiltGetDomain } from 'tldts/dist/index.esm.min.js';

export const getDomain: typeof import('tldts').getDomain = prebuiltGetDomain;
