import { describe, expect, it } from 'vitest';
import { PanelPorts } from '../../../entrypoints/background/panel-ports';
import { SessionScope } from '../../../entrypoints/background/session-scope';
import { TabStore } from '../../../entrypoints/background/tab-store';
import { addIssuance, applyBatch } from '../../../lib/capture/merge';
import {
  emptyLinks,
  issuedHereUsedElsewhere,
  linkTab,
  MAX_SESSION_TOKENS,
  noteIssuance,
  noteJoins,
  siteOf,
  siteSnapshot,
  tabSnapshot,
} from '../../../lib/capture/session-links';
import { emptyTabState, type TabState } from '../../../lib/capture/tab-state';
import type { BackgroundMessage, IssuanceRecord } from '../../../lib/protocol/messages';
import { GOOD, batch, jwt } from './fixtures';
import { memoryArea } from './memory-area';

const INDEX = 'http://127.0.0.1:8080/index.html';
const MEETING = 'http://127.0.0.1:8080/meeting.html?mn=123&signature=x';
const ENDPOINT = 'http://127.0.0.1:4000/api/signature';

const issuance = (token: string, receivedAt = 1000): IssuanceRecord => ({ url: ENDPOINT, method: 'POST', receivedAt, serverDate: 1_000_000, token });

/** A tab whose hook saw ZoomMtg.join with `token`. */
function joinTab(tabId: number, token: string, id = `m${tabId}:1`, url = MEETING): TabState {
  return applyBatch(emptyTabState(tabId), batch([{ t: 'call', id, method: 'ZoomMtg.join', sig: token, at: 2000 + tabId }], { relayId: `r${tabId}:${id}`, url, pageStart: true })).state;
}

function indexTab(tabId: number, ...tokens: string[]): TabState {
  const s = applyBatch(emptyTabState(tabId), batch([], { relayId: `idx${tabId}`, url: INDEX, pageStart: true })).state;
  for (const t of tokens) addIssuance(s, issuance(t));
  return s;
}

describe("Zoom's web sample: signature fetched on the index tab, join in the window.open'ed meeting tab", () => {
  it('the meeting tab join gets the index tab endpoint as its issuer (answer seen first)', () => {
    const links = emptyLinks();
    const index = indexTab(1, GOOD);
    expect(noteIssuance(links, 1, issuance(GOOD))).toEqual([]);
    const meeting = joinTab(2, GOOD);
    expect(meeting.attempts[0]!.issuer).toBeUndefined(); // no issuance in its own tab
    const r = noteJoins(links, 2, meeting.attempts);
    expect(r.linked.map((a) => a.id)).toEqual(['m2:1']);
    expect(meeting.attempts[0]!.issuer).toEqual({ url: ENDPOINT, method: 'POST', receivedAt: 1000, serverDate: 1_000_000 });
    expect(r.issuerTabs).toEqual([1]);
    expect(issuedHereUsedElsewhere(links, index)).toBe(1);
    expect(issuedHereUsedElsewhere(links, meeting)).toBe(0);
  });

  it('a join that ran before the devtools page delivered the answer is linked when the answer comes', () => {
    const links = emptyLinks();
    const meeting = joinTab(2, GOOD);
    expect(noteJoins(links, 2, meeting.attempts)).toEqual({ linked: [], issuerTabs: [] });
    expect(noteIssuance(links, 1, issuance(GOOD))).toEqual([2]);
    expect(linkTab(links, meeting).map((a) => a.issuer?.url)).toEqual([ENDPOINT]);
  });

  it('links by token, not by tab: a different token in the meeting tab stays without issuer', () => {
    const links = emptyLinks();
    noteIssuance(links, 1, issuance(GOOD));
    const other = jwt({ appKey: 'K', mn: '1', iat: 1, exp: 2 });
    const meeting = joinTab(2, other);
    expect(noteJoins(links, 2, meeting.attempts).linked).toEqual([]);
    expect(meeting.attempts[0]!.issuer).toBeUndefined();
    expect(issuedHereUsedElsewhere(links, indexTab(1, GOOD))).toBe(0);
  });

  it('six signatures issued on the index tab, each used in its own meeting tab, count as six', () => {
    const links = emptyLinks();
    const tokens = Array.from({ length: 6 }, (_, i) => jwt({ appKey: 'K', mn: String(i), iat: i, exp: i + 7200 }));
    tokens.forEach((t) => noteIssuance(links, 1, issuance(t)));
    tokens.forEach((t, i) => noteJoins(links, 10 + i, joinTab(10 + i, t).attempts));
    expect(issuedHereUsedElsewhere(links, indexTab(1, ...tokens))).toBe(6);
  });

  it('the index holds fingerprints and issuer URLs, never the token', () => {
    const links = emptyLinks();
    noteIssuance(links, 1, issuance(GOOD));
    noteJoins(links, 2, joinTab(2, GOOD).attempts);
    const stored = JSON.stringify(links);
    expect(stored).not.toContain(GOOD.split('.')[1]!);
    expect(stored).not.toContain('c2lnbmF0dXJl');
  });

  it('stays bounded: the oldest fingerprints go first, links already made stay', () => {
    const links = emptyLinks();
    const first = joinTab(2, GOOD);
    noteIssuance(links, 1, issuance(GOOD));
    noteJoins(links, 2, first.attempts);
    for (let i = 0; i < MAX_SESSION_TOKENS * 20; i++) noteIssuance(links, 1, issuance(jwt({ appKey: 'K', mn: String(i) })));
    expect(Object.keys(links.tokens).length).toBeLessThanOrEqual(MAX_SESSION_TOKENS);
    expect(links.order).toHaveLength(Object.keys(links.tokens).length);
    expect(first.attempts[0]!.issuer?.url).toBe(ENDPOINT);
  });
});

