/**
 * The Firefox package, tested without Firefox: `npm run build:firefox` output must be a manifest
 * Firefox accepts (MAIN-world hook → 128+, an add-on id, background scripts) with every file it
 * names, and the Chrome manifest must not carry the Gecko settings.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extensionDir, repoRoot, tmpDir } from './harness/paths';
import { firefoxManifestProblems } from '../../lab/firefox-manifest';

describe('Firefox build', () => {
  it('produces a valid Firefox MV3 manifest with the MAIN-world hook gated on Firefox 128', () => {
    const out = tmpDir('e2e-firefox');
    const run = spawnSync(path.join(repoRoot, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox', '--mv3'], {
      cwd: repoRoot,
      env: { ...process.env, JOIN_DOCTOR_OUT_DIR: out },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const dir = path.join(out, 'firefox-mv3');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(firefoxManifestProblems(manifest, (f) => existsSync(path.join(dir, f)))).toEqual([]);
    expect(manifest.content_scripts.some((c: { world?: string }) => c.world === 'MAIN')).toBe(true);
  });
  it('declares that it collects no data (AMO requires data_collection_permissions for new add-ons)', () => {
    const manifest = JSON.parse(readFileSync(path.join(tmpDir('e2e-firefox'), 'firefox-mv3', 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
  it('keeps Gecko settings out of the Chrome manifest', () => {
    const chrome = JSON.parse(readFileSync(path.join(extensionDir(), 'manifest.json'), 'utf8'));
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.background.service_worker).toBeTruthy();
  });
});
