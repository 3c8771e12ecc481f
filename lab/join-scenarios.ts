/**
 * The lab's join scenarios (issue 10): each reproduces, offline and with the real SDK 6.2.0, one
 * way a join fails besides the signature — Zoom's answer (a `code-NNNN` scenario for every
 * web-stage row of lib/rules/join/code-table.ts), no answer, the join arguments, the page
 * (COOP/COEP × video_webrtc_mode) and the SDK's assets — with the finding ids it must produce.
 *
 * The recipes are the measured ones of tests/e2e/join-answers.e2e.test.ts and
 * page-and-assets.e2e.test.ts. The server answer of each code row is written here (not derived
 * from the table's prose); tests/unit/lab/join-scenarios.test.ts checks each against the SDK
 * mapping the capture uses (lib/zoom/wc-info-codes.ts).
 */
import { codeFacts, type CodeFact, type CodeGroup } from '../lib/rules/join/code-table';

export type JoinGroup = 'answer' | 'no-answer' | 'arguments' | 'page' | 'assets';
export type JoinView = 'client' | 'component';

/** What the lab's Zoom stand-in does with the scenario's `wc/info` request. */
export type WcInfoStep =
  | { kind: 'answer'; errorCode: number; errorMessage: string }
  /** Never answers (a proxy that swallows the request). */
  | { kind: 'hang' }
  /** Fails the request without an HTTP answer (net::ERR_FAILED: network, firewall). */
  | { kind: 'abort' }
  /** Answers the POST with this HTTP status; the SDK's JSONP retry then gets `then`. */
  | { kind: 'http-error'; status: number; then: { errorCode: number; errorMessage: string } }
  /** Accepts the join (status:true with the meeting-server fields the SDK needs); the scenario's meetingServer step decides what follows. */
  | { kind: 'accept' };

/**
 * After an accepted wc/info the SDK pings an RWC and opens its meeting-server WebSocket (RWG);
 * lab/meeting-server-stand-in.ts answers both (docs/join-errors.md §7).
 */
export interface MeetingServerStep {
  /** The meeting server's join result (evt 4098 res, e.g. 6601 → 4011), 'silent' (READY, then no answer) or 'no-rwc' (the RWC ping fails). */
  serverCode: number | 'silent' | 'no-rwc';
}

/** Where the page takes the SDK's lib folder from: all there, or one wasm (av/audio.simd.wasm) broken. */
export type AssetCondition = 'ok' | 'wasm-404' | 'wasm-html' | 'wasm-blocked' | 'lib-missing';

export interface PageConditions {
  /** Served with COOP same-origin + COEP require-corp (window.crossOriginIsolated true). */
  isolated: boolean;
  /** A Content-Security-Policy header, when set. */
  csp?: string;
  assets: AssetCondition;
}

export interface JoinScenario {
  name: string;
  group: JoinGroup;
  title: string;
  /** The real-world cause it reproduces. */
  description: string;
  views: readonly JoinView[];
  wcInfo: WcInfoStep;
  meetingServer?: MeetingServerStep;
  page: PageConditions;
  /** Claims beside the lab's good signature (role, video_webrtc_mode; absent: not in the token). */
  token: { role: 0 | 1; videoWebrtcMode?: 0 | 1 };
  /** Join arguments over the lab's defaults (meetingNumber, userName, the view's passcode key ''). */
  args: Record<string, string>;
  /** join() twice on the same page: client view 1 s after the first called back, component view 100 ms apart. */
  joinTwice?: boolean;
  /** The code row it reproduces (code-NNNN scenarios). */
  code?: number;
  /**
   * The finding ids (sorted) each join must produce in a view, after 'iat-quantized' (an info
   * that is right by chance once in 128 tokens) is set aside. One list per join.
   */
  expected: Partial<Record<JoinView, readonly (readonly string[])[]>>;
}

/** The lab's page defaults: not isolated, but the token asks for WebRTC video, so no page finding. */
const PLAIN: PageConditions = { isolated: false, assets: 'ok' };
const ISOLATED: PageConditions = { isolated: true, assets: 'ok' };
const GOOD_TOKEN = { role: 0, videoWebrtcMode: 1 } as const;

/** The answer-* rule that owns each group of rows (lib/rules/join/answer-*.ts). */
export const RULE_OF_GROUP: Record<CodeGroup, string> = {
  signature: 'answer-signature-rejected',
  meeting: 'answer-meeting-refused',
  host: 'answer-host-start',
  authorization: 'answer-external-authorization',
  sdk: 'answer-sdk-refused',
  'meeting-server': 'answer-meeting-server',
  generic: 'answer-generic-failure',
};

