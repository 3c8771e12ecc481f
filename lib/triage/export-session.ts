/**
 * A Join Doctor export opened on the triage page (or in the panel): its attempts, to be analysed
 * again by this version's rules, as a HAR's are. A redacted export keeps each token's header and
 * payload and drops the HMAC segment (lib/report/redact.ts), so the claims are judged as before;
 * only a secret check needs the full token, and the warning says so.
 */
import type { JoinAttempt } from '../model/attempt';
import type { JoinDoctorExport } from '../report/schema';

export interface ExportSession {
  attempts: JoinAttempt[];
  warnings: string[];
}

export function exportSession(exp: JoinDoctorExport): ExportSession {
  const attempts = exp.items.map((item) => {
    // signatureType only describes the redacted value; the attempt never had it.
    const { signatureType: _type, ...attempt } = item.attempt as JoinAttempt & { signatureType?: string };
    return attempt as JoinAttempt;
  });
  const warnings: string[] = [];
  if (exp.redacted && attempts.some((a) => typeof a.signature === 'string' && a.signature !== '')) {
    warnings.push("This export is redacted: each signature's HMAC segment was removed, so Verify with secret cannot check these tokens (their claims are judged as usual).");
  }
  return { attempts, warnings };
}
