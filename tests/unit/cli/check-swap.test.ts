import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { JOIN_TIME, KEY, SECRET, samplePayload, signClaims } from '../rules/token-helpers';

const NOW = String(JOIN_TIME);
type Json = { findings: Array<{ id: string; message: string; fix: string }>; payload: Record<string, unknown> };

describe('join-doctor check: key and secret swapped, no --sdk-key', () => {
  it('the auth sample\'s old README swap (appKey = secret, HMAC keyed with the key) is named from the secret alone', async () => {
    // The backend read ZOOM_KEY from the secret's variable and ZOOM_SECRET from the key's.
    const swapped = await signClaims(samplePayload({ appKey: SECRET, sdkKey: SECRET }), KEY);
    const r = await runCli(['check', '--json', '--now', NOW, '--secret-env', 'JD_SECRET', swapped], { env: { JD_SECRET: SECRET } });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.findings.map((f) => f.id)).toContain('secret-swapped');
    expect(out.findings.map((f) => f.id)).not.toContain('secret-mismatch');
    const f = out.findings.find((x) => x.id === 'secret-swapped')!;
    expect(f.message).toContain("The token's appKey claim is the value you gave as the secret. It is 32 characters, the length of a Client Secret");
    // Says exactly what was tried: not "the swap", which needs the key nobody gave.
    expect(f.message).toContain('tried: the secret as given');
    expect(f.message).toContain('Give the Client ID too (--sdk-key) to confirm');
    expect(r.stdout).not.toContain(SECRET);
    expect(out.payload['appKey']).toBe('<the SDK secret, redacted>');
  });

  it('the other way round: a correct backend, but the Client ID was given as the secret, is told by its length', async () => {
    const r = await runCli(['check', '--json', '--now', NOW, '--secret-env', 'JD_SECRET', await signClaims(samplePayload())], { env: { JD_SECRET: KEY } });
    const f = (JSON.parse(r.stdout) as Json).findings.find((x) => x.id === 'secret-swapped')!;
    expect(f.message).toContain(`It is ${KEY.length} characters, the length of a Client ID (secrets are 32): check that what you gave is the Client Secret`);
  });

  it('with --sdk-key the same token is confirmed: the HMAC verifies with the key given', async () => {
    const swapped = await signClaims(samplePayload({ appKey: SECRET, sdkKey: SECRET }), KEY);
    const r = await runCli(['check', '--json', '--now', NOW, '--sdk-key', KEY, '--secret-env', 'JD_SECRET', swapped], { env: { JD_SECRET: SECRET } });
    const f = (JSON.parse(r.stdout) as Json).findings.find((x) => x.id === 'secret-swapped')!;
    expect(f.message).toContain('does with the SDK key you gave, used as the HMAC secret');
    expect(f.message).toContain('its appKey claim carries the secret');
  });

  it('a backend that signs with the key it also puts in appKey: the payload key was tried, and the message says so', async () => {
    const r = await runCli(['check', '--json', '--now', NOW, '--secret-env', 'JD_SECRET', await signClaims(samplePayload(), KEY)], { env: { JD_SECRET: SECRET } });
    const f = (JSON.parse(r.stdout) as Json).findings.find((x) => x.id === 'secret-swapped')!;
    expect(f.message).toContain("the token's own appKey claim, used as the HMAC secret (no SDK key was given");
  });

  it('a wrong secret without --sdk-key says it tried the payload\'s appKey, not "the swap"', async () => {
    const r = await runCli(['check', '--json', '--now', NOW, '--secret-env', 'JD_SECRET', await signClaims(samplePayload(), 'another-apps-secret')], { env: { JD_SECRET: SECRET } });
    const f = (JSON.parse(r.stdout) as Json).findings.find((x) => x.id === 'secret-mismatch')!;
    expect(f.message).toContain("the payload's appKey as the HMAC secret (no SDK key was given)");
    expect(f.message).not.toContain('swapped');
  });
});
