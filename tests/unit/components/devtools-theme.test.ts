// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyDevtoolsTheme } from '../../../entrypoints/devtools-panel/theme';

afterEach(() => vi.unstubAllGlobals());

describe('DevTools theme', () => {
  it('a developer with DevTools set to dark gets the dark panel', () => {
    vi.stubGlobal('browser', { devtools: { panels: { themeName: 'dark' } } });
    const el = document.createElement('html');
    applyDevtoolsTheme(el);
    expect(el.dataset.theme).toBe('dark');
  });

  it("DevTools' default theme is light", () => {
    vi.stubGlobal('browser', { devtools: { panels: { themeName: 'default' } } });
    const el = document.createElement('html');
    applyDevtoolsTheme(el);
    expect(el.dataset.theme).toBe('light');
  });

  it('Firefox switching theme while the panel is open follows along', () => {
    let listener: ((t: string) => void) | undefined;
    vi.stubGlobal('browser', { devtools: { panels: { themeName: 'light', onThemeChanged: { addListener: (cb: (t: string) => void) => (listener = cb) } } } });
    const el = document.createElement('html');
    applyDevtoolsTheme(el);
    listener!('dark');
    expect(el.dataset.theme).toBe('dark');
  });

  it('opened as a plain tab (no devtools API), the OS preference decides', () => {
    vi.stubGlobal('browser', {});
    vi.stubGlobal('matchMedia', (q: string) => ({ matches: q.includes('dark'), addEventListener() {} }));
    const el = document.createElement('html');
    applyDevtoolsTheme(el);
    expect(el.dataset.theme).toBe('dark');
  });
});
