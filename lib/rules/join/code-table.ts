/**
 * Every code the Meeting SDK 6.2.0 can report for a join, with what it means and what to check.
 * The facts, and where each was read, are in docs/join-errors.md; the answer-* rules read this
 * one table so the panel, the CLI and the exports name a code the same way.
 *
 * `stage` says where the join stopped: `browser` (the SDK refused before asking Zoom), `web`
 * (Zoom's `wc/info` answer), `meeting-server` (after connecting to the meeting server).
 * `restates`: the code only says "it failed" (1, 200, 3712): its finding never takes the headline
 * from a rule that says why.
 *
 * Which rules explain a code is said by each rule (`produces`) and gathered in affinity.ts.
 */

export type CodeGroup = 'signature' | 'meeting' | 'host' | 'authorization' | 'sdk' | 'meeting-server' | 'generic';
export type CodeStage = 'browser' | 'web' | 'meeting-server';
export type CodeView = 'both' | 'client-view' | 'component-view';

export interface CodeFact {
  code: number;
  group: CodeGroup;
  stage: CodeStage;
  views: CodeView;
  /** What produces it: Zoom's server code and message, or the SDK's own check. */
  from: string;
  /** The meaning in one line (used as the headline). */
  meaning: string;
  /** What to check, concretely. */
  check: string;
  restates?: true;
}

const PAC = 'Zoom answered wc/info with errorCode 200 and';
const AUTH_DOC = 'Zoom requires apps joining meetings outside their own account to be authorized (ZAK or OBF token; published app) since its 2026 authorization change (error-codes page banner: enforced from 2 March 2026).';

