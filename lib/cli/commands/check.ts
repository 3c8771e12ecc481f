import { MAX_TOKEN_LENGTH } from '../../token/decode';
import { checkJson, checkToken, type CheckOptions } from '../../check';
import { isoTime } from '../../rules/claim-values';
import type { Analysis, Severity } from '../../rules/types';
import { numberOption, parseCommandArgs, sdkOption } from '../args';
import { usage } from '../../errors';
import { tokenSdk } from '../../rules/sdk-family';
import { paint, useColour, type CliIO } from '../io';
import { outputWidth, safeText, wrapJson, wrapText } from '../terminal';
import { fixLines } from '../fix-lines';
import { FixesSeen, plainText } from '../../report/fix-text';
import { plural } from '../../correlate/causes';
import { findingText } from '../../report/finding-text';
import { assertSecretFree } from '../../report/redact-secret';
import type { Command } from '../types';

const HELP = `Usage: join-doctor check [options] TOKEN|-

Analyses one Meeting SDK signature or Video SDK JWT and says why Zoom would reject it. The SDK is
detected from the claims (appKey/mn/role: Meeting SDK; app_key/tpc/role_type: Video SDK) unless
--sdk says which SDK's join the token is given to.

  TOKEN                the signature; "-" reads it from standard input
                       (one trailing newline, as echo adds, is ignored)
  --json               print {"verdict","header","payload","findings":[…],"secretChecked"}
  --now EPOCH_S        judge the time claims at this time (default: this machine's clock)
  --meeting N          the meetingNumber passed to join (checks mn)
  --sdk-key K          the sdkKey passed to join (checks appKey)
  --topic T            Video SDK: the topic passed to client.join(topic, token, …) (checks tpc)
  --sdk video|meeting  the SDK whose join gets the token (default: detected from its claims)
  --secret-env VAR     verify the HMAC with the SDK secret read from environment variable VAR
                       (never pass a secret as an argument: shell history keeps it)

Exit status: 0 pass or warnings only, 1 Zoom would reject it, 2 usage error.
Example: JD_SECRET=… join-doctor check --secret-env JD_SECRET --meeting 123456789 eyJhbGciOi…
         join-doctor check --topic "My Session" eyJhbGciOi…     (a Video SDK JWT)`;

/** The payload's JSON as the token wrote it, on one logical line (line breaks and the spaces around them become one space). */
function oneLine(text: string): string {
  const lines = text.split('\n');
  const last = lines.length - 1;
  return lines
    .map((l, i) => (i === 0 ? l.trimEnd() : i === last ? l.trimStart() : l.trim()))
    .filter((l, i) => l !== '' || i === 0 || i === last)
    .join(' ');
}

/** What a check without the secret leaves open: the one thing the token's bytes cannot show. */
export const HMAC_NOT_CHECKED =
  'not checked (no --secret-env): a wrong, re-generated or swapped secret signs a token that passes every other check; only the HMAC shows it';

interface HumanOptions {
  judgedAt: string;
  colour: boolean;
  sdkLine: string;
  secretChecked: boolean;
  width: number;
}

/**
 * The human report: the answer first (verdict and what decides it), then the token, then each
 * finding's fact, explanation and fix. The fix is printed once per advice: two rules giving the
 * same per-language lines (iat-future and iat-quantized on a Java token) share one. The JSON lines
 * are wrapped at member boundaries, never inside a key or a number (lib/cli/terminal.ts wrapJson).
 */
