import { defineJoinRule } from './types';
import type { JoinAttempt } from '../../model/attempt';
import type { FindingInput } from '../define';
import { meetingServerFailure } from './answer-code';

type Stage = 'not-sent' | 'no-answer' | 'network-failure' | 'answered-then-nothing' | 'meeting-server-unreachable' | 'refused-no-callback';

/** What the SDK reports when wc/info got no answer: client view 1, component view 200 / -3000, or no code. */
const TRANSPORT_CODES = new Set<number | null>([1, 200, -3000, null]);

function stageOf(a: JoinAttempt): Stage | null {
  const w = a.wire;
  const ms = meetingServerFailure(a);
  if (ms) return ms === 'gave-up' ? 'answered-then-nothing' : 'meeting-server-unreachable';
  // Only a transport code says the request failed: a specific code (3707) came from Zoom's answer,
  // even when the request paired with the join is one the SDK cancelled itself (two joins at once).
  if (a.outcome.kind === 'failure') return w && w.http === 0 && TRANSPORT_CODES.has(a.outcome.code) ? 'network-failure' : null;
  // 6.x refuses a signature without appKey in the console only: no request, no callback.
  if (a.outcome.kind === 'silent-refusal') return 'not-sent';
  // A HAR is final: a wc/info it holds without a response was never answered while it recorded.
  if (a.outcome.kind === 'pending' && a.api === 'wire') return w && w.sentAt !== null && w.answeredAt === null ? 'no-answer' : null;
  if (a.outcome.kind !== 'timeout') return null;
  if (!w || w.sentAt === null) return 'not-sent';
  if (w.answeredAt === null) return 'no-answer';
  if (w.http === 0) return 'network-failure';
  return w.accepted === false ? 'refused-no-callback' : 'answered-then-nothing';
}

const SAY: Record<Stage, { message: string; fix: string }> = {
  'not-sent': {
    message: 'The SDK never sent its wc/info request: the join stopped in the browser, before Zoom was asked.',
    fix: 'Check that init() succeeded before join() (call join from init\'s success / after `await client.init()`), that the SDK\'s lib/av assets loaded (network tab: 403/404, wrong MIME type, CSP, ad blocker; setZoomJSLib / assetPath), and the console: 6.x refuses a signature without appKey silently ("please check your signature and please add appKey").',
  },
  'no-answer': {
    message: 'The SDK sent wc/info and no answer came back while the hook waited.',
    fix: 'Look at the wc/info request in the network tab: a blocked host (proxy, firewall, ad blocker), a CSP connect-src without https://zoom.us, or a custom webEndpoint that does not answer. The SDK times the request out after 30 s.',
  },
  'network-failure': {
    message: 'The wc/info request failed without an HTTP answer (status 0: blocked, CORS or aborted).',
    fix: 'Something between the page and zoom.us refused the request: an ad or privacy blocker, a corporate proxy, a CSP connect-src without https://zoom.us, or a webEndpoint pointing at a host that does not send CORS headers. The network tab names the reason.',
  },
  'answered-then-nothing': {
    message: "Zoom answered wc/info (the signature was accepted) and then nothing settled: the join stopped at the meeting-server stage.",
    fix: 'Check WebSocket access to *.zoom.us (CSP connect-src wss://*.zoom.us, proxies), that the meeting has started or allows joining before the host, the waiting room, and external-account authorization (an OBF join waits for its authorizing user).',
  },
  'meeting-server-unreachable': {
    message: "Zoom answered wc/info (the signature was accepted), but the SDK could not reach the meeting server: its RWC ping (https://…/wc/ping/…) failed and the join was rejected with \"connection error\".",
    fix: 'Let the browser reach Zoom\'s meeting servers, not only zoom.us: the RWC hosts named in the wc/info answer (*.zoom.us over HTTPS) and the RWG WebSocket (wss://*.zoom.us): CSP connect-src, corporate proxy or firewall, ad or privacy blockers.',
  },
  'refused-no-callback': {
    message: "Zoom refused the join in its wc/info answer, yet the SDK called neither success nor error.",
    fix: "Read Zoom's answer in the network tab: some refusals (registration, login required) open the SDK's own dialog instead of calling error(); handle them with the SDK's UI or pass tk / zak.",
  },
};

