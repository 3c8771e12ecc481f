// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from '../../../components/App';
import { createPanelStore, EMPTY_STATS } from '../../../components/state/store';
import { makeAttempt } from './fixtures';
import { $, click, render, type Rendered } from './render';
import { readHar } from '../../../lib/har';
import { diagnoseHar } from '../../../lib/cli/commands/har';
import { serializeExport } from '../../../lib/report';

let r: Rendered | undefined;
afterEach(() => r?.unmount());

const HAR = readFileSync(path.join(process.cwd(), 'tests/unit/har/fixtures/component-3712.har'), 'utf8');

async function pick(name: string, text: string) {
  const input = $(r!.container, 'import-har-file') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await r!.act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  for (let i = 0; i < 100 && !$(r!.container, 'source-imported') && !$(r!.container, 'import-har-error'); i++) {
    await r!.act(() => new Promise((res) => setTimeout(res, 10)));
  }
}

describe('Import HAR', () => {
  it("a customer's HAR opens as a marked session next to live capture, never mixed into it", async () => {
    const store = createPanelStore();
    store.getState().loadSnapshot({ tabId: 1, pageUrl: null, preserveLog: false, attempts: [makeAttempt('live.token.x')], stats: EMPTY_STATS, issuances: [], clock: null });
    r = await render(<App />, store);
    await pick('customer.har', HAR);
    expect($(r.container, 'source-imported')?.textContent).toContain('customer.har');
    expect($(r.container, 'imported-banner')?.textContent).toMatch(/not live capture/);
    const rows = [...r.container.querySelectorAll<HTMLElement>('[data-testid="attempt-row"]')];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((x) => x.dataset.code === '3712')).toBe(true);
    // The live session is untouched and still counted on its own.
    expect($(r.container, 'attempt-count')?.textContent).toBe('1');
    expect(store.getState().live.attempts).toHaveLength(1);
  });

  it('a file that is not a HAR says so instead of importing nothing silently', async () => {
    r = await render(<App />);
    await pick('notes.json', '{"hello": "world"}');
    expect($(r.container, 'import-har-error')?.textContent).toMatch(/notes\.json: .*not a HAR/);
    expect($(r.container, 'source-imported')).toBeNull();
    // A banner under the toolbar, not a span inside it, and it goes when dismissed.
    expect($(r.container, 'toolbar')?.contains($(r.container, 'import-har-error'))).toBe(false);
    await r.act(() => click($(r!.container, 'import-har-error-dismiss')));
    expect($(r.container, 'import-har-error')).toBeNull();
  });

  it('a Join Doctor export opens too, marked as an export, with the findings it was written with', async () => {
    const exp = diagnoseHar(await readHar(HAR));
    r = await render(<App />, createPanelStore());
    await pick('ticket-4711.json', serializeExport(exp));
    expect($(r.container, 'source-imported')?.textContent).toContain('ticket-4711.json');
    expect($(r.container, 'source-imported')?.querySelector('.imported-tag')?.textContent).toBe('export');
    const rows = [...r.container.querySelectorAll<HTMLElement>('[data-testid="attempt-row"]')];
    expect(rows.length).toBe(exp.items.length);
    expect(rows.some((x) => x.dataset.code === '3712')).toBe(true);
    expect($(r.container, 'imported-banner')?.textContent).toMatch(/redacted/);
  });

  it('on the triage page (host page) there is no live session, Clear, scope or Reproduce to offer', async () => {
    r = await render(<App />, createPanelStore({ host: 'page', connection: { status: 'live', message: null } }));
    for (const id of ['source-live', 'clear-log', 'scope-switch', 'tab-reproduce', 'import-har']) expect($(r.container, id), id).toBeNull();
    expect($(r.container, 'empty-log')?.dataset.reason).toBe('page-empty');
  });
});