function renderHuman(a: Analysis, o: HumanOptions): string {
  const p = paint(o.colour);
  const count = (s: Severity) => a.findings.filter((f) => f.severity === s).length;
  const parts = (['error', 'warning', 'info'] as const).map((s) => [s, count(s)] as const).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${plural(n, s)}`);
  const head = a.verdict === 'fail' ? p.red(p.bold('FAIL')) : a.verdict === 'warn' ? p.yellow(p.bold('WARN')) : p.green(p.bold('PASS'));
  const top = a.findings.find((f) => f.severity !== 'info') ?? null;
  const what = top ? `${top.id}: ${findingText(top).fact}` : o.secretChecked ? 'no findings; the HMAC verifies with the secret' : 'no findings in the token; the HMAC was not checked';
  const wrapped: string[] = [`${head}  ${safeText(what)}`];
  if (parts.length) wrapped.push(`      ${parts.join(', ')}`);
  wrapped.push('');
  const out = [wrapText(wrapped.join('\n'), o.width)];
  out.push(...wrapJson(a.token.headerJson !== null ? safeText(JSON.stringify(a.token.header)) : p.dim('(not decodable)'), o.width, 'header   '));
  out.push(...wrapJson(a.token.payloadJson !== null ? safeText(oneLine(a.token.payloadJson)) : p.dim('(not decodable)'), o.width, 'payload  '));
  const lines: string[] = [];
  lines.push(`sdk      ${o.sdkLine}`);
  lines.push(`secret   ${o.secretChecked ? 'checked (--secret-env)' : HMAC_NOT_CHECKED}`);
  lines.push(`judged   ${o.judgedAt}`, '');
  const fixes = new FixesSeen();
  for (const f of a.findings) {
    const sev = f.severity === 'error' ? p.red('error  ') : f.severity === 'warning' ? p.yellow('warning') : p.blue('info   ');
    const { fact, detail } = findingText(f);
    lines.push(`${sev}  ${p.bold(f.id)}${f.claim ? p.dim(` [${f.claim}]`) : ''}  ${safeText(fact)}`);
    if (detail) lines.push(`         ${safeText(plainText(detail))}`);
    const same = fixes.seen(f.fix, f.id);
    if (same) lines.push(`         ${p.dim('fix:')} as for ${same} above`, '');
    else lines.push(...fixLines(f.fix, null, '         ', p.dim('fix:')), '');
  }
  out.push(wrapText(lines.join('\n').replace(/\n+$/, ''), o.width));
  return `${out.join('\n')}\n`;
}

async function readToken(positional: string, io: CliIO): Promise<string> {
  if (positional !== '-') return positional;
  // What the analyser reads at most, plus the newline echo adds; more is refused, never cut.
  const text = await io.readStdin({ maxBytes: MAX_TOKEN_LENGTH + 2, what: `a signature (the analyser reads at most ${MAX_TOKEN_LENGTH} characters)` });
  if (text === '') usage('check: "-" reads the token from standard input, but nothing was piped in.');
  return text.replace(/\r?\n$/, '');
}

export const check: Command = {
  name: 'check',
  summary: 'analyse one signature (JWT): why would Zoom reject it?',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: 'boolean' }, now: { type: 'string' }, meeting: { type: 'string' }, 'sdk-key': { type: 'string' }, 'secret-env': { type: 'string' }, topic: { type: 'string' }, sdk: { type: 'string' } },
      'check',
    );
    if (values['help']) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals.length !== 1) usage(`check: expected one TOKEN (or "-" for standard input), got ${positionals.length}.`);
    const now = numberOption(values['now'], '--now', 0, 1e11);
    const tokenText = await readToken(positionals[0]!, io);
    const opts: CheckOptions = {};
    if (now !== undefined) opts.now = now;
    const meeting = values['meeting'] as string | undefined;
    const sdkKey = values['sdk-key'] as string | undefined;
    const topic = values['topic'] as string | undefined;
    const sdk = sdkOption(values['sdk'], 'check');
    if (meeting !== undefined) opts.meetingNumber = meeting;
    if (sdkKey !== undefined) opts.sdkKey = sdkKey;
    if (topic !== undefined) opts.topic = topic;
    if (sdk !== undefined) opts.sdk = sdk;
    const secretVar = values['secret-env'] as string | undefined;
    if (secretVar !== undefined) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(secretVar)) usage(`check: --secret-env takes the NAME of an environment variable (got ${JSON.stringify(secretVar.slice(0, 3))}…), not the secret.`);
      const secret = io.env[secretVar];
      if (secret === undefined || secret === '') usage(`check: environment variable ${secretVar} (named by --secret-env) is not set or empty.`);
      opts.secret = secret;
    }
    const { analysis, at, sdk: sdkInfo } = await checkToken(tokenText, opts, io.now());
    const judged = sdkInfo.judgedAs;
    let text: string;
    if (values['json']) text = `${JSON.stringify({ ...checkJson(analysis), sdk: sdkInfo, secretChecked: opts.secret !== undefined }, null, 2)}\n`;
    else {
      const judgedAt = `${isoTime(at)} (${now !== undefined ? '--now' : "this machine's clock"})`;
      text = renderHuman(analysis, { judgedAt, colour: useColour(io.stdout, io.env), sdkLine: sdkLine(judged, sdk, tokenSdk(analysis.token)), secretChecked: opts.secret !== undefined, width: outputWidth(io.stdout, io.env) });
    }
    // checkToken scrubbed the analysis; this refuses (ERR_SECRET_IN_OUTPUT) whatever form slipped past it.
    assertSecretFree(text, opts.secret, 'output');
    io.stdout.write(text);
    return analysis.verdict === 'fail' ? 1 : 0;
  },
};

function sdkLine(judged: 'meeting' | 'video' | null, given: 'meeting' | 'video' | undefined, own: 'meeting' | 'video' | null): string {
  const name = (x: 'meeting' | 'video' | null) => (x === 'video' ? 'Video SDK' : x === 'meeting' ? 'Meeting SDK' : 'neither SDK');
  // Without --sdk only --meeting makes the judging SDK differ from the claims' (lib/check.ts sdkOf).
  if (given === undefined && own !== null && judged !== null && judged !== own) return `${name(judged)} join (--meeting), but the token is a ${name(own)} token`;
  if (given === undefined) return `${name(judged)} rules (detected from the claims; --sdk to say which join gets it)`;
  return own !== null && own !== given ? `${name(given)} join (--sdk), but the token is a ${name(own)} token` : `${name(given)} rules (--sdk)`;
}
