// @vitest-environment happy-dom
/** A session holding Meeting SDK and Video SDK joins: the log row says which SDK, the correlation counts each. */
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../components/App';
import { createPanelStore, EMPTY_STATS } from '../../../components/state/store';
import { makeAttempt, seedSession } from './fixtures';
import { $, render, waitForRendered, type Rendered } from './render';
import { sampleVideoToken } from '../rules/video-token-kit';

let r: Rendered | undefined;
afterEach(() => r?.unmount());

const waitFor = <T,>(fn: () => T | null | undefined) => waitForRendered(r!, fn);

function videoAttempt(id: string, calledAt: number) {
  return makeAttempt(sampleVideoToken({ sessionName: 'room-a' }), {
    id,
    api: 'video-sdk',
    method: 'video.join',
    sdk: 'video',
    topic: 'room-b',
    calledAt,
    outcome: { kind: 'failure', code: 200, message: 'Verify JWT failed', type: 'JOIN_MEETING_FAILED', serverCode: 124, serverMessage: 'Invalid token' },
  });
}

describe('Video SDK joins in the panel', () => {
  it('the row carries the SDK and the topic, and its top finding is vsdk-tpc-mismatch', async () => {
    const meeting = await seedSession(2);
    const store = createPanelStore();
    const attempts = [...meeting, videoAttempt('v-1', meeting[1]!.calledAt + 1000)];
    store.getState().loadSnapshot({ tabId: 1, pageUrl: null, preserveLog: false, attempts, stats: EMPTY_STATS, issuances: [], clock: null });
    r = await render(<App />, store);
    const row = await waitFor(() => r!.container.querySelector<HTMLElement>('[data-testid="attempt-row"][data-attempt-id="v-1"]'));
    expect(row.dataset.sdk).toBe('video');
    expect(row.querySelector('[data-testid="attempt-sdk"]')?.textContent).toBe('V');
    expect(row.textContent).toContain('room-b');
    // The SDK's reason, not the server's raw text: errorCode 200 alone says little.
    expect(row.textContent).toContain('200 Verify JWT failed');
    expect(row.querySelector('[data-testid="top-finding"]')?.getAttribute('data-rule-id')).toBe('vsdk-tpc-mismatch');
    const meetingRow = r.container.querySelector<HTMLElement>(`[data-attempt-id="${meeting[0]!.id}"]`)!;
    expect(meetingRow.dataset.sdk).toBe('meeting');
    await r.act(() => void row.dispatchEvent(new MouseEvent('mousedown', { bubbles: true })));
    const args = await waitFor(() => $(r!.container, 'join-arguments'));
    expect(args.textContent).toContain('Video SDK');
    expect(args.textContent).toContain('"room-b"');
    const tpc = r.container.querySelector('tr[data-claim="tpc"]');
    expect(tpc?.textContent).toContain('joined topic: "room-b"');
    expect(tpc?.textContent).toContain('vsdk-tpc-mismatch');
  });

  it('the correlation view counts each SDK\'s joins and failures', async () => {
    const meeting = await seedSession(4);
    const store = createPanelStore();
    const attempts = [...meeting, videoAttempt('v-1', meeting[3]!.calledAt + 1000), videoAttempt('v-2', meeting[3]!.calledAt + 2000)];
    store.getState().loadSnapshot({ tabId: 1, pageUrl: null, preserveLog: false, attempts, stats: EMPTY_STATS, issuances: [], clock: null });
    store.getState().setView('correlation');
    r = await render(<App />, store);
    const box = await waitFor(() => $(r!.container, 'sdk-breakdown'));
    const video = box.querySelector<HTMLElement>('[data-sdk="video"]')!;
    expect(video.dataset.attempts).toBe('2');
    expect(video.dataset.failures).toBe('2');
    expect(box.querySelector<HTMLElement>('[data-sdk="meeting"]')!.dataset.attempts).toBe('4');
  });
});
