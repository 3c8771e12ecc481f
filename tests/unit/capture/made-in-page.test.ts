/**
 * "Issuing request not seen" used to be said of every token without an issuer, including one the
 * page signed itself while DevTools watched from the start. Now the evidence decides which sentence.
 */
import { describe, expect, it } from 'vitest';
import { addIssuance, addNavigation, applyBatch } from '../../../lib/capture/merge';
import { clearTabState, emptyTabState } from '../../../lib/capture/tab-state';
import { tokenMadeInPage, watchedFrom } from '../../../lib/capture/made-in-page';
import { analyseAttempt } from '../../../lib/attempt-context';
import { correlate } from '../../../lib/correlate';
import { MADE_IN_PAGE_ENDPOINT, UNKNOWN_ENDPOINT } from '../../../lib/correlate/endpoints';
import { batch, GOOD } from './fixtures';

const T = 1_795_912_284_000;
const PAGE = 'http://127.0.0.1/app';
const call = (id: string, at: number, sig = GOOD) => ({ t: 'call' as const, id, method: 'ZoomMtg.join' as const, sig, mn: '123456789', at });
/** A join that Zoom refused (correlation counts settled joins only). */
const join = (id: string, at: number, sig = GOOD) => [call(id, at, sig), { t: 'settle' as const, id, ok: false, res: { errorCode: 3712, errorMessage: 'Signature is invalid.' }, at: at + 2000 }];
const endpointsOf = (s: ReturnType<typeof emptyTabState>) => correlate(s.attempts.map((a) => ({ attempt: a, analysis: analyseAttempt(a) }))).endpoints.map((e) => e.endpoint);

describe('a token made in the page', () => {
  it('DevTools saw the page load (the navigation reached the background before the reload cleared the log), no response carried the token: made in the page', () => {
    let s = emptyTabState(1);
    addNavigation(s, { url: PAGE, at: T - 3000 });
    s = clearTabState(s);
    s = applyBatch(s, batch(join('n:1', T), { pageStart: true })).state;
    expect(s.attempts[0]!.pageWatchedFrom).toBe(T - 3000);
    expect(tokenMadeInPage(s.attempts[0]!)).toBe(true);
    expect(endpointsOf(s)).toEqual([MADE_IN_PAGE_ENDPOINT]);
  });

  it('the navigation message arriving after the join (a slow devtools page) still marks it; its query does not matter', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch(join('n:1', T)));
    expect(addNavigation(s, { url: `${PAGE}?x=1`, at: T - 3000 }).map((a) => a.id)).toEqual(['n:1']);
    expect(watchedFrom(s.watched, s.attempts[0]!)).toBe(T - 3000);
    expect(tokenMadeInPage(s.attempts[0]!)).toBe(true);
  });

  it('DevTools opened after the page loaded (no navigation seen): the old sentence, issuing request not seen', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch(join('n:1', T)));
    expect(s.attempts[0]!.pageWatchedFrom).toBeUndefined();
    expect(endpointsOf(s)).toEqual([UNKNOWN_ENDPOINT]);
  });

  it('a navigation seen to another page, the latest before the join, is no evidence for this one', () => {
    const s = emptyTabState(1);
    s.watched = [{ url: PAGE, at: T - 9000 }, { url: 'http://127.0.0.1/other', at: T - 5000 }];
    applyBatch(s, batch(join('n:1', T)));
    expect(tokenMadeInPage(s.attempts[0]!)).toBe(false);
  });

  it('a response that carried the token names its endpoint; a token in the page URL came from the opener', () => {
    const s = emptyTabState(1);
    s.watched = [{ url: PAGE, at: T - 3000 }];
    addIssuance(s, { url: 'http://127.0.0.1/api/signature', method: 'POST', receivedAt: T - 500, serverDate: null, token: GOOD });
    applyBatch(s, batch(join('n:1', T)));
    expect(endpointsOf(s)).toEqual(['http://127.0.0.1/api/signature']);
    const opened = emptyTabState(1);
    const url = `http://127.0.0.1/meeting.html?signature=${GOOD}`;
    opened.watched = [{ url, at: T - 3000 }];
    applyBatch(opened, batch(join('n:1', T), { url }));
    expect(tokenMadeInPage(opened.attempts[0]!)).toBe(false);
  });
});