describe('the site of a page (scheme and registrable domain)', () => {
  it.each([
    ['http://127.0.0.1:8080/index.html', 'http://127.0.0.1'],
    ['http://localhost:3000/a', 'http://localhost'],
    ['https://app.example.com/meeting.html', 'https://example.com'],
    ['https://a.b.example.co.uk/x', 'https://example.co.uk'],
    ['https://example.com', 'https://example.com'],
    // Public Suffix List, private part: strangers on one hosting platform are different sites.
    ['https://alice.github.io/app', 'https://alice.github.io'],
    ['https://mallory.github.io/app', 'https://mallory.github.io'],
    ['https://my-app-git-main.vercel.app/', 'https://my-app-git-main.vercel.app'],
    ['https://deploy-preview-1--site.netlify.app/', 'https://deploy-preview-1--site.netlify.app'],
    ['https://branch.project.pages.dev/', 'https://project.pages.dev'],
    ['https://a.b.example.com.au/', 'https://example.com.au'],
    ['https://www.example.co.jp/', 'https://example.co.jp'],
    ['http://[::1]:8080/x', 'http://[::1]'],
    ['http://intranet/x', 'http://intranet'],
    ['https://github.io/', 'https://github.io'],
    ['https://EXAMPLE.com./', 'https://example.com'],
    ['chrome://newtab/', null],
    ['not a url', null],
    [null, null],
  ])('%s → %s', (url, site) => expect(siteOf(url)).toBe(site));

  it('http and https of one host are different sites', () => expect(siteOf('http://example.com')).not.toBe(siteOf('https://example.com')));

  it("a stranger's github.io page is not the victim's site (their joins never meet in \"all tabs of this site\")", () =>
    expect(siteOf('https://mallory.github.io/')).not.toBe(siteOf('https://alice.github.io/')));
});

describe('scope "all tabs of this site"', () => {
  it('shows every join of the same site in call order, with summed stats; other sites stay out', () => {
    const links = emptyLinks();
    const index = indexTab(1, GOOD);
    const m1 = joinTab(2, GOOD, 'a:1');
    const m2 = joinTab(3, GOOD, 'b:1');
    const elsewhere = joinTab(4, GOOD, 'c:1', 'https://other.example.org/');
    const snap = siteSnapshot(links, index, [index, m2, m1, elsewhere]);
    expect(snap.attempts.map((a) => a.id)).toEqual(['a:1', 'b:1']);
    expect(snap).toMatchObject({ scope: 'site', site: 'http://127.0.0.1', tabs: 3, tabId: 1, pageUrl: INDEX });
    expect(snap.stats.attempts).toBe(2);
    expect(snap.issuances).toHaveLength(1);
    expect(tabSnapshot(links, index)).toMatchObject({ scope: 'tab', tabs: 1, attempts: [] });
  });
});

