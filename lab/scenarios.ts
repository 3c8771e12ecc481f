/**
 * The lab's signature endpoints, each reproducing a real generator. They issue for the lab's
 * credentials and meeting on the lab's clock and answer like Zoom's auth endpoint sample
 * (`{signature, sdkKey}`).
 */
import type { LabCredentials } from './credentials';
import { HS256_HEADER_JSON, signJsonText } from './jwt';

export type ScenarioName = 'good' | 'java-round' | 'pyjwt-native' | 'clock-ahead' | 'swapped';

export interface Scenario {
  name: ScenarioName;
  title: string;
  /** The real code it reproduces and what Zoom does with its tokens. */
  description: string;
  /** Roughly how many joins fail at Zoom, for the lab page. */
  expectedFailure: string;
  /** Its failures depend on the moment of issue: the lab spreads its joins over real time to sample moments. */
  sampleOverTime?: boolean;
  issue(nowMs: number, creds: LabCredentials, role: number): string;
}

function nodeSamplePayload(iat: number, creds: LabCredentials, role: number, key = creds.sdkKey): string {
  const exp = iat + 7200;
  return JSON.stringify({ appKey: key, sdkKey: key, mn: creds.meetingNumber, role, iat, exp, tokenExp: exp });
}

/**
 * Java has no Math.round(long): `Math.round((System.currentTimeMillis() - 30000) / 1000)` widens
 * the long quotient to float, whose spacing at ~1.7e9 is 128, so iat snaps to a multiple of
 * 128 s, up to 34 s in the future once the −30 s is applied.
 */
export function javaRoundIat(nowMs: number): number {
  const seconds = Math.floor((nowMs - 30_000) / 1000); // long / long
  return Math.round(Math.fround(seconds)); // long → float widening, Math.round(float) → int
}

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  good: {
    name: 'good',
    title: 'Correct (Zoom’s Node sample)',
    description:
      'zoom/meetingsdk-auth-endpoint-sample: iat = Math.floor(Date.now()/1000), exp = iat + 7200, appKey, sdkKey, mn, role, tokenExp.',
    expectedFailure: '0%',
    issue: (now, creds, role) => signJsonText(HS256_HEADER_JSON, nodeSamplePayload(Math.floor(now / 1000), creds, role), creds.sdkSecret),
  },
  'java-round': {
    name: 'java-round',
    title: 'Java Math.round(long) float widening',
    description:
      'Math.round((System.currentTimeMillis() - 30000) / 1000) picks Math.round(float): iat is quantised to 128 s and is in the future for about 27% of joins (devforum #81534, #77667).',
    expectedFailure: '~27%',
    sampleOverTime: true,
    issue: (now, creds, role) => {
      const iat = javaRoundIat(now);
      const exp = iat + 7200;
      const payload = JSON.stringify({ sdkKey: creds.sdkKey, appKey: creds.sdkKey, mn: creds.meetingNumber, role, iat, exp, tokenExp: exp });
      return signJsonText(HS256_HEADER_JSON, payload, creds.sdkSecret);
    },
  },
  'pyjwt-native': {
    name: 'pyjwt-native',
    title: 'PyJWT, native-SDK payload',
    description:
      'Zoom’s native-SDK Python example: iat = float(int(time.time())) serialised by PyJWT as 1795912284.0, and no mn or role (the web SDK needs both).',
    expectedFailure: '100%',
    issue: (now, creds) => {
      const iat = Math.floor(now / 1000);
      const exp = iat + 7200;
      // json.dumps(separators=(",", ":")) of Python floats: always with ".0".
      const payload = `{"appKey":${JSON.stringify(creds.sdkKey)},"iat":${iat}.0,"exp":${exp}.0,"tokenExp":${exp}.0}`;
      return signJsonText(HS256_HEADER_JSON, payload, creds.sdkSecret);
    },
  },
  'clock-ahead': {
    name: 'clock-ahead',
    title: 'Server clock 60 s ahead',
    description: 'The Node sample on a server whose clock runs 60 s fast (no NTP): every iat is 60 s in Zoom’s future (devforum #82045).',
    expectedFailure: '100%',
    issue: (now, creds, role) => signJsonText(HS256_HEADER_JSON, nodeSamplePayload(Math.floor((now + 60_000) / 1000), creds, role), creds.sdkSecret),
  },
  swapped: {
    name: 'swapped',
    title: 'Key and secret swapped',
    description: 'The Node sample with ZOOM_MEETING_SDK_KEY and _SECRET exchanged (the sample README had them the wrong way round until 2021).',
    expectedFailure: '100%',
    issue: (now, creds, role) =>
      signJsonText(HS256_HEADER_JSON, nodeSamplePayload(Math.floor(now / 1000), creds, role, creds.sdkSecret), creds.sdkKey),
  },
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export function isScenarioName(s: unknown): s is ScenarioName {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(SCENARIOS, s);
}
