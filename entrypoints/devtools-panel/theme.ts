/**
 * Follows the DevTools theme. `themeName` is 'dark' or 'default' inside DevTools; when the panel
 * page is opened as a normal tab there is no devtools API, so the OS preference decides.
 */
export function applyDevtoolsTheme(root: HTMLElement = document.documentElement): void {
  const dt = (globalThis as { browser?: { devtools?: { panels?: { themeName?: string; onThemeChanged?: { addListener(cb: (t: string) => void): void } } } } }).browser?.devtools?.panels;
  const set = (name: string | undefined) => {
    root.dataset.theme = name === 'dark' ? 'dark' : 'light';
  };
  if (dt && typeof dt.themeName === 'string') {
    set(dt.themeName);
    // Chrome has no change event; Firefox does. Either way the panel reloads on a theme switch in Chrome.
    dt.onThemeChanged?.addListener(set);
    return;
  }
  const mq = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  set(mq?.matches ? 'dark' : 'light');
  mq?.addEventListener?.('change', (e) => set(e.matches ? 'dark' : 'light'));
}