describe('the background across tabs and a stopped worker', () => {
  const port = () => {
    const got: BackgroundMessage[] = [];
    return { got, postMessage: (m: unknown) => void got.push(m as BackgroundMessage) };
  };

  it('a restarted worker still links a new meeting tab join to the index tab answer, and tells the index tab', async () => {
    const area = memoryArea();
    const before = new TabStore(area);
    await before.update(1, () => ({ state: indexTab(1, GOOD), result: null }));
    await new SessionScope(before, new PanelPorts()).issuance(1, issuance(GOOD));

    // The worker is stopped: a new store and scope start from storage.session alone.
    const store = new TabStore(area);
    const ports = new PanelPorts();
    const scope = new SessionScope(store, ports);
    const indexPanel = port();
    await scope.subscribe(1, indexPanel, 'tab');
    expect(indexPanel.got[0]).toMatchObject({ type: 'snapshot', snapshot: { issuedUsedElsewhere: 0 } });

    const r = await store.update(2, (s) => {
      const res = applyBatch(s, batch([{ t: 'call', id: 'm2:1', method: 'ZoomMtg.join', sig: GOOD, at: 5 }], { relayId: 'm2', url: MEETING, pageStart: true }));
      return { state: res.state, result: res };
    });
    await scope.joins(2, r.changed.map((a) => a.id));
    expect(((area.data['tab:2'] as TabState).attempts[0]!.issuer as { url: string }).url).toBe(ENDPOINT);
    expect(indexPanel.got.at(-1)).toMatchObject({ type: 'snapshot', tabId: 1, snapshot: { issuedUsedElsewhere: 1 } });

    // A panel on the index tab that asks for the whole site sees the meeting tab's join.
    const sitePanel = port();
    await new SessionScope(new TabStore(area), new PanelPorts()).subscribe(1, sitePanel, 'site');
    expect(sitePanel.got[0]).toMatchObject({ type: 'snapshot', snapshot: { scope: 'site', tabs: 2 } });
    const snap = (sitePanel.got[0] as Extract<BackgroundMessage, { type: 'snapshot' }>).snapshot;
    expect(snap.attempts.map((a) => [a.id, a.issuer?.url])).toEqual([['m2:1', ENDPOINT]]);
  });

  it('a site panel gets a fresh snapshot when a join arrives in another tab of its site, not for other sites', async () => {
    const store = new TabStore(memoryArea());
    const ports = new PanelPorts();
    const scope = new SessionScope(store, ports);
    await store.update(1, () => ({ state: indexTab(1, GOOD), result: null }));
    const sitePanel = port();
    const tabPanel = port();
    await scope.subscribe(1, sitePanel, 'site');
    await scope.subscribe(1, tabPanel, 'tab');
    await store.update(3, () => ({ state: joinTab(3, GOOD, 'x:1', 'https://elsewhere.example/'), result: null }));
    scope.changed((await store.readAll()).tabs.find((t) => t.tabId === 3)!);
    const meeting = await store.update(2, () => {
      const s = joinTab(2, GOOD);
      return { state: s, result: s };
    });
    scope.changed(meeting);
    await new Promise((r) => setTimeout(r, 400));
    const snaps = sitePanel.got.filter((m) => m.type === 'snapshot') as Array<Extract<BackgroundMessage, { type: 'snapshot' }>>;
    expect(snaps).toHaveLength(2);
    expect(snaps[1]!.snapshot).toMatchObject({ scope: 'site', tabs: 2 });
    expect(snaps[1]!.snapshot.attempts.map((a) => a.id)).toEqual(['m2:1']);
    expect(tabPanel.got).toHaveLength(1); // the tab-scope panel of tab 1 saw nothing of tab 2
  });
});
