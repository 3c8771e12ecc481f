/**
 * Where a rule is documented: the extension's own rules page (entrypoints/rules), which lists
 * every rule of this build with its severity, title and sources. Offline and versioned with the
 * code, so the link never points at documentation of another version.
 */
export const RULES_PAGE = '/rules.html';

export function ruleDocUrl(id: string): string {
  const rt = (globalThis as { chrome?: { runtime?: { getURL?(p: string): string } } }).chrome?.runtime;
  // Without an extension runtime (the static triage page) the rules page sits beside this page.
  const base = typeof rt?.getURL === 'function' ? rt.getURL(RULES_PAGE) : RULES_PAGE.slice(1);
  return `${base}#${encodeURIComponent(id)}`;
}