const FACTS: CodeFact[] = [
  // --- generic: only "it failed" ---
  { code: 1, group: 'generic', stage: 'web', views: 'client-view', restates: true, from: 'client view: a server answer it has no code for, or no answer at all (request aborted)', meaning: 'Zoom refused the join without a specific code ("Fail to join the meeting.")', check: "Read Zoom's own words (the wc/info answer's errorMessage) below; when there was no answer, the request to zoom.us failed (network, proxy, ad blocker)." },
  { code: 200, group: 'generic', stage: 'web', views: 'component-view', restates: true, from: 'component view: every server code it does not special-case, with the server\'s own message as reason', meaning: 'Zoom refused the join (component view code 200)', check: "Read Zoom's own words (the reason, or the wc/info answer's errorCode and errorMessage) below: the component view reports most of Zoom's codes as 200." },
  // --- the signature table (server 200 + message) ---
  { code: 3704, group: 'signature', stage: 'web', views: 'both', from: `${PAC} "The api key is wrong."`, meaning: "Zoom does not know the signature's appKey (3704)", check: 'appKey must be the SDK Key / Client ID of a Meeting SDK app (not an OAuth, Server-to-Server or Video SDK app), copied without spaces.' },
  { code: 3705, group: 'signature', stage: 'web', views: 'both', from: `${PAC} "The signature has expired."`, meaning: 'Zoom says the signature has expired (3705)', check: 'exp must be 1800 s to 48 h after iat and still in the future at join time; a cached signature reused later expires.' },
  { code: 3706, group: 'signature', stage: 'web', views: 'both', from: `${PAC} "The meeting number is wrong."`, meaning: 'Zoom says the meeting number is wrong (3706)', check: 'meetingNumber must be the digits of the meeting ID (no spaces or dashes) and equal to the signature\'s mn.' },
  { code: 3707, group: 'signature', stage: 'web', views: 'both', from: `${PAC} "The meeting number is not found."`, meaning: 'Zoom has no meeting with this number (3707)', check: 'The meeting ID must exist and not be deleted or expired (a one-time meeting ends with its last use); check the number the page joins, digit by digit.' },
  { code: 3708, group: 'signature', stage: 'web', views: 'both', from: `${PAC} "The role is not applicable."`, meaning: 'Zoom refused the role in the signature (3708)', check: 'role must be 0 (attendee) or 1 (host, with the host\'s zak); joinTest allows only 0.' },
  { code: 3709, group: 'host', stage: 'web', views: 'both', from: `${PAC} "The meeting host is not found."`, meaning: "Zoom cannot find the meeting's host (3709)", check: 'The host user must exist and be active in the account that owns the meeting.' },
  { code: 3710, group: 'signature', stage: 'web', views: 'both', from: `${PAC} "The account don't enable API."`, meaning: "The app's account or key is deactivated for the SDK (3710)", check: 'Activate the Meeting SDK app in the Marketplace; check the account is not suspended.' },
  { code: 3711, group: 'host', stage: 'web', views: 'both', from: `${PAC} "Can not be host in other account's meeting."`, meaning: "role 1 (host) for a meeting of another account (3711)", check: 'Start a meeting of another account only with that host\'s zak (role 1 + zak); to attend, sign role 0.' },
  { code: 3712, group: 'signature', stage: 'web', views: 'both', restates: true, from: `${PAC} "Invalid signature."`, meaning: 'Zoom says the signature is invalid (3712)', check: 'See the token findings; when none explains it, verify the HMAC with your secret, check the credential type (a Meeting SDK app) and external-account authorization.' },
  { code: 3713, group: 'signature', stage: 'web', views: 'both', from: `${PAC} "No permission"`, meaning: 'Zoom says the app has no permission for this join (3713)', check: 'The app must have the Meeting SDK feature enabled and be allowed to join this meeting (same account, or published/authorized).' },
  { code: 3715, group: 'meeting', stage: 'web', views: 'client-view', from: `${PAC} "Assistant join meeting been disabled"`, meaning: 'Joining as the host\'s assistant is disabled (3715)', check: 'The meeting settings disallow assistants joining; join as another user.' },
  // --- the meeting's state and settings (server codes, some renumbered by the SDK) ---
  { code: 3000, group: 'meeting', stage: 'web', views: 'both', from: 'server 3000 "Already has other meetings in progress."', meaning: "The host already has another meeting in progress (3000)", check: 'End the host\'s other meeting, or start this one from another host.' },
  { code: 3005, group: 'meeting', stage: 'web', views: 'both', from: 'server 3000 "User email is required."', meaning: 'This join needs userEmail (3005)', check: 'Pass userEmail in the join arguments (webinars and meetings that require it).' },
  { code: 3701, group: 'meeting', stage: 'web', views: 'both', from: 'server 3000 "Not support webinar and personal audio conference"', meaning: 'The web SDK cannot join this webinar/personal audio conference (3701)', check: 'Join with the Zoom client.' },
  { code: 3702, group: 'host', stage: 'web', views: 'both', from: 'server 3000 "The meeting host does not exist."', meaning: "The meeting's host does not exist (3702)", check: 'The host user must exist in the account that owns the meeting.' },
  { code: 3603, group: 'meeting', stage: 'web', views: 'both', from: 'server 3000 "Not support start or join meeting from web."', meaning: 'The account disallows joining from the web (3603)', check: 'Enable "join from your browser" in the host account\'s settings.' },
  { code: 3604, group: 'meeting', stage: 'web', views: 'both', from: 'server 3000 "The current sdk version doesn\'t support webinar…"', meaning: 'This SDK version cannot join this webinar (3604)', check: 'Upgrade @zoom/meetingsdk.' },
  { code: 3703, group: 'meeting', stage: 'web', views: 'both', from: 'server 3000 "Invalid meeting ID."', meaning: 'Zoom says the meeting ID is invalid (3703)', check: 'Check the meetingNumber (digits only, 9–11 digits).' },
  { code: 3606, group: 'meeting', stage: 'web', views: 'both', from: 'server 3000 "Not support registration webinar"', meaning: 'The web SDK cannot join this registration webinar (3606)', check: 'Pass the registrant\'s tk, or join with the Zoom client.' },
  { code: 3608, group: 'meeting', stage: 'web', views: 'both', from: 'server 3000 "Not support … when you chose TSP as his audio"', meaning: 'Meetings with TSP audio cannot be joined from the web (3608)', check: 'Change the meeting\'s audio type, or join with the Zoom client.' },
  { code: 3609, group: 'meeting', stage: 'web', views: 'both', from: 'server 3000 "Not allow to start webinar from web."', meaning: 'Webinars cannot be started from the web (3609)', check: 'Start the webinar from the Zoom client; join it from the web.' },
  { code: 3611, group: 'meeting', stage: 'web', views: 'both', from: 'server 3000 "Unable join from browser, please join using the Zoom desktop client or mobile app."', meaning: 'This meeting cannot be joined from a browser (3611)', check: 'Allow browser joins in the host\'s settings, or join with the Zoom client.' },
  { code: 10000, group: 'meeting', stage: 'web', views: 'both', from: 'server 3000 with the "version need update" text', meaning: 'Zoom no longer accepts this SDK version (10000)', check: 'Upgrade @zoom/meetingsdk (Zoom retires SDK versions on a published schedule).' },
  { code: 3610, group: 'meeting', stage: 'web', views: 'client-view', from: 'server 3001 "Meeting does not exist" or server 124 "Token has expired" (tk)', meaning: 'The meeting does not exist, or the registration token tk has expired (3610)', check: 'Check the meetingNumber; for registered joins, request a fresh tk.' },
  { code: 3116, group: 'meeting', stage: 'web', views: 'client-view', from: 'server 3116', meaning: 'Signing in is not supported for this webinar (3116)', check: 'Join without a login (no zak) as an attendee.' },
  { code: 3099, group: 'meeting', stage: 'web', views: 'both', from: 'server 3099', meaning: 'The meeting requires registration (3099)', check: 'Register the user (Zoom API: add registrant) and pass the registrant token as tk.' },
  { code: 3135, group: 'meeting', stage: 'web', views: 'client-view', from: 'SDK code ERROR_PANELIST_NEED_TK', meaning: 'Panelists need their tk (3135)', check: 'Pass the panelist\'s tk in the join arguments.' },
  { code: 3100, group: 'meeting', stage: 'web', views: 'both', from: 'server 3100, or 3032 (panelist email used to register)', meaning: 'The meeting requires an authenticated Zoom user (3100)', check: 'Pass the user\'s zak, or turn off "only authenticated users can join".' },
  { code: 3034, group: 'meeting', stage: 'web', views: 'both', from: 'server 3034', meaning: 'The webinar requires login (3034)', check: 'Pass the attendee\'s zak, or turn off the login requirement.' },
  { code: 3003, group: 'host', stage: 'web', views: 'both', from: 'server 3003', meaning: 'You are not the meeting host (3003)', check: 'role 1 needs the zak of the meeting\'s host (or an alternative host).' },
  { code: 3004, group: 'meeting', stage: 'web', views: 'both', from: 'server 3004', meaning: 'Zoom says the passcode is wrong (3004)', check: 'Pass the passcode exactly (client view: passWord; component view: password), not URL-encoded, no spaces; for a meeting link use the pwd the Zoom client decodes, not the encrypted pwd= value.' },
  { code: 3008, group: 'meeting', stage: 'web', views: 'both', from: 'server 3008 or 3129 (component view also 3139)', meaning: 'The meeting has not started (3008)', check: 'Wait for the host, or enable "join before host".' },
  { code: 3009, group: 'meeting', stage: 'web', views: 'both', from: 'server 3009', meaning: 'This user was removed from the meeting (3009)', check: 'A removed participant cannot rejoin unless the meeting allows it.' },
  { code: 3082, group: 'meeting', stage: 'web', views: 'client-view', from: 'server 3082, 3501 or 3502', meaning: 'The meeting requires a real name / login (3082)', check: 'Join with an authenticated user (zak) and a full name.' },
  { code: 3620, group: 'meeting', stage: 'web', views: 'client-view', from: 'server 3033', meaning: "The user's email is blocked by the account admin (3620)", check: 'Use another email, or ask the host\'s admin.' },
  { code: 3630, group: 'meeting', stage: 'web', views: 'client-view', from: 'server 3059', meaning: 'Simulive webinars are not supported here (3630)', check: 'Join with the Zoom client.' },
  { code: 3625, group: 'host', stage: 'web', views: 'both', from: 'server 1001 (meeting server 1001/131001)', meaning: "The meeting's host is inactive (3625)", check: 'Reactivate the host user in the owning account.' },
  { code: 403, group: 'meeting', stage: 'web', views: 'client-view', from: 'server 403 or 404 (or -1)', meaning: "Zoom's web service is offline for this join (403)", check: 'Retry later; check the webEndpoint (a custom endpoint that answers 403/404).' },
  { code: 13208, group: 'meeting', stage: 'web', views: 'client-view', from: 'server 13208', meaning: 'The simulive webinar has ended (13208)', check: 'Nothing to fix in code: the webinar is over.' },
  { code: 4003, group: 'sdk', stage: 'browser', views: 'both', from: 'the SDK\'s own argument check (or server 4003)', meaning: 'The SDK rejected a join argument as invalid (4003)', check: 'meetingNumber ≤ 12 characters (digits only), userName 1–128 characters, passWord ≤ 32, a valid userEmail, no "<script>" in any field.' },
  // --- host start (ZAK, server 3136) ---
  { code: 3623, group: 'host', stage: 'web', views: 'both', from: 'server 3136 "Token error" (component view: every 3136)', meaning: "Zoom rejected the zak (3623)", check: 'Fetch a fresh zak for the host (GET /users/me/token?type=zak; valid 2 h) right before the join.' },
  { code: 3624, group: 'host', stage: 'web', views: 'client-view', from: 'server 3136 "Please use host/alternative host to start the webinar."', meaning: 'Only the host or an alternative host can start this webinar (3624)', check: 'Use the zak of the webinar\'s host or an alternative host.' },
  { code: 3265, group: 'host', stage: 'web', views: 'client-view', from: 'server 3136 "Not support start meeting via tokens"', meaning: 'This meeting cannot be started with a token (3265)', check: 'Start it with the host\'s zak from the owning account.' },
  // --- the SDK's own refusals, before Zoom is asked ---
  { code: 2, group: 'sdk', stage: 'browser', views: 'client-view', from: 'SDK code MEETING_NOT_INIT', meaning: 'join() ran before init() finished (2)', check: 'Call ZoomMtg.join from init\'s success callback.' },
  { code: 3, group: 'sdk', stage: 'browser', views: 'client-view', from: 'SDK code NOT_SUPPORT: "Join parameters: X are invalid!"', meaning: 'join() got an argument it does not accept (3)', check: 'Use the client view\'s names (passWord, not password); drop apiKey (gone since 2.7.0).' },
  { code: 3633, group: 'sdk', stage: 'browser', views: 'client-view', from: 'SDK code FREQUENT_CALL: join is rate-limited to once per 10 s', meaning: 'join() was called again within 10 s (3633)', check: 'Call join once per page load (React StrictMode and effect re-runs call it twice); wait 10 s before retrying.' },
  { code: 3634, group: 'sdk', stage: 'web', views: 'both', from: 'SDK code FREQUENT_JOIN: "You be limit by zoom, need to check recaptcha."', meaning: 'Zoom rate-limited joins from this client and wants a reCAPTCHA (3634)', check: 'Slow down automated joins; a user must solve the reCAPTCHA the SDK shows.' },
  { code: 3635, group: 'sdk', stage: 'browser', views: 'client-view', from: 'SDK code WASM_FAIL: wasm not loaded after 400 polls', meaning: "The SDK's wasm files did not load (3635)", check: 'Serve lib/av (setZoomJSLib / assetPath), allow it in CSP (wasm-unsafe-eval), check ad blockers and the network tab.' },
  { code: 3636, group: 'sdk', stage: 'browser', views: 'client-view', from: 'SDK code OBF_ERROR: "obfToken and zak cannot be used simultaneously" (component view: a plain Error "zak and obfToken are mutually exclusive", no code)', meaning: 'zak and obfToken were both passed (3636)', check: 'Pass zak to start or join as a signed-in user, obfToken to join on a user\'s behalf: never both.' },
  { code: 5001, group: 'sdk', stage: 'browser', views: 'component-view', from: 'INVALID_PARAMETERS "dependent assets are not accessible"', meaning: "The component view could not reach its assets (5001)", check: 'Set init({ assetPath }) to where lib/av is served, or allow source.zoom.us.' },
  { code: 5012, group: 'sdk', stage: 'browser', views: 'component-view', from: 'INVALID_OPERATION "Duplicated join operation"', meaning: 'client.join() was called again while a join was running (5012)', check: 'Call client.join once (StrictMode double effects); await it before retrying.' },
  { code: 5013, group: 'sdk', stage: 'browser', views: 'component-view', from: 'INVALID_PARAMETERS (e.g. "Cannot use both obfToken and zak token simultaneously", "Username cannot be empty")', meaning: 'client.join() got an invalid argument (5013)', check: 'Read the reason: it names the argument.' },
  { code: -3000, group: 'meeting-server', stage: 'web', views: 'component-view', from: 'component view: wc/info failed (network error, 5xx and failed JSONP retry, 30 s timeout)', meaning: 'The component view could not reach Zoom ("connection error", -3000)', check: 'Check the wc/info request in the network tab: blocked host, proxy, CORS, ad blocker.' },
  // --- after connecting to the meeting server ---
  { code: 3714, group: 'meeting-server', stage: 'meeting-server', views: 'client-view', from: 'meeting server 3004', meaning: 'The meeting server says the meeting number is wrong (3714)', check: 'Check the meetingNumber and that the meeting still exists.' },
  { code: 3621, group: 'meeting-server', stage: 'meeting-server', views: 'both', from: 'meeting server 1005/131005 (RWC empty)', meaning: 'No answer from Zoom\'s web server while connecting (3621)', check: 'Retry; check that WebSockets to *.zoom.us are not blocked.' },
  { code: 3622, group: 'meeting-server', stage: 'meeting-server', views: 'both', from: 'SDK code RWC_ERROR', meaning: 'Could not connect to Zoom\'s web server (3622)', check: 'Allow wss://*.zoom.us in CSP connect-src and the network/proxy.' },
  { code: 3627, group: 'meeting-server', stage: 'meeting-server', views: 'component-view', from: 'meeting server 3027', meaning: "The host's email was used to join as an attendee (3627)", check: 'Join the host with role 1 and zak, or attendees with their own email.' },
  { code: 4000, group: 'meeting-server', stage: 'meeting-server', views: 'both', from: 'SDK code RE_CONNECTING', meaning: 'The meeting connection is reconnecting (4000)', check: 'Check the network; the SDK retries by itself.' },
  { code: 4001, group: 'meeting-server', stage: 'meeting-server', views: 'both', from: 'SDK code DISCONNECT', meaning: 'The meeting connection was lost (4001)', check: 'Check the network and WebSocket access to *.zoom.us.' },
  { code: 4004, group: 'meeting-server', stage: 'meeting-server', views: 'both', from: 'meeting server 6 (component also 131013)', meaning: 'The meeting has ended (4004)', check: 'Nothing to fix in code: the meeting is over.' },
  { code: 4005, group: 'meeting-server', stage: 'meeting-server', views: 'both', from: 'meeting server 9', meaning: 'The meeting is at capacity (4005)', check: 'Raise the meeting\'s capacity or use a webinar.' },
  { code: 4006, group: 'meeting-server', stage: 'meeting-server', views: 'both', from: 'meeting server 12', meaning: 'The meeting is locked (4006)', check: 'The host must unlock the meeting.' },
  { code: 4007, group: 'meeting-server', stage: 'meeting-server', views: 'both', from: 'meeting server 103043', meaning: 'Information barriers reject this user (4007)', check: 'Ask the account admin about information barriers.' },
  { code: 4008, group: 'meeting-server', stage: 'meeting-server', views: 'both', from: 'meeting server 103044', meaning: 'This participant is already in the meeting (4008)', check: 'Leave the other session (same user/customerKey) first.' },
  { code: 4009, group: 'meeting-server', stage: 'meeting-server', views: 'client-view', from: 'meeting server -1', meaning: 'The meeting server reported an error (4009)', check: 'Retry; report the conference ID to Zoom if it persists.' },
  // --- external-account authorization (Zoom's 2026 change) ---
  { code: 4011, group: 'authorization', stage: 'meeting-server', views: 'both', from: 'meeting server 6601 ("cross account join error")', meaning: "An unpublished app tried to join another account's meeting (4011)", check: `${AUTH_DOC} Publish the app on the Marketplace, or join only meetings of the app's own account.` },
  { code: 4012, group: 'authorization', stage: 'meeting-server', views: 'both', from: 'meeting server 13296 ("anonymous join error")', meaning: "Anonymous joins into this (external) meeting are refused (4012)", check: `${AUTH_DOC} Join with a zak or an obfToken of an authorizing user.` },
  { code: 4013, group: 'authorization', stage: 'meeting-server', views: 'both', from: 'meeting server 13295 ("no obfToken")', meaning: "This external-account join needs an obfToken (4013)", check: `${AUTH_DOC} Get an OBF token for the authorizing user (GET /users/me/token?type=onbehalf&meeting_id=…) and pass obfToken.` },
  { code: 4014, group: 'authorization', stage: 'meeting-server', views: 'both', from: 'meeting server 13299 ("obfToken is invalid")', meaning: 'Zoom rejected the obfToken (4014)', check: 'Fetch a fresh OBF token for the authorizing user and this meeting; do not reuse one.' },
  { code: 4015, group: 'authorization', stage: 'meeting-server', views: 'both', from: 'meeting server 13300 ("obfToken does not match the meeting number")', meaning: 'The obfToken was issued for another meeting (4015)', check: 'Request the OBF token with meeting_id equal to the meetingNumber joined.' },
  { code: 4016, group: 'authorization', stage: 'meeting-server', views: 'both', from: 'meeting server 3145 ("recording token expired")', meaning: 'The recordingToken has expired (4016)', check: 'Request a fresh recording token (GET /meetings/{id}/jointoken/local_recording).' },
  { code: 4017, group: 'authorization', stage: 'meeting-server', views: 'both', from: 'meeting server 103041 ("authorized user not in meeting")', meaning: 'The user who authorized the OBF token is not in the meeting (4017)', check: 'The authorizing user must be in the meeting before the app joins on their behalf.' },
  { code: 4018, group: 'authorization', stage: 'meeting-server', views: 'both', from: 'meeting server 13245 ("conflict with login credentials")', meaning: "The token conflicts with the signed-in user's credentials (4018)", check: 'Pass the zak/obfToken of the same user the session is signed in as.' },
  { code: 4019, group: 'authorization', stage: 'meeting-server', views: 'client-view', from: 'meeting server 21', meaning: 'The authorizing user left the meeting (4019)', check: 'The app must leave when its authorizing user leaves; rejoin after they return.' },
  { code: 6603, group: 'authorization', stage: 'meeting-server', views: 'client-view', from: 'meeting server 6603', meaning: "The host's account admin blocked this SDK app (6603)", check: "Ask the meeting host's account admin to allow the app." },
];

const BY_CODE = new Map<number, CodeFact>(FACTS.map((f) => [f.code, f]));

/** The fact for an SDK code, or undefined when the table has none. */
export function codeFact(code: number): CodeFact | undefined {
  return BY_CODE.get(code);
}

/** Every row, for docs, the lab and tests. */
export function codeFacts(): readonly CodeFact[] {
  return FACTS;
}
