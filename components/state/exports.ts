/**
 * Export formats the panel offers. Content comes entirely from lib/report (schema builder,
 * redaction, renderers); this file only names the files and picks the renderer.
 */
import type { JoinAttempt } from '../../lib/model/attempt';
import { buildExport, renderCsv, renderHtml, renderMarkdown, serializeExport } from '../../lib/report';
import type { JoinDoctorExport } from '../../lib/report/schema';
import { assertSecretFree, redactKnownSecret } from '../../lib/report/redact-secret';
import { correlationItems } from './correlation';
import { sessionSecret } from './session-secret';
import { fileTimestamp, pageHost } from './format';

export type ExportFormat = 'json' | 'markdown' | 'html' | 'csv';

interface FormatSpec {
  label: string;
  ext: string;
  mime: string;
  render(exp: JoinDoctorExport): string;
}

export const EXPORT_FORMATS: Record<ExportFormat, FormatSpec> = {
  json: { label: 'JSON', ext: 'json', mime: 'application/json', render: serializeExport },
  markdown: { label: 'Markdown', ext: 'md', mime: 'text/markdown', render: renderMarkdown },
  html: { label: 'HTML', ext: 'html', mime: 'text/html', render: renderHtml },
  csv: { label: 'CSV', ext: 'csv', mime: 'text/csv', render: renderCsv },
};

export interface ExportFile {
  fileName: string;
  mime: string;
  text: string;
}

export interface ExportRequest {
  attempts: readonly JoinAttempt[];
  source: 'live' | 'har';
  /** The inspected page (live) or the first page seen in the file (import), for the file name. */
  pageUrl: string | null;
  includeFullTokens: boolean;
  now?: Date;
}

export function makeExport(format: ExportFormat, req: ExportRequest): ExportFile {
  const now = req.now ?? new Date();
  const host = pageHost(req.pageUrl);
  const spec = EXPORT_FORMATS[format];
  const built = buildExport(correlationItems(req.attempts), {
    source: req.source,
    // The report names the real host ("127.0.0.1:39765"); only the file name needs the safe form.
    pageHost: hostOf(req.pageUrl),
    includeFullTokens: req.includeFullTokens,
    createdAt: now,
  });
  // A swapped backend puts the secret in appKey: the session secret never leaves in an export,
  // in any form the rules tried (lib/report/redact-secret.ts), and a file that still holds it is refused.
  const { secret } = sessionSecret.getState();
  const exp = secret ? redactKnownSecret(built, secret) : built;
  const text = spec.render(exp);
  assertSecretFree(text, secret, `${spec.label} export`);
  const suffix = req.includeFullTokens ? '-FULL-TOKENS' : '';
  return {
    fileName: `join-doctor-${host}-${fileTimestamp(now.getTime())}${suffix}.${spec.ext}`,
    mime: spec.mime,
    text,
  };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}
