/**
 * A Join Doctor export opened on the triage page (or in the panel): its attempts, and for a
 * redacted export the analyses it was written with. A redacted export keeps each token's header
 * and payload but replaces the HMAC segment with `<redacted>` (lib/report/redact.ts): analysed
 * again, every such token would read "not a JWT". So the findings, verdict and primary causes are
 * the export's own, and only the token's decoding (header and payload, for the claim table) is
 * done here. An export with full tokens is analysed again by this version's rules, as a HAR is,
 * and Verify with secret works on it.
 */
import type { JoinAttempt } from '../model/attempt';
import type { Analysis } from '../rules/types';
import { decodeSignature } from '../token/decode';
import type { DecodedToken } from '../token/types';
import { REDACTED } from '../report/redact';
import type { ExportedItem, JoinDoctorExport } from '../report/schema';

export interface ExportSession {
  attempts: JoinAttempt[];
  /** Analyses to show as they are (redacted exports), by attempt index; null to analyse afresh. */
  analyses: Analysis[] | null;
  warnings: string[];
}

const REDACTED_TAIL = `.${REDACTED}`;

/** The token as the export kept it, without the decoding problem its `<redacted>` segment causes. */
function decodedAsExported(signature: unknown): DecodedToken {
  const token = decodeSignature(signature);
  if (typeof signature !== 'string' || !signature.endsWith(REDACTED_TAIL)) return token;
  return { ...token, problems: token.problems.filter((p) => p.part !== 'signature') };
}

function asAttempt(item: ExportedItem): JoinAttempt {
  // signatureType only describes the exported value; the attempt never had it.
  const { signatureType: _type, ...attempt } = item.attempt as unknown as JoinAttempt & { signatureType?: string };
  return attempt;
}

export function exportSession(exp: JoinDoctorExport): ExportSession {
  const attempts = exp.items.map(asAttempt);
  if (!exp.redacted) return { attempts, analyses: null, warnings: [] };
  const analyses = exp.items.map(
    (item): Analysis => ({
      verdict: item.analysis.verdict,
      token: decodedAsExported(item.attempt.signature),
      findings: item.analysis.findings,
      ...(item.analysis.secretChecked ? { secretChecked: true } : {}),
    }),
  );
  return {
    attempts,
    analyses,
    warnings: [
      `This export is redacted (${exp.tool.name} ${exp.tool.version}, ${exp.createdAt}): its findings are shown as it recorded them, and without the tokens' HMAC segments Verify with secret cannot check them.`,
    ],
  };
}
