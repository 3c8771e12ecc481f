/**
 * The shared reading of a failed join's code behind the answer-* rules: which row of the code
 * table it is (docs/join-errors.md), in which view, and whether a token finding already explains
 * it. Each answer-* rule owns one group of rows, so ids stay stable and a row never gives two findings.
 */
import type { JoinAttempt } from '../../model/attempt';
import type { FindingInput } from '../define';
import type { Analysis } from '../types';
import type { FindingId } from '../ids';
import { sdkCodeForAnswer } from '../../zoom/wc-info-codes';
import { codeFact, type CodeFact, type CodeGroup, type CodeStage } from './code-table';
import { tokenRulesProducing } from '../catalogue-facts';

export const STAGE_LABEL: Record<CodeStage, string> = {
  browser: 'in the browser, before Zoom was asked (the SDK refused)',
  web: "at Zoom's join answer (wc/info)",
  'meeting-server': 'after wc/info, at the meeting server',
};

const MAX_WORDS = 200;

/**
 * Rejections that carry no code but whose message is one of the table's rows: the component view
 * rejects zak + obfToken with a plain Error "zak and obfToken are mutually exclusive…" before its
 * own 5013 check (measured, tests/e2e/join-answers.e2e.test.ts).
 */
const CODELESS: ReadonlyArray<[RegExp, number]> = [[/zak and obfToken are mutually exclusive/i, 3636]];

export interface ReadCode {
  code: number | null;
  /** The row that explains the code; for the component view's 200, the row of Zoom's own server code. */
  fact: CodeFact | undefined;
  /** The row was found through Zoom's server code (component view 200 → e.g. 3610). */
  viaServerCode: number | null;
  serverCode: number | null;
  serverMessage: string | null;
  message: string | null;
  type: string | null;
}

export function viewName(a: JoinAttempt): string {
  return a.api === 'client-view' ? 'client view' : a.api === 'component-view' ? 'component view' : 'seen on the wire';
}

/**
 * A component-view failure that is the meeting-server stage failing to answer, not a code
 * (measured with 6.2.0, docs/join-errors.md §8), after Zoom accepted the signature:
 *  - `gave-up`: the RWG WebSocket answered neither the join nor 3 heartbeats (20 s apart); the SDK
 *    rejects `{type:"OPERATION_CANCELLED", reason:"RECONNECTING_MEETING", errorCode:3}` ~60 s after
 *    the socket opened. Its 3 is not the client view's 3 (NOT_SUPPORT).
 *  - `unreachable`: the RWC ping that locates the meeting server failed; the SDK rejects at once
 *    `{type:"JOIN_MEETING_FAILED", reason:"connection error", errorCode:200}` (no socket opened).
 * Both are answer-no-answer's, not a row of the code table.
 */
export function meetingServerFailure(a: JoinAttempt): 'gave-up' | 'unreachable' | null {
  const o = a.outcome;
  if (o.kind !== 'failure' || a.api === 'client-view' || a.wire?.accepted !== true) return null;
  if (o.type === 'OPERATION_CANCELLED' && /RECONNECTING_MEETING/.test(o.message ?? '')) return 'gave-up';
  if (o.code === 200 && o.message === 'connection error' && !a.wire.meetingServer?.openedAt) return 'unreachable';
  return null;
}

/** What a failed Meeting SDK join's outcome says, or null when it is not a failure (or is the meeting server not answering, see meetingServerFailure). */
export function readCode(a: JoinAttempt): ReadCode | null {
  const o = a.outcome;
  if (o.kind !== 'failure' || a.sdk === 'video' || meetingServerFailure(a) !== null) return null;
  const serverCode = typeof o.serverCode === 'number' ? o.serverCode : null;
  const serverMessage = typeof o.serverMessage === 'string' ? o.serverMessage.slice(0, MAX_WORDS) : null;
  const base = { code: o.code, serverCode, serverMessage, message: o.message?.slice(0, MAX_WORDS) ?? null, type: o.type ?? null, viaServerCode: null };
  if (o.code === null) {
    // Plain Errors without a code whose text names a row (component view 6.2.0, measured).
    const hit = o.message ? CODELESS.find(([re]) => re.test(o.message!)) : undefined;
    return { ...base, fact: hit ? codeFact(hit[1]) : undefined };
  }
  const fact = codeFact(o.code);
  // The component view reports most of Zoom's codes as 200 with Zoom's words: name the server code.
  if (fact?.restates && serverCode !== null && serverCode !== 200) {
    const asClient = sdkCodeForAnswer(serverCode, serverMessage, 'client-view').code;
    const better = asClient === null ? undefined : codeFact(asClient);
    if (better && !better.restates) return { ...base, fact: better, viaServerCode: serverCode };
  }
  return { ...base, fact };
}