/**
 * How far the meeting-server stage got, when the hook saw it (live capture; a HAR has no
 * WebSocket events here): the SDK opens its RWG WebSocket only after the RWC ping answered.
 */
function meetingServerWords(a: JoinAttempt): { text: string; opened: boolean | null } {
  const ms = a.wire?.meetingServer;
  if (a.api === 'wire' && !ms) return { text: '', opened: null };
  if (!ms || ms.openedAt === null)
    return { text: ' The SDK never opened its meeting-server WebSocket (wss://…/wc/api/…): the RWC ping that locates the meeting server (https://…/wc/ping/…) got no usable answer.', opened: false };
  const after = a.wire?.answeredAt != null ? ` ${((ms.openedAt - a.wire.answeredAt) / 1000).toFixed(1)} s after Zoom's answer` : '';
  return { text: ` The SDK opened its meeting-server WebSocket${after}; the meeting server never answered the join (no evt 4098).`, opened: true };
}

/**
 * A join that never settled (or failed without any answer from Zoom), and where it stopped: no
 * wc/info request at all, a request with no answer, a network failure, or an answer and then
 * nothing (the meeting-server stage).
 */
export const answerNoAnswer = defineJoinRule({
  id: 'answer-no-answer',
  severity: 'error',
  title: 'The join got no answer: where it stopped',
  origin: 'answer',
  source: 'docs/join-errors.md §8',
  check({ attempt }): FindingInput | null {
    if (attempt.sdk === 'video') return null;
    const stage = stageOf(attempt);
    if (!stage) return null;
    const w = attempt.wire;
    const o = attempt.outcome;
    const waited =
      o.kind === 'timeout'
        ? ` Nothing settled within ${Math.round(o.afterMs / 1000)} s of join().`
        : o.kind === 'silent-refusal'
          ? ` The SDK said only: ${JSON.stringify(o.reason.slice(0, 200))}.`
          : o.kind === 'pending'
            ? ' The recording ends without its response (a HAR does not say how long it waited).'
            : stage === 'answered-then-nothing' && o.kind === 'failure' && attempt.settledAt != null
              ? ` The component view gave up ${Math.round((attempt.settledAt - attempt.calledAt) / 1000)} s after join() with ${o.type} "${o.message}" (errorCode ${o.code}): its meeting-server connection answered no heartbeat.`
              : '';
    // A HAR's join is its wc/info request: "left N s after join()" would always say 0.
    const when = w && w.sentAt !== null && attempt.api !== 'wire' && Number.isFinite(attempt.calledAt) ? ` wc/info left ${((w.sentAt - attempt.calledAt) / 1000).toFixed(1)} s after join()${w.answeredAt !== null ? `, its answer came ${((w.answeredAt - w.sentAt) / 1000).toFixed(1)} s later` : ''}.` : '';
    const rwg = stage === 'answered-then-nothing' ? meetingServerWords(attempt) : { text: '', opened: stage === 'meeting-server-unreachable' ? false : null };
    const said = attempt.api === 'wire' ? SAY[stage].message.replace('while the hook waited', 'while the HAR recorded') : SAY[stage].message;
    return {
      message: `${said}${waited}${when}${rwg.text}`,
      fix: SAY[stage].fix,
      data: { stage, http: w?.http ?? null, rwgOpened: rwg.opened, headline: stage === 'answered-then-nothing' ? 'accepted by Zoom, then stuck at the meeting-server stage' : stage === 'meeting-server-unreachable' ? 'accepted by Zoom, meeting server unreachable' : stage === 'not-sent' ? 'the SDK never asked Zoom (wc/info not sent)' : stage === 'refused-no-callback' ? 'refused by Zoom, no callback' : 'no answer from Zoom to wc/info' },
    };
  },
});
