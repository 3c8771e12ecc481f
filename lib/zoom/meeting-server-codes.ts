/**
 * How the 6.2.0 SDK turns the meeting server's join answer (the RWG's `evt 4098`, `body.res`) into
 * the code the page sees, for both views (docs/join-errors.md §7). Client view: table `E`
 * [bundle client `E={3004:{"apac.errorcodes_pac_mn_wrong":3714}` @2023806], reached through
 * function `yd` (`1000` is first turned into −1); a code not in it goes through the wc/info mapping
 * (`K3`). Component view: table `JM` [bundle component `JM={3004:{"incorrect passcode":3004}`
 * @660965, function `XM`]; a code not in it goes through its wc/info table, else 200.
 * The component view's reason is the table's key ("cross account join error"), measured; the
 * client view's English texts are from dist/lib/lang/en-US.json.
 */
import { sdkCodeForAnswer, type SdkCode, type SdkView } from './wc-info-codes';

type Row = [code: number, client: string, component: string];

const ENDED = 'The meeting has been ended';
const SERVER_ERROR = 'The server encountered an internal error and was unable to process your request.';
/** Meeting-server code → [SDK code, client view's English text, component view's reason]. */
const ROWS: Record<number, Row> = {
  6: [4004, ENDED, 'meeting ended'],
  131013: [4004, ENDED, 'meeting ended'],
  9: [4005, 'Meeting capacity has been reached', 'meeting is at capacity'],
  12: [4006, 'Unable to join this meeting', 'meeting locked'],
  103043: [4007, 'Reject for information barriers', 'reject for information barriers'],
  103044: [4008, 'Participant exist', 'participant exist'],
  6601: [4011, "To join a meeting hosted by an external Zoom account, your SDK app has to be published on Zoom Marketplace. You can refer to Section 6.1 of Zoom's API License Terms of Use", 'cross account join error'],
  13296: [4012, 'This join flow is not supported, please join the meeting with a Zoom Client or contact your meeting host or vendor.', 'anonymous join error'],
  13295: [4013, 'This join flow is not supported, please join the meeting with a Zoom Client or contact your meeting host or vendor.', 'no obfToken'],
  13299: [4014, 'The OBF token is invalid. Please check the OBF token and try again.', 'obfToken is invalid'],
  13300: [4015, 'The meeting number associated with the provided OBF token does not match the current meeting.', 'obfToken does not match the meeting number'],
  3145: [4016, 'The Privilege token is invalid.', 'recording token expired'],
  103041: [4017, 'Authorized user not in meeting.', 'authorized user not in meeting'],
  13245: [4018, 'Conflict with login credentials.', 'conflict with login credentials'],
  1005: [3621, 'Could not get a response from the web server.', 'apac.errorcodes_no_response_from_web'],
  131005: [3621, 'Could not get a response from the web server.', 'apac.errorcodes_no_response_from_web'],
  1001: [3625, 'Meeting host is inactive.', 'apac.errorcodes_host_inactive'],
  131001: [3625, 'Meeting host is inactive.', 'apac.errorcodes_host_inactive'],
  103039: [3009, 'Be removed.', 'user has been removed'],
  3008: [3008, 'Meeting has not started', 'apac.errorcodes_not_start'],
  3033: [3620, 'Email is blocked by Administrator.', 'apac.errorcodes_denied_email'],
  3005: [3000, 'Already has other meetings in progress.', 'apac.errorcodes_web_has_in_progress'],
};

/** Rows only one view has. */
const CLIENT_ONLY: Record<number, [number, string]> = {
  3004: [3714, 'The meeting number is wrong.'],
  [-1]: [4009, SERVER_ERROR],
  1000: [4009, SERVER_ERROR],
  21: [4019, 'The authorized user has left the meeting.'],
  6603: [6603, "Join failed because this Meeting SDK key is blocked by the host's account admin."],
  103017: [3715, 'Assistant join meeting been disabled'],
};
const COMPONENT_ONLY: Record<number, [number, string]> = {
  3004: [3004, 'incorrect passcode'],
  3027: [3627, 'apac.errorcodes_host_email_as_attendee'],
};

/** The SDK code (and text) a meeting-server result code becomes in the given view ('unknown' reads as the client view). */
export function sdkCodeForMeetingServer(res: number, view: SdkView): SdkCode {
  const row = ROWS[res];
  if (view === 'component-view') {
    if (row) return { code: row[0], message: row[2] };
    const own = COMPONENT_ONLY[res];
    if (own) return { code: own[0], message: own[1] };
    const viaWeb = sdkCodeForAnswer(res, null, 'client-view');
    return viaWeb.code !== null && viaWeb.code !== 1 ? viaWeb : { code: 200, message: null };
  }
  if (row) return { code: row[0], message: row[1] };
  const own = CLIENT_ONLY[res];
  if (own) return { code: own[0], message: own[1] };
  return sdkCodeForAnswer(res, null, 'client-view');
}
