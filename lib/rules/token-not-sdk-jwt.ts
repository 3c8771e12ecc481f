import { defineRule } from './define';
import { SAMPLE_PAYLOAD } from './fixes';
import { langFix } from './lang';
import type { DecodedToken } from '../token/types';
import { factsOf, type ForeignToken } from './token-facts';

type Kind = ForeignToken['kind'];

const has = (o: Record<string, unknown>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

const VIDEO_CLAIMS = ['tpc', 'app_key', 'role_type', 'user_identity', 'user_key', 'session_key'];
const OAUTH_CLAIMS = ['uid', 'auid', 'ver', 'tid', 'nbf', 'aid'];

/** The keys of `keys` the payload has, in the order of `keys`. A loop, not a filter closure: every rule's payload check reaches it. */
function presentIn(payload: Record<string, unknown>, keys: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < keys.length; i++) if (has(payload, keys[i]!)) out.push(keys[i]!);
  return out;
}

/** Which other Zoom token this payload is, by the claims only that token type carries; null when it is none of them. */
export function classifyForeignToken(header: Record<string, unknown> | null, payload: Record<string, unknown>): ForeignToken | null {
  // Any Meeting SDK claim means a signature with extra claims, not a different token.
  if (has(payload, 'appKey') || has(payload, 'sdkKey') || has(payload, 'mn')) return null;
  const video = presentIn(payload, VIDEO_CLAIMS);
  if (video.length > 0) return { kind: 'video-sdk', evidence: video };
  const iss = payload.iss;
  const aud = payload.aud;
  const oauthEvidence = presentIn(payload, OAUTH_CLAIMS);
  let named = false;
  if (typeof iss === 'string' && iss.startsWith('zm:cid:')) {
    oauthEvidence.unshift(`iss "${iss.slice(0, 20)}…"`);
    named = true;
  }
  if (typeof aud === 'string' && /oauth\.zoom\.us/i.test(aud)) {
    oauthEvidence.unshift(`aud "${aud}"`);
    named = true;
  }
  if (header && (has(header, 'kid') || has(header, 'v')) && oauthEvidence.length > 0) oauthEvidence.push('header kid/v');
  if (oauthEvidence.length >= 2 || named) return { kind: 'oauth', evidence: oauthEvidence };
  if (has(payload, 'iss') && has(payload, 'exp')) return { kind: 'rest-api', evidence: ['iss', 'exp'] };
  return null;
}

/**
 * classifyForeignToken of the token's own header and payload, null without a payload; worked out once
 * per analysis (token-facts.ts), since every Meeting SDK, time and Video SDK rule asks it first.
 */
export function foreignTokenOf(token: DecodedToken): ForeignToken | null {
  const payload = token.payload;
  if (!payload) return null;
  const facts = factsOf(token);
  if (facts === null) return classifyForeignToken(token.header, payload);
  if (facts.foreign === undefined) facts.foreign = classifyForeignToken(token.header, payload);
  return facts.foreign;
}

const WHAT: Record<Kind, string> = {
  'video-sdk':
    'a Video SDK JWT (app_key, role_type, tpc), made for `@zoom/videosdk` `client.join(topic, token, …)`: the Meeting ' +
    'SDK reads appKey/sdkKey, mn and role and finds none',
  oauth:
    "a Zoom OAuth access token (Server-to-Server or user OAuth), a bearer token for Zoom's REST API, not a join " +
    'signature (devforum #98154, #85908)',
  'rest-api':
    'a REST-API JWT of the deactivated JWT app type (`{iss: apiKey, exp}`), which authenticated API calls, not joins; ' +
    'passed as a signature it gave "signature length error" (devforum #36563)',
};

/** Meeting SDK claims: any of them makes a payload a Meeting SDK signature rather than a bare `{iat, exp}`. */
const MEETING_CLAIMS = ['appKey', 'sdkKey', 'mn', 'role'];

/** The Meeting SDK claims the payload carries (empty for a payload with none of them). */
export function meetingClaimsIn(payload: Record<string, unknown>): string[] {
  return MEETING_CLAIMS.filter((k) => has(payload, k));
}

export const tokenNotSdkJwt = defineRule({
  id: 'token-not-sdk-jwt',
  severity: 'error',
  title: "A JWT, but not a signature for the SDK that joins (REST-API JWT, OAuth token or the other Zoom SDK's JWT)",
  source: 'signature-facts §3a (silent refusal without appKey), §4.6, §4.8; docs/zoom-facts.md "Video SDK" (its claims, wc/lsdk, zlk)',
  rank: 30,
  sdk: 'any',
  phrase: 'not a Meeting SDK signature',
  check({ token, sdk }) {
    if (!token.payload) return null;
    const found = foreignTokenOf(token);
    // Returns before the claim list is built for the common case: a Meeting SDK signature in a Meeting SDK join.
    if (!found && sdk !== 'video') return null;
    const claims = Object.keys(token.payload).slice(0, 12).join(', ');
    if (!found) {
      // A Meeting SDK signature: wrong only when it was given to a Video SDK join.
      const evidence = meetingClaimsIn(token.payload);
      // No claim of either SDK: the Video SDK rules name what is missing (vsdk-app-key-missing, …).
      if (evidence.length === 0) return null;
      return {
        message:
          `The token (claims: ${claims}) is a Meeting SDK signature (${evidence.join(', ')}), but it was given to a Video SDK ` +
          'join (`@zoom/videosdk` `client.join(topic, token, …)`, sent as `zlk` to wc/lsdk). The Video SDK reads app_key, tpc, ' +
          'role_type and version; Zoom answers it with errorCode 200 "Verify JWT failed".',
        fix:
          'Issue a Video SDK JWT from the Video SDK app\'s key and secret: `{app_key: SDK_KEY, tpc: topic, role_type: 0|1, ' +
          'version: 1, iat, exp: iat + 7200}` (zoom/videosdk-auth-endpoint-sample). Meeting SDK credentials cannot join a ' +
          'Video SDK session, nor the reverse.',
        data: { kind: 'meeting-sdk', evidence: evidence.join(','), joinSdk: 'video' },
      };
    }
    // A Video SDK JWT is judged by the Video SDK rules (lib/rules/video-rules.ts) unless a Meeting SDK join was given it.
    if (found.kind === 'video-sdk' && sdk !== 'meeting') return null;
    const given = found.kind === 'video-sdk' ? ' It was given to a Meeting SDK join (ZoomMtg / ZoomMtgEmbedded, sent to wc/info).' : '';
    return {
      message:
        `The payload (claims: ${claims}) is ${WHAT[found.kind]}; identified by ${found.evidence.join(', ')}.${given} ` +
        'Without appKey or sdkKey, Web SDK 6.x client view refuses the join silently (no callback) and component view ' +
        'rejects it.',
      fix: langFix('Create a signature for the Meeting SDK app (Marketplace → Meeting SDK / General App with Meeting SDK enabled), signed with its Client Secret (zoom/meetingsdk-auth-endpoint-sample); keep the OAuth/REST token for API calls only, and a Video SDK JWT for `@zoom/videosdk` `client.join(topic, token, userName)`. The payload:', SAMPLE_PAYLOAD, token),
      data: { kind: found.kind, evidence: found.evidence.join(','), ...(found.kind === 'video-sdk' ? { joinSdk: 'meeting' } : {}) },
    };
  },
});
