import { describe, expect, it } from 'vitest';
import { firefoxManifestProblems } from '../../../lab/firefox-manifest';

const valid = {
  manifest_version: 3,
  name: 'Join Doctor',
  version: '0.1.0',
  permissions: ['storage'],
  browser_specific_settings: { gecko: { id: 'join-doctor@join-doctor.dev', strict_min_version: '128.0' } },
  background: { scripts: ['background.js'] },
  devtools_page: 'devtools.html',
  content_scripts: [{ matches: ['<all_urls>'], js: ['content-scripts/zoom-hook.js'], world: 'MAIN' }],
};

describe('Firefox manifest validation', () => {
  it('accepts the shape the build produces', () => {
    expect(firefoxManifestProblems(valid)).toEqual([]);
  });
  it('flags a MAIN-world hook with a Firefox minimum below 128 (the hook would never load)', () => {
    const m = { ...valid, browser_specific_settings: { gecko: { id: 'a@b.c', strict_min_version: '115.0' } } };
    expect(firefoxManifestProblems(m)).toEqual([expect.stringMatching(/needs Firefox 128\+/)]);
  });
  it('flags a missing add-on id and a Chrome-only service worker background', () => {
    const { browser_specific_settings: _, ...noGecko } = valid;
    expect(firefoxManifestProblems({ ...noGecko, background: { service_worker: 'bg.js' } })).toEqual(
      expect.arrayContaining([expect.stringMatching(/gecko is missing/), expect.stringMatching(/service_worker is not supported/)]),
    );
  });
  it('flags files the manifest names but the package lacks', () => {
    expect(firefoxManifestProblems(valid, (f) => f !== 'devtools.html')).toEqual(['referenced file devtools.html is not in the package']);
  });
});