const M200 = (errorMessage: string): WcInfoStep => ({ kind: 'answer', errorCode: 200, errorMessage });
const M3000 = (errorMessage: string): WcInfoStep => ({ kind: 'answer', errorCode: 3000, errorMessage });
const SERVER = (errorCode: number, errorMessage: string): WcInfoStep => ({ kind: 'answer', errorCode, errorMessage });

/**
 * Zoom's answer for each web-stage row (the row's `from`, with Zoom's English texts from the
 * 6.2.0 bundle where the SDK matches them), and the argument findings the lab's default join
 * (no userEmail, no tk) rightly adds to it.
 */
export const CODE_ANSWERS: Record<number, { wcInfo: WcInfoStep; alsoExpected?: readonly string[] }> = {
  1: { wcInfo: M200('Your request could not be processed.') },
  200: { wcInfo: M200('Your request could not be processed.') },
  3704: { wcInfo: M200('The api key is wrong.') },
  3705: { wcInfo: M200('The signature has expired.') },
  3706: { wcInfo: M200('The meeting number is wrong.') },
  3707: { wcInfo: M200('The meeting number is not found.') },
  3708: { wcInfo: M200('The role is not applicable.') },
  3709: { wcInfo: M200('The meeting host is not found.') },
  3710: { wcInfo: M200("The account don't enable API.") },
  3711: { wcInfo: M200("Can not be host in other account's meeting.") },
  3712: { wcInfo: M200('Invalid signature.') },
  3713: { wcInfo: M200('No permission') },
  3715: { wcInfo: M200('Assistant join meeting been disabled') },
  3000: { wcInfo: M3000('Already has other meetings in progress.') },
  3005: { wcInfo: M3000('User email is required.'), alsoExpected: ['args-webinar-email-missing'] },
  3701: { wcInfo: M3000('Not support webinar and personal audio conference') },
  3702: { wcInfo: M3000('The meeting host does not exist.') },
  3603: { wcInfo: M3000('Not support start or join meeting from web.') },
  3604: { wcInfo: M3000("The current sdk version doesn't support webinar, please upgrade to the latest version.") },
  3703: { wcInfo: M3000('Invalid meeting ID.') },
  3606: { wcInfo: M3000('Not support registration webinar'), alsoExpected: ['args-registration-tk-missing'] },
  3608: { wcInfo: M3000('Not support start or join meeting from web, when you chose TSP as his audio in a meeting.') },
  3609: { wcInfo: M3000('Not allow to start webinar from web.') },
  3611: { wcInfo: M3000('Unable join from browser, please join using the Zoom desktop client or mobile app.') },
  // The bundle's apac.errorcodes_meeting_websdk_version_need_update text (table b[3000] → 1e4).
  10000: { wcInfo: M3000('The current sdk version is no longer supported, please upgrade to the latest version.') },
  3610: { wcInfo: SERVER(3001, 'Meeting does not exist') },
  3116: { wcInfo: SERVER(3116, 'Signing in is not supported for this webinar.') },
  3099: { wcInfo: SERVER(3099, 'This meeting requires registration.'), alsoExpected: ['args-registration-tk-missing'] },
  3135: { wcInfo: SERVER(3135, 'require tk parameter to join as a panelist'), alsoExpected: ['args-registration-tk-missing'] },
  3100: { wcInfo: SERVER(3100, 'Require login') },
  3034: { wcInfo: SERVER(3034, 'This webinar requires login.') },
  3003: { wcInfo: SERVER(3003, 'You are not the meeting host.') },
  3004: { wcInfo: SERVER(3004, 'Wrong passcode') },
  3008: { wcInfo: SERVER(3008, 'Meeting has not started') },
  3009: { wcInfo: SERVER(3009, 'Be removed.') },
  3082: { wcInfo: SERVER(3082, 'Require real name login') },
  3620: { wcInfo: SERVER(3033, 'Email is blocked by Administrator.') },
  3630: { wcInfo: SERVER(3059, 'Simulive webinar is not supported.') },
  3625: { wcInfo: SERVER(1001, 'Meeting host is inactive.') },
  403: { wcInfo: SERVER(403, 'The service is temporarily offline.') },
  13208: { wcInfo: SERVER(13208, 'The simulive webinar has ended.') },
  3623: { wcInfo: SERVER(3136, 'Token error') },
  3624: { wcInfo: SERVER(3136, 'Please use host/alternative host to start the webinar.') },
  3265: { wcInfo: SERVER(3136, 'Not support start meeting via tokens') },
  3634: { wcInfo: SERVER(3634, 'You be limit by zoom, need to check recaptcha.') },
  // The component view's own transport failure: the request fails without an answer.
  [-3000]: { wcInfo: { kind: 'abort' }, alsoExpected: ['answer-no-answer'] },
};

