/**
 * Checks a built Firefox manifest for what Firefox itself would refuse or silently break, so the
 * Firefox package can be tested on a machine without Firefox. Returns problems, empty when valid.
 */
const GECKO_ID = /^([A-Za-z0-9._+-]+@[A-Za-z0-9.-]+|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
// Permissions Firefox MV3 knows (a subset is enough: the ones an extension like this may use).
const FIREFOX_PERMISSIONS = new Set(['storage', 'tabs', 'activeTab', 'scripting', 'webRequest', 'downloads', 'clipboardWrite', 'alarms', 'contextMenus', 'notifications']);

function majorVersion(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d+)(\.\d+)*$/.exec(v);
  return m ? Number(m[1]) : null;
}

export function firefoxManifestProblems(manifest: unknown, fileExists: (p: string) => boolean = () => true): string[] {
  const out: string[] = [];
  if (typeof manifest !== 'object' || manifest === null) return ['manifest is not a JSON object'];
  const m = manifest as Record<string, any>;
  if (m.manifest_version !== 3) out.push(`manifest_version is ${m.manifest_version}, expected 3`);
  const gecko = m.browser_specific_settings?.gecko;
  if (!gecko) out.push('browser_specific_settings.gecko is missing (Firefox needs an add-on id)');
  else if (typeof gecko.id !== 'string' || !GECKO_ID.test(gecko.id)) out.push(`gecko.id ${JSON.stringify(gecko?.id)} is not an email-style id or a {GUID}`);
  const min = majorVersion(gecko?.strict_min_version);
  const mainWorld = (m.content_scripts ?? []).some((c: any) => c?.world === 'MAIN');
  if (mainWorld && (min === null || min < 128)) out.push(`content scripts use world "MAIN", which needs Firefox 128+, but strict_min_version is ${gecko?.strict_min_version ?? 'unset'}`);
  if (m.background?.service_worker) out.push('background.service_worker is not supported by Firefox: use background.scripts');
  if (!Array.isArray(m.background?.scripts) || m.background.scripts.length === 0) out.push('background.scripts is missing');
  for (const p of m.permissions ?? []) if (!FIREFOX_PERMISSIONS.has(p)) out.push(`permission ${p} is unknown to Firefox`);
  const files: string[] = [...(m.background?.scripts ?? [])];
  if (m.devtools_page) files.push(m.devtools_page);
  else out.push('devtools_page is missing');
  for (const c of m.content_scripts ?? []) files.push(...(c.js ?? []), ...(c.css ?? []));
  for (const f of files) if (!fileExists(f)) out.push(`referenced file ${f} is not in the package`);
  if (typeof m.version !== 'string' || !/^\d+(\.\d+){0,3}$/.test(m.version)) out.push(`version ${m.version} is not dotted numbers`);
  return out;
}
