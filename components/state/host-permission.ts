/**
 * Fetching a signature endpoint from the panel needs host permission for its origin. The
 * extension asks for none at install (optional_host_permissions only) and requests exactly one
 * origin when the user confirms a reproduction, from that click (a user gesture is required).
 */
import { browser } from 'wxt/browser';

export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** Resolves true when the panel may fetch `url`; asks the user when it may not yet. */
export async function ensureHostPermission(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  const perms = browser?.permissions;
  // The panel page opened as a plain tab in tests has the API; a missing API means no extension context.
  if (!perms) return false;
  if (await perms.contains({ origins: [pattern] })) return true;
  return perms.request({ origins: [pattern] });
}