/**
 * The meeting server's result code behind each meeting-server-stage row (lib/capture/
 * meeting-server-codes.ts, read from the bundles' tables). 3622, 4000 and 4001 come from the
 * connection itself, not from a result code: `ms-unreachable` and `ms-silent` reproduce those stages.
 */
export const MEETING_SERVER_ANSWERS: Record<number, number> = {
  3714: 3004, 3621: 1005, 3627: 3027, 4004: 6, 4005: 9, 4006: 12, 4007: 103043, 4008: 103044, 4009: -1,
  4011: 6601, 4012: 13296, 4013: 13295, 4014: 13299, 4015: 13300, 4016: 3145, 4017: 103041, 4018: 13245, 4019: 21, 6603: 6603,
};

const VIEWS_OF: Record<CodeFact['views'], readonly JoinView[]> = { both: ['client', 'component'], 'client-view': ['client'], 'component-view': ['component'] };

export const codeScenarioName = (code: number) => `code-${code}`;

function codeScenario(f: CodeFact): JoinScenario {
  const a = CODE_ANSWERS[f.code];
  if (!a) throw new Error(`lab: no server answer written for web-stage code ${f.code} (lab/join-scenarios.ts CODE_ANSWERS)`);
  const ids = [RULE_OF_GROUP[f.group], ...(a.alsoExpected ?? [])].sort();
  const views = VIEWS_OF[f.views];
  const said = a.wcInfo.kind === 'answer' ? `Zoom answers wc/info errorCode ${a.wcInfo.errorCode} "${a.wcInfo.errorMessage}"` : 'the wc/info request fails without an answer';
  return {
    name: codeScenarioName(f.code),
    group: 'answer',
    title: f.meaning,
    description: `${said} (${f.from}).`,
    views,
    wcInfo: a.wcInfo,
    page: PLAIN,
    token: GOOD_TOKEN,
    args: {},
    code: f.code,
    expected: Object.fromEntries(views.map((v) => [v, [ids]])),
  };
}

/** A meeting-server row: Zoom accepts the join, the meeting server answers it with its own code. */
function meetingServerScenario(f: CodeFact): JoinScenario | null {
  const res = MEETING_SERVER_ANSWERS[f.code];
  if (res === undefined) return null;
  const views = VIEWS_OF[f.views];
  return {
    name: codeScenarioName(f.code),
    group: 'answer',
    title: f.meaning,
    description: `Zoom accepts wc/info, then the meeting server answers the join with result ${res} (${f.from}).`,
    views,
    wcInfo: { kind: 'accept' },
    meetingServer: { serverCode: res },
    page: PLAIN,
    token: GOOD_TOKEN,
    args: {},
    code: f.code,
    expected: Object.fromEntries(views.map((v) => [v, [[RULE_OF_GROUP[f.group]]]])),
  };
}

const S3707 = M200('The meeting number is not found.');

