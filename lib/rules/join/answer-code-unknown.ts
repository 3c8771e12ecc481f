import { defineJoinRule } from './types';
import { endSentence, readCode, viewName, zoomSaid } from './answer-code';

/**
 * A failure whose code no row of the table names (or that came without any code): it says so and
 * shows what Zoom and the SDK said, so the developer has the server's own words to search for.
 */
export const answerCodeUnknown = defineJoinRule({
  id: 'answer-code-unknown',
  severity: 'warning',
  title: "The join failed with a code Join Doctor does not know",
  origin: 'answer',
  source: 'docs/join-errors.md §1 (the table covers every code the 6.2.0 bundles map)',
  check({ attempt }) {
    const r = readCode(attempt);
    if (!r || r.fact) return null;
    const said = zoomSaid(r, "Zoom's answer:");
    if (r.serverCode === null && !r.serverMessage) said.unshift('no answer from Zoom was seen');
    if (r.type) said.push(`type ${r.type}`);
    const what = r.code === null ? 'without an error code' : `with code ${r.code}, which is not in the 6.2.0 SDK's tables`;
    return {
      message: endSentence(`The join failed ${what} (${viewName(attempt)}). ${said.join('; ')}`),
      fix: r.code === null
        ? 'A rejection without a code is usually a plain Error thrown by the SDK (component view: "appKey can not empty in the signature", "zoomAppRoot must be defined"): its message names the problem; see also the token findings.'
        : 'Search the code and Zoom\'s words in Zoom\'s error-code pages and developer forum; a newer SDK may have added it. Export this join (secrets are redacted) when asking for help.',
      data: { code: r.code, serverCode: r.serverCode, serverMessage: r.serverMessage, restatesOutcome: true },
    };
  },
});
