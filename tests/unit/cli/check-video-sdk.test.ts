/** `join-doctor check` on Video SDK JWTs made the way Zoom's Video SDK auth endpoint sample makes them. */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { sampleVideoToken, VIDEO_SECRET } from '../rules/video-token-kit';
import { sampleSignature } from '../rules/token-helpers';

const NOW_MS = 1_795_912_284_000 + 5000;

describe('join-doctor check with a Video SDK JWT', () => {
  it('auto-detects the Video SDK from the claims, and a good sample token passes with its topic', async () => {
    const r = await runCli(['check', '--topic', 'support session 42', sampleVideoToken()], { nowMs: NOW_MS });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS');
    expect(r.stdout).toMatch(/sdk\s+Video SDK rules \(detected from the claims/);
  });

  it('--topic names a token issued for another session (exit 1, vsdk-tpc-mismatch)', async () => {
    const r = await runCli(['check', '--json', '--topic', 'room-b', sampleVideoToken({ sessionName: 'room-a' })], { nowMs: NOW_MS });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.sdk).toEqual({ judgedAs: 'video', from: 'claims' });
    expect(out.findings.map((f: { id: string }) => f.id)).toEqual(['vsdk-tpc-mismatch']);
  });

  it('--secret-env verifies the HMAC with the Video SDK secret (the key comes from app_key)', async () => {
    const ok = await runCli(['check', '--secret-env', 'VS', sampleVideoToken()], { nowMs: NOW_MS, env: { VS: VIDEO_SECRET } });
    expect(ok.code).toBe(0);
    const bad = await runCli(['check', '--json', '--secret-env', 'VS', sampleVideoToken()], { nowMs: NOW_MS, env: { VS: 'another-apps-secret' } });
    expect(bad.code).toBe(1);
    const f = JSON.parse(bad.stdout).findings[0];
    expect(f.id).toBe('secret-mismatch');
    expect(f.message).toContain('Verify JWT failed');
    expect(bad.stdout).not.toContain('another-apps-secret');
  });

  it('--sdk meeting with a Video SDK JWT: the wrong SDK\'s token is named', async () => {
    const r = await runCli(['check', '--sdk', 'meeting', '--json', sampleVideoToken()], { nowMs: NOW_MS });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings[0].id).toBe('token-not-sdk-jwt');
    expect(out.findings[0].message).toContain('given to a Meeting SDK join');
  });

  it('--meeting N with a Video SDK JWT: a meeting number means a Meeting SDK join, so the wrong SDK\'s token is named (exit 1)', async () => {
    const r = await runCli(['check', '--json', '--meeting', '123456789', sampleVideoToken()], { nowMs: NOW_MS });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.sdk).toEqual({ judgedAs: 'meeting', from: 'meeting-number' });
    expect(out.findings[0].id).toBe('token-not-sdk-jwt');
    expect(out.findings[0].message).toContain('given to a Meeting SDK join');
    const human = await runCli(['check', '--meeting', '123456789', sampleVideoToken()], { nowMs: NOW_MS });
    expect(human.stdout).toContain('Meeting SDK join (--meeting), but the token is a Video SDK token');
    // With the session's topic as well, the caller said which join it is: the claims decide.
    const both = await runCli(['check', '--json', '--meeting', '123456789', '--topic', 'Support Session 42', sampleVideoToken()], { nowMs: NOW_MS });
    expect(JSON.parse(both.stdout).sdk).toEqual({ judgedAs: 'video', from: 'claims' });
  });

  it('--sdk video with a Meeting SDK signature, and the human output says so', async () => {
    const r = await runCli(['check', '--sdk', 'video', await sampleSignature({ iat: 1_795_912_284, exp: 1_795_912_284 + 7200, tokenExp: 1_795_912_284 + 7200 })], { nowMs: NOW_MS });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Video SDK join (--sdk), but the token is a Meeting SDK token');
    expect(r.stdout).toContain('token-not-sdk-jwt');
  });

  it('--sdk with anything else is a usage error (exit 2)', async () => {
    const r = await runCli(['check', '--sdk', 'webinar', sampleVideoToken()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sdk takes "video"');
  });
});
