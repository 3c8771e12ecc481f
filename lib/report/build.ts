import type { JoinAttempt } from '../model/attempt';
import type { Analysis } from '../rules/types';
import { correlate } from '../correlate';
import { redactSignature, redactValue } from './redact';
import { EXPORT_SCHEMA_VERSION, type ExportSource, type ExportedItem, type JoinDoctorExport } from './schema';
import { TOOL_VERSION } from './version';

export interface BuildExportOptions {
  source: ExportSource;
  pageHost?: string | null;
  /** Explicit opt-in: keep full signatures (a credential for up to 48 h). Everything else stays redacted. */
  includeFullTokens?: boolean;
  /** Defaults to now; pass it for reproducible exports. */
  createdAt?: Date;
}

function exportItem(attempt: JoinAttempt, analysis: Analysis, full: boolean): ExportedItem {
  const { signature, ...rest } = attempt;
  const redactedRest = redactValue(rest, full);
  return {
    attempt: {
      ...redactedRest,
      id: String(attempt.id),
      signature: redactSignature(signature, full),
      signatureType: signature === null ? 'null' : Array.isArray(signature) ? 'array' : typeof signature,
    },
    analysis: redactValue(
      {
        verdict: analysis.verdict,
        header: analysis.token.header,
        payload: analysis.token.payload,
        findings: analysis.findings,
        ...(analysis.secretChecked ? { secretChecked: true } : {}),
      },
      full,
    ),
  };
}

/**
 * Builds the export from attempts and their analyses. Correlation runs on the unredacted data (it
 * needs iat and the outcomes, not secrets) and is then redacted like everything else.
 */
export function buildExport(items: ReadonlyArray<{ attempt: JoinAttempt; analysis: Analysis }>, opts: BuildExportOptions): JoinDoctorExport {
  const full = opts.includeFullTokens === true;
  const correlation = correlate(items);
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    tool: { name: 'join-doctor', version: TOOL_VERSION },
    createdAt: (opts.createdAt ?? new Date()).toISOString(),
    source: opts.source,
    pageHost: opts.pageHost ? redactValue(opts.pageHost) : null,
    redacted: !full,
    items: items.map(({ attempt, analysis }) => {
      const item = exportItem(attempt, analysis, full);
      const cause = correlation.primary[String(attempt.id)];
      return cause ? { ...item, primaryCause: cause } : item;
    }),
    correlation: redactValue(correlation, full),
  };
}

/** Pretty JSON text of an export (what the panel saves and `report --format json` prints). */
export function serializeExport(exp: JoinDoctorExport): string {
  return `${JSON.stringify(exp, null, 2)}\n`;
}
