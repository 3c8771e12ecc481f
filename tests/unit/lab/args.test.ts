import { describe, expect, it } from 'vitest';
import { hasDisplay, parseLabArgs } from '../../../lab/args';
import { findChromium } from '../../../lab/find-chromium';
import { isJoinDoctorError } from '../../../lib/errors';

describe('npm run lab arguments', () => {
  it('parses the scriptable form from the README', () => {
    expect(parseLabArgs(['--headless', '--scenario', 'java-round', '--joins', '100', '--out', 'DIR'])).toMatchObject({
      headless: true,
      scenario: 'java-round',
      joins: 100,
      out: 'DIR',
      view: 'simulated',
      spreadSeconds: 128,
    });
    expect(parseLabArgs(['--joins=5', '--view=client']).joins).toBe(5);
  });
  it('refuses a typo in the scenario name with the list of names, not a crash', () => {
    let err: unknown;
    try {
      parseLabArgs(['--scenario', 'java_round']);
    } catch (e) {
      err = e;
    }
    expect(isJoinDoctorError(err, 'ERR_USAGE')).toBe(true);
    expect(String((err as Error).message)).toContain('good, java-round, pyjwt-native, clock-ahead, swapped');
  });
  it('refuses --joins 0, --joins 1e9 and unknown options', () => {
    expect(() => parseLabArgs(['--joins', '0'])).toThrow(/1 to 500/);
    expect(() => parseLabArgs(['--joins', '1000000000'])).toThrow(/1 to 500/);
    expect(() => parseLabArgs(['--joins'])).toThrow(/got nothing/);
    expect(() => parseLabArgs(['--verbose'])).toThrow(/unknown option --verbose/);
  });
  it('goes headless on a machine without a display (CI, SSH)', () => {
    if (process.platform === 'linux') {
      expect(hasDisplay({})).toBe(false);
      expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    }
  });
});

describe('finding a browser', () => {
  it('prefers CHROMIUM_PATH, then its alias CHROME_PATH, then Debian chromium', () => {
    const any = () => true;
    expect(findChromium({ CHROMIUM_PATH: '/opt/c/chromium', CHROME_PATH: '/opt/c/chrome', PATH: '' }, any)).toBe('/opt/c/chromium');
    expect(findChromium({ CHROME_PATH: '/opt/c/chrome', PATH: '' }, (p) => p === '/opt/c/chrome' || p === '/usr/bin/chromium')).toBe('/opt/c/chrome');
    expect(findChromium({ PATH: '/usr/local/bin' }, (p) => p === '/usr/bin/chromium' || p === '/usr/local/bin/google-chrome')).toBe('/usr/bin/chromium');
  });
  it('finds Chrome on PATH', () => {
    expect(findChromium({ PATH: '/x:/home/me/bin' }, (p) => p === '/home/me/bin/google-chrome')).toBe('/home/me/bin/google-chrome');
  });
  it('says what to install when there is none', () => {
    expect(() => findChromium({ PATH: '' }, () => false)).toThrow(/apt-get install chromium/);
  });
});
