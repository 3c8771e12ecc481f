/**
 * Finds a Chromium-family browser that can load an unpacked extension: $CHROMIUM_PATH (or its
 * older alias $CHROME_PATH), Debian's /usr/bin/chromium, then Chrome/Chromium on PATH and in the
 * usual install locations. Branded Google Chrome 137+ ignores --load-extension, so Chromium is
 * preferred. The one place that knows where the browser is: the lab, the browser tests, the
 * benches and the HAR recorder all ask here.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { JoinDoctorError } from '../lib/errors';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-for-testing', 'chrome', 'google-chrome', 'google-chrome-stable'];
const FIXED = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Chromium\\Application\\chrome.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function candidateBrowsers(env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  if (env.CHROMIUM_PATH) out.push(env.CHROMIUM_PATH);
  if (env.CHROME_PATH) out.push(env.CHROME_PATH);
  out.push(FIXED[0]!, FIXED[1]!);
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) for (const n of NAMES) out.push(path.join(dir, n));
  out.push(...FIXED.slice(2));
  return [...new Set(out)];
}

export function findChromium(env: NodeJS.ProcessEnv = process.env, isExecutable: (p: string) => boolean = executable): string {
  const hit = candidateBrowsers(env).find(isExecutable);
  if (hit) return hit;
  throw new JoinDoctorError(
    'ERR_USAGE',
    [
      'No Chromium or Chrome found. The lab and the browser tests need one to load the extension. Install one of:',
      '  Debian/Ubuntu: sudo apt-get install chromium',
      '  Fedora:        sudo dnf install chromium',
      '  macOS:         brew install --cask chromium',
      'or point CHROMIUM_PATH at a Chromium-family browser (Chrome 137+ no longer loads unpacked extensions from the command line: prefer Chromium or Chrome for Testing).',
    ].join('\n'),
  );
}