const OTHER: JoinScenario[] = [
  // --- no answer ---
  {
    name: 'ms-silent',
    group: 'no-answer',
    title: 'Accepted by Zoom, then the meeting server never answers',
    description: 'wc/info accepts the join, the meeting server\'s WebSocket opens and says READY, then never answers the join (a meeting that never lets the user in): the client view calls nothing; the component view gives up after ~61 s with OPERATION_CANCELLED 3. Stage answered-then-nothing.',
    views: ['client', 'component'],
    wcInfo: { kind: 'accept' },
    meetingServer: { serverCode: 'silent' },
    page: PLAIN,
    token: GOOD_TOKEN,
    args: {},
    expected: { client: [['answer-no-answer']], component: [['answer-no-answer']] },
  },
  {
    name: 'ms-unreachable',
    group: 'no-answer',
    title: 'Accepted by Zoom, meeting server unreachable',
    description: 'wc/info accepts the join, but the RWC ping that locates the meeting server fails (a proxy or CSP that allows zoom.us only): the component view says 200 "connection error" at once. Stage meeting-server-unreachable.',
    views: ['component'],
    wcInfo: { kind: 'accept' },
    meetingServer: { serverCode: 'no-rwc' },
    page: PLAIN,
    token: GOOD_TOKEN,
    args: {},
    expected: { component: [['answer-no-answer']] },
  },
  {
    name: 'silent',
    group: 'no-answer',
    title: 'wc/info sent, never answered',
    description: 'A proxy or firewall swallows the request to zoom.us: the SDK calls no callback for 30 s (client view: never). Stage no-answer.',
    views: ['client', 'component'],
    wcInfo: { kind: 'hang' },
    page: PLAIN,
    token: GOOD_TOKEN,
    args: {},
    expected: { client: [['answer-no-answer']], component: [['answer-no-answer']] },
  },
  {
    name: 'unreachable',
    group: 'no-answer',
    title: 'wc/info fails without an answer',
    description: 'zoom.us unreachable (DNS, firewall, ad blocker): the request fails with no HTTP status; the client view says 1 "Fail to join the meeting.", the component view -3000 "connection error".',
    views: ['client', 'component'],
    wcInfo: { kind: 'abort' },
    page: PLAIN,
    token: GOOD_TOKEN,
    args: {},
    expected: { client: [['answer-generic-failure', 'answer-no-answer']], component: [['answer-meeting-server', 'answer-no-answer']] },
  },
  {
    name: 'http-500-jsonp',
    group: 'no-answer',
    title: 'wc/info answered HTTP 500, JSONP retry answered',
    description: 'A gateway error on the POST: the 6.x client view retries as JSONP (GET …&callback=zoomsdkjsonpcallback1), whose answer (3707 here) decides the join.',
    views: ['client'],
    wcInfo: { kind: 'http-error', status: 500, then: { errorCode: 200, errorMessage: 'The meeting number is not found.' } },
    page: PLAIN,
    token: GOOD_TOKEN,
    args: {},
    expected: { client: [['answer-signature-rejected']] },
  },
  {
    name: 'never-sent',
    group: 'no-answer',
    title: 'wc/info never sent: the SDK lib folder is missing',
    description: 'setZoomJSLib / assetPath points at a folder that is not deployed (every lib/av file 404s): the SDK waits for its media files and never asks Zoom.',
    views: ['client'],
    wcInfo: S3707,
    page: { isolated: true, assets: 'lib-missing' },
    token: GOOD_TOKEN,
    args: {},
    expected: { client: [['answer-no-answer', 'asset-http-error']] },
  },
  // --- the join arguments ---
  {
    name: 'host-without-zak',
    group: 'arguments',
    title: 'role 1 without zak',
    description: "Starting as host with a role 1 signature but no zak, in a meeting of another account: Zoom answers 3711 (zoom/meetingsdk-react-sample#22).",
    views: ['client', 'component'],
    wcInfo: M200("Can not be host in other account's meeting."),
    page: PLAIN,
    token: { role: 1, videoWebrtcMode: 1 },
    args: {},
    expected: { client: [['answer-host-start', 'args-host-without-zak']], component: [['answer-host-start', 'args-host-without-zak']] },
  },
  {
    name: 'passcode-encoded',
    group: 'arguments',
    title: "passWord 'Pa%40ss' (URL-encoded)",
    description: "The passcode read from a URL without decoding ('Pa@ss' as 'Pa%40ss'): Zoom answers 3004, and the client view opens its own passcode dialog without calling back (devforum #59739).",
    views: ['client'],
    wcInfo: SERVER(3004, 'Wrong passcode'),
    page: PLAIN,
    token: GOOD_TOKEN,
    args: { passWord: 'Pa%40ss' },
    expected: { client: [['answer-meeting-refused', 'args-passcode-encoded']] },
  },
  {
    name: 'passcode-spaces',
    group: 'arguments',
    title: "passWord ' Pa ss ' (spaces)",
    description: 'A passcode pasted with spaces around and inside it: Zoom compares it exactly and answers 3004.',
    views: ['client'],
    wcInfo: SERVER(3004, 'Wrong passcode'),
    page: PLAIN,
    token: GOOD_TOKEN,
    args: { passWord: ' Pa ss ' },
    expected: { client: [['answer-meeting-refused', 'args-passcode-spaces']] },
  },
  {
    name: 'passcode-key',
    group: 'arguments',
    title: 'client view given password (the component view’s name)',
    description: "Code written for the component view (`password`) moved to ZoomMtg.join, which takes `passWord` and refuses unknown keys with 3 (\"Join parameters: password are invalid!\").",
    views: ['client'],
    wcInfo: S3707,
    page: PLAIN,
    token: GOOD_TOKEN,
    args: { password: 'Pa55' },
    expected: { client: [['answer-sdk-refused', 'args-passcode-key']] },
  },
  {
    name: 'zak-and-obf',
    group: 'arguments',
    title: 'zak and obfToken together',
    description: 'A join passing both the host’s zak and an OBF token: the client view refuses with 3636, the component view with a plain Error, both before asking Zoom.',
    views: ['client', 'component'],
    wcInfo: S3707,
    page: PLAIN,
    token: GOOD_TOKEN,
    args: { zak: 'lab-zak-not-real', obfToken: 'lab-obf-not-real' },
    expected: { client: [['answer-sdk-refused', 'args-zak-and-obf-token']], component: [['answer-sdk-refused', 'args-zak-and-obf-token']] },
  },
  {
    name: 'webinar-no-email',
    group: 'arguments',
    title: 'webinar join without userEmail',
    description: 'A webinar joined without userEmail: Zoom answers 3000 "User email is required.", which the SDK reports as 3005.',
    views: ['client', 'component'],
    wcInfo: M3000('User email is required.'),
    page: PLAIN,
    token: GOOD_TOKEN,
    args: {},
    expected: { client: [['answer-meeting-refused', 'args-webinar-email-missing']], component: [['answer-meeting-refused', 'args-webinar-email-missing']] },
  },
  {
    name: 'meeting-number-spaces',
    group: 'arguments',
    title: "meetingNumber '857 4606 5432' (as Zoom displays it)",
    description: 'The meeting ID copied with its spaces (13 characters): the client view refuses a meetingNumber over 12 characters (4003) before asking Zoom.',
    views: ['client'],
    wcInfo: M200('The meeting number is wrong.'),
    page: PLAIN,
    token: GOOD_TOKEN,
    args: { meetingNumber: '857 4606 5432' },
    expected: { client: [['answer-sdk-refused', 'args-meeting-number-format']] },
  },
  {
    name: 'join-twice',
    group: 'arguments',
    title: 'join() called twice within 10 s',
    description: 'A retry (or an effect run again) calls join 1 s after the first failed: the client view drops it silently (its 10 s rate limit; the bundle names 3633 but 6.2.0 calls nothing back). The component view, given client.join twice 100 ms apart (StrictMode), sends both and both get Zoom\'s answer: nothing to flag.',
    views: ['client', 'component'],
    wcInfo: S3707,
    page: PLAIN,
    token: GOOD_TOKEN,
    args: {},
    joinTwice: true,
    expected: {
      client: [['answer-signature-rejected'], ['answer-no-answer', 'args-join-repeated']],
      component: [['answer-signature-rejected'], ['answer-signature-rejected']],
    },
  },
  // --- the page: COOP/COEP × video_webrtc_mode ---
  ...([
    [true, 0],
    [true, 1],
    [false, 0],
    [false, 1],
  ] as const).map(([isolated, mode]): JoinScenario => ({
    name: `page-${isolated ? 'isolated' : 'plain'}-mode${mode}`,
    group: 'page',
    title: `${isolated ? 'COOP/COEP' : 'no COOP/COEP'}, video_webrtc_mode ${mode}`,
    description: isolated
      ? `Served with Cross-Origin-Opener-Policy same-origin and Cross-Origin-Embedder-Policy require-corp: SharedArrayBuffer is there, nothing to say (video_webrtc_mode ${mode}).`
      : mode === 0
        ? 'No COOP/COEP headers and the token asks for the SharedArrayBuffer path: gallery view and virtual background will be missing (a warning; the join itself is answered 3707 here).'
        : 'No COOP/COEP headers, but the token asks for WebRTC video (video_webrtc_mode 1): no SharedArrayBuffer needed.',
    views: ['client'],
    wcInfo: S3707,
    page: isolated ? ISOLATED : PLAIN,
    token: { role: 0, videoWebrtcMode: mode },
    args: {},
    expected: { client: [isolated || mode === 1 ? ['answer-signature-rejected'] : ['answer-signature-rejected', 'page-not-isolated']] },
  })),
  // --- the SDK's assets (isolated page, WebRTC video: only the asset finding besides Zoom's answer) ---
  {
    name: 'wasm-404',
    group: 'assets',
    title: 'one lib/av wasm answers 404',
    description: 'A deployment that copied lib/av without av/audio.simd.wasm: the SDK waits for it and never asks Zoom.',
    views: ['client'],
    wcInfo: S3707,
    page: { isolated: true, assets: 'wasm-404' },
    token: GOOD_TOKEN,
    args: {},
    expected: { client: [['answer-no-answer', 'asset-http-error']] },
  },
  {
    name: 'wasm-html',
    group: 'assets',
    title: 'one lib/av wasm served as text/html',
    description: "A single-page app's fallback answers the missing av/audio.simd.wasm with index.html (200 text/html).",
    views: ['client'],
    wcInfo: S3707,
    page: { isolated: true, assets: 'wasm-html' },
    token: GOOD_TOKEN,
    args: {},
    expected: { client: [['answer-signature-rejected', 'asset-wrong-mime']] },
  },
  {
    name: 'csp-no-wasm',
    group: 'assets',
    title: "CSP without 'wasm-unsafe-eval'",
    description: "Content-Security-Policy: script-src 'self' 'unsafe-inline' refuses WebAssembly compilation (and, with no worker-src, the SDK's blob: workers).",
    views: ['client'],
    wcInfo: S3707,
    page: { isolated: true, assets: 'ok', csp: "script-src 'self' 'unsafe-inline'" },
    token: GOOD_TOKEN,
    args: {},
    expected: { client: [['answer-signature-rejected', 'csp-blocks-zoom', 'csp-wasm-blocked']] },
  },
  {
    name: 'wasm-blocked',
    group: 'assets',
    title: 'an ad blocker blocks one lib/av wasm',
    description: 'An extension blocker refuses av/audio.simd.wasm (net::ERR_BLOCKED_BY_CLIENT, no HTTP answer): the SDK waits for it and never asks Zoom.',
    views: ['client'],
    wcInfo: S3707,
    page: { isolated: true, assets: 'wasm-blocked' },
    token: GOOD_TOKEN,
    args: {},
    expected: { client: [['answer-no-answer', 'asset-blocked-by-client']] },
  },
];

