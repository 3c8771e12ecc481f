// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../components/App';
import { EXPORT_FORMATS, type ExportFormat } from '../../../components/state/exports';
import { createPanelStore, EMPTY_STATS } from '../../../components/state/store';
import type { JoinAttempt } from '../../../lib/model/attempt';
import { seedSession } from './fixtures';
import { $, click, render, type Rendered } from './render';

let r: Rendered | undefined;
let saved: Array<{ name: string; blob: Blob }> = [];
beforeEach(() => {
  saved = [];
  let lastBlob: Blob | null = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    lastBlob = b as Blob;
    return 'blob:test';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: lastBlob! });
  });
});
afterEach(() => {
  r?.unmount();
  vi.restoreAllMocks();
});

async function panel(attempts: JoinAttempt[]) {
  const store = createPanelStore();
  store.getState().loadSnapshot({
    tabId: 1,
    pageUrl: 'https://app.example.test:8443/meeting',
    preserveLog: false,
    attempts,
    stats: EMPTY_STATS,
    issuances: [],
    clock: null,
  });
  r = await render(<App />, store);
  await r.act(() => click($(r!.container, 'export-button')));
}

describe('export', () => {
  it('a ticket attachment is redacted by default: no HMAC segment of any token, file named for host and time', async () => {
    const attempts = await seedSession(6);
    await panel(attempts);
    for (const f of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
      await r!.act(() => click($(r!.container, `export-${f}`)));
      const file = saved.at(-1)!;
      expect(file.name).toMatch(new RegExp(`^join-doctor-app\\.example\\.test_8443-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.${EXPORT_FORMATS[f].ext}$`));
      const text = await file.blob.text();
      for (const a of attempts) {
        const [h, p, mac] = String(a.signature).split('.');
        expect(text).not.toContain(mac);
        if (f === 'json') expect(text).toContain(`${h}.${p}.<redacted>`);
      }
    }
    const json = JSON.parse(await saved[0]!.blob.text());
    expect(json.redacted).toBe(true);
    expect(json.items).toHaveLength(6);
  });

  it('full tokens only after the explicit opt-in, which warns that they are live credentials', async () => {
    const attempts = await seedSession(2);
    await panel(attempts);
    expect($(r!.container, 'full-token-warning')).toBeNull();
    await r!.act(() => click($(r!.container, 'export-full-tokens')));
    expect($(r!.container, 'full-token-warning')?.textContent).toMatch(/live credential/);
    await r!.act(() => click($(r!.container, 'export-json')));
    const file = saved.at(-1)!;
    expect(file.name).toMatch(/-FULL-TOKENS\.json$/);
    const json = JSON.parse(await file.blob.text());
    expect(json.redacted).toBe(false);
    expect(json.items[0].attempt.signature).toBe(attempts[0]!.signature);
  });
});
