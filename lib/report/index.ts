export type * from './schema';
export { EXPORT_SCHEMA_VERSION, EXPORT_SOURCES } from './schema';
export { buildExport, serializeExport, type BuildExportOptions } from './build';
export { parseExport } from './parse';
export { redactForDisplay, redactSignature, redactText, redactValue, REDACTED, REDACTED_EMAIL } from './redact';
export { renderMarkdown } from './markdown';
export { renderCsv, csvCell } from './csv';
export { renderHtml, renderOffsetPlotSvg, escapeHtml, REPORT_CSP } from './html';
export { TOOL_VERSION } from './version';

import type { JoinDoctorExport } from './schema';
import { renderMarkdown } from './markdown';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { serializeExport } from './build';

export type ReportFormat = 'md' | 'csv' | 'html' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'csv', 'html', 'json'];

/** Renders an export in one of the report formats (pure: same export, same text). */
export function renderReport(exp: JoinDoctorExport, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return renderMarkdown(exp);
    case 'csv':
      return renderCsv(exp);
    case 'html':
      return renderHtml(exp);
    case 'json':
      return serializeExport(exp);
  }
}