/**
 * What Zoom and the SDK said, as one clause: `Zoom answered errorCode 3712 "Signature is invalid."`.
 * A missing code is left out rather than printed as "(none)".
 */
export function zoomSaid(r: ReadCode, lead = 'Zoom answered'): string[] {
  const parts: string[] = [];
  if (r.serverCode !== null) parts.push(`${lead} errorCode ${r.serverCode}${r.serverMessage ? ` "${r.serverMessage}"` : ''}`);
  else if (r.serverMessage) parts.push(`${lead} "${r.serverMessage}" without an error code`);
  if (r.message && r.message !== r.serverMessage) parts.push(`the SDK said "${r.message}"`);
  return parts;
}

/** Ends a sentence once: Zoom's own words often end in a full stop inside the quotes. */
export function endSentence(text: string): string {
  const last = text.endsWith('"') ? text.at(-2) : text.at(-1);
  return last === '.' || last === '!' || last === '?' ? text : `${text}.`;
}

function words(r: ReadCode): string {
  return zoomSaid(r).join('; ');
}

/** Token findings that produce this code (signature-facts §2), by id. */
function explainers(code: number, token: Analysis, restates: boolean): FindingId[] {
  const affine: readonly FindingId[] = tokenRulesProducing(code);
  const errors = token.findings.filter((f) => f.severity === 'error');
  const hit = errors.filter((f) => affine.includes(f.id)).map((f) => f.id);
  if (hit.length > 0) return hit;
  return restates ? errors.map((f) => f.id) : [];
}

/** The finding of a row of the given groups, or null when the code is not one of them. */
export function answerFinding(attempt: JoinAttempt, token: Analysis, groups: readonly CodeGroup[]): FindingInput | null {
  const r = readCode(attempt);
  if (!r || !r.fact || !groups.includes(r.fact.group)) return null;
  const f = r.fact;
  const msRes = attempt.wire?.meetingServer?.res;
  const ms = typeof msRes === 'number' && msRes !== 0 ? msRes : null;
  // A meeting-server refusal comes after an accepted wc/info: name the meeting server's own code.
  const said = [ms !== null ? `Zoom accepted the signature (wc/info status:true); the meeting server then answered the join with result code ${ms}` : '', words(r)].filter(Boolean).join('; ');
  const via = r.viaServerCode !== null ? ` The ${viewName(attempt)} reported ${r.code}; Zoom's own code ${r.viaServerCode} is what the client view calls ${f.code}.` : '';
  const explained = explainers(f.code, token, f.restates === true);
  const lead = `The join failed with ${r.code ?? `no code ("${r.message ?? ''}")`}${r.type ? ` (${r.type})` : ''}${attempt.api === 'wire' ? ' (read from the wc/info exchange)' : ` in the ${viewName(attempt)}`}: ${f.meaning}.${via} It stopped ${STAGE_LABEL[f.stage]}.${said ? ` ${endSentence(`${said[0]!.toUpperCase()}${said.slice(1)}`)}` : ''}`;
  const data: Record<string, number | string | boolean | null> = { code: r.code, meaningCode: f.code, serverCode: r.serverCode, stage: f.stage, group: f.group, headline: f.meaning };
  if (r.serverMessage) data.serverMessage = r.serverMessage;
  if (ms !== null) data.meetingServerCode = ms;
  if (explained.length > 0) {
    data.explainedBy = explained.join(',');
    return { severity: 'info', message: `${lead} The token finding${explained.length > 1 ? 's' : ''} ${explained.join(', ')} explain${explained.length > 1 ? '' : 's'} this code.`, fix: `Fix ${explained.join(', ')} first. ${f.check}`, data };
  }
  if (f.restates) {
    data.restatesOutcome = true;
    return { severity: 'warning', message: `${lead} The code only says that the join failed.`, fix: f.check, data };
  }
  return { message: lead, fix: f.check, data };
}
