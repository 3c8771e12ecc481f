import { describe, expect, it } from 'vitest';
import { vsdkTpcMismatch } from '../../../lib/rules/vsdk-tpc-mismatch';
import { check } from './token-helpers';
import { sampleVideoToken } from './video-token-kit';

describe('vsdk-tpc-mismatch', () => {
  it('a token issued for another session than the one the page joins (videosdk-reactnative-quickstart#5)', () => {
    const [f] = check(vsdkTpcMismatch, sampleVideoToken({ sessionName: 'room-a' }), { sdk: 'video', join: { topic: 'room-b' } });
    expect(f?.severity).toBe('error');
    expect(f?.claim).toBe('tpc');
    expect(f?.message).toContain('tpc is "room-a" but the page joins topic "room-b"');
    expect(f?.message).toContain('Verify JWT failed');
  });

  it('case differs only: Zoom compares lower-cased, no finding', () => {
    expect(check(vsdkTpcMismatch, sampleVideoToken({ sessionName: 'Support Session 42' }), { join: { topic: 'support session 42' } })).toEqual([]);
  });

  it('a trailing space in the topic the page joins is a mismatch, and says so', () => {
    const [f] = check(vsdkTpcMismatch, sampleVideoToken({ sessionName: 'weekly' }), { join: { topic: 'weekly ' } });
    expect(f?.message).toContain('only in surrounding whitespace');
  });

  it('stays silent without a known topic, and for a Meeting SDK join', () => {
    expect(check(vsdkTpcMismatch, sampleVideoToken({ sessionName: 'a' }))).toEqual([]);
    expect(check(vsdkTpcMismatch, sampleVideoToken({ sessionName: 'a' }), { sdk: 'meeting', join: { topic: 'b' } })).toEqual([]);
  });
});
