/**
 * The Firefox package, read without Firefox (tests/e2e/firefox.e2e.test.ts runs it in Firefox ESR):
 * the globalSetup's `wxt zip -b firefox --mv3` output must be a manifest Firefox accepts
 * (MAIN-world hook → 128+, the data-collection key → 140+, an add-on id, background scripts) with
 * every file it names, and the Chrome manifest must not carry the Gecko settings.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extensionDir, firefoxExtensionDir } from './harness/paths';
import { firefoxManifestProblems } from '../../lab/firefox-manifest';

const firefoxManifest = () => JSON.parse(readFileSync(path.join(firefoxExtensionDir(), 'manifest.json'), 'utf8'));

describe('Firefox build', () => {
  it('produces a valid Firefox MV3 manifest with the MAIN-world hook gated on Firefox 128', () => {
    const manifest = firefoxManifest();
    expect(firefoxManifestProblems(manifest, (f) => existsSync(path.join(firefoxExtensionDir(), f)))).toEqual([]);
    expect(manifest.content_scripts.some((c: { world?: string }) => c.world === 'MAIN')).toBe(true);
  });
  it('declares that it collects no data (AMO requires data_collection_permissions for new add-ons), with the minimum versions that know the key', () => {
    const gecko = firefoxManifest().browser_specific_settings;
    expect(gecko.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(gecko.gecko.strict_min_version).toBe('140.0');
    expect(gecko.gecko_android.strict_min_version).toBe('142.0');
  });
  it('keeps Gecko settings out of the Chrome manifest', () => {
    const chrome = JSON.parse(readFileSync(path.join(extensionDir(), 'manifest.json'), 'utf8'));
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.background.service_worker).toBeTruthy();
  });
});
