import { JoinDoctorError, isJoinDoctorError, usage } from '../../errors';
import { MAX_EXPORT_CHARS } from '../../report/parse';
import { parseExport, renderReport, REPORT_FORMATS, type ReportFormat } from '../../report';
import { parseCommandArgs } from '../args';
import type { Command } from '../types';

const HELP = `Usage: join-doctor report EXPORT.json [--format md|csv|html|json]

Renders a Join Doctor export (saved from the DevTools panel, or written by \`join-doctor har\`).

  --format md     ticket-ready Markdown: summary, outcomes and likely causes first (default)
  --format csv    one row per attempt (RFC 4180, safe to open in a spreadsheet)
  --format html   a standalone page with the iat plot; opens offline, no scripts
  --format json   the export itself, validated and pretty-printed

Exit status: 0 rendered, 2 usage error or unreadable/invalid export.`;

export const report: Command = {
  name: 'report',
  summary: 'render an export as Markdown, CSV, HTML or JSON',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { format: { type: 'string', short: 'f' } }, 'report');
    if (values['help']) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals.length !== 1) usage(`report: expected one EXPORT.json file, got ${positionals.length}.`);
    const format = (values['format'] ?? 'md') as string;
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) usage(`report: --format must be one of ${REPORT_FORMATS.join(', ')} (got ${JSON.stringify(format)}).`);
    const path = positionals[0]!;
    let text: string;
    // The export's own limit, checked before reading: a 200 MB file is refused from its size alone.
    const limit = { maxBytes: MAX_EXPORT_CHARS, what: 'a Join Doctor export' };
    try {
      text = path === '-' ? await io.readStdin(limit) : await io.readFile(path, limit);
    } catch (e) {
      if (isJoinDoctorError(e)) throw e;
      const code = (e as { code?: string } | null)?.code;
      throw new JoinDoctorError('ERR_IO', `report: cannot read ${path}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}.`);
    }
    io.stdout.write(renderReport(parseExport(text), format as ReportFormat));
    return 0;
  },
};