/** The one broken file of the asset scenarios: requested by every 6.2.0 client-view join (measured). */
export const BROKEN_WASM = 'av/audio.simd.wasm';

/** Where each asset condition serves the SDK's lib folder (lab/server.ts answers these paths). */
export const LIB_PATH: Record<AssetCondition, string> = { ok: '/lib', 'wasm-404': '/lib404', 'wasm-html': '/libhtml', 'wasm-blocked': '/libblock', 'lib-missing': '/nolib' };

const CODE_SCENARIOS = [
  ...codeFacts().filter((f) => f.stage === 'web').map(codeScenario),
  ...codeFacts().filter((f) => f.stage === 'meeting-server').flatMap((f) => meetingServerScenario(f) ?? []),
];

export const JOIN_SCENARIOS: readonly JoinScenario[] = [...CODE_SCENARIOS, ...OTHER];

/** Scenarios the lab runs (all of them, since the meeting-server stand-in is wired in). */
export function runnableJoinScenarios(all: readonly JoinScenario[] = JOIN_SCENARIOS): JoinScenario[] {
  return [...all];
}

const BY_NAME = new Map(runnableJoinScenarios().map((s) => [s.name, s]));

export function joinScenario(name: string): JoinScenario | undefined {
  return BY_NAME.get(name);
}

/** Batches: every code row (the closing note's matrix), or every join scenario. */
export const JOIN_BATCHES = { 'all-codes': 'every code-NNNN scenario in each of its views', 'all-joins': 'every join scenario in each of its views', 'meeting-server': 'every scenario past an accepted wc/info (meeting-server stand-in)' } as const;
export type JoinBatch = keyof typeof JOIN_BATCHES;

export function isJoinBatch(s: unknown): s is JoinBatch {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(JOIN_BATCHES, s);
}

export function batchScenarios(b: JoinBatch): JoinScenario[] {
  const all = runnableJoinScenarios();
  if (b === 'meeting-server') return all.filter((s) => s.meetingServer !== undefined);
  return b === 'all-codes' ? all.filter((s) => s.code !== undefined) : all;
}

export const JOIN_GROUP_TITLES: Record<JoinGroup, string> = {
  answer: "Zoom's answer (one per row of the code table)",
  'no-answer': 'No answer',
  arguments: 'The join arguments',
  page: 'The page (COOP/COEP × video_webrtc_mode)',
  assets: "The SDK's assets",
};
