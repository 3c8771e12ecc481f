import path from 'node:path';
import { defineConfig } from 'wxt';
import { bareRelayWrapper, checkHookBudget, HOOK_BUDGET_BYTES, bareMainWorldWrapper } from './scripts/build/hook-budget';
import { noReactInnerHtml } from './scripts/build/no-inner-html';
import { pageCsp } from './scripts/build/page-csp';

// Chrome MV3 is the primary target; `npm run build:firefox` (wxt build -b firefox --mv3) produces the Firefox package.
export default defineConfig({
  // Parallel builds (tests, lab, a developer's own build) must not overwrite each other.
  outDir: process.env.JOIN_DOCTOR_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  // The page hook's size budget (HOOK_BUDGET_BYTES): WXT's wrapper of it is a plain install() call, and
  // every build fails when the shipped hook is over budget (scripts/build/hook-budget.ts). The relay,
  // dormant in every frame until Zoom shows up, skips WXT's unused content-script context.
  // React DOM's dangerouslySetInnerHTML is removed (scripts/build/no-inner-html.ts): nothing captured is
  // ever rendered as HTML, and the Firefox package lints without UNSAFE_VAR_ASSIGNMENT.
  // The triage page's CSP comes from scripts/build/page-csp.ts (one source with the static build).
  // The triage page's HAR reader is a module worker (components/triage/worker-reader.ts): a file of
  // its own in the build, allowed by the extension pages' script-src 'self'.
  vite: () => ({ plugins: [bareMainWorldWrapper(), bareRelayWrapper(), noReactInnerHtml(), pageCsp()], worker: { format: 'es' as const } }),
  hooks: {
    'build:done': (wxt) => {
      const size = checkHookBudget(wxt.config.outDir);
      wxt.logger.info(`page hook ${path.basename(wxt.config.outDir)}/content-scripts/zoom-hook.js: ${size} of ${HOOK_BUDGET_BYTES} bytes`);
    },
  },
  // `npm run zip`: the Chrome package, the Firefox package and (Firefox) the sources package AMO
  // asks for. The sources are what the build reads, and the README that says how to build them;
  // never tmp/, the tests, the lab or anything else in the folder.
  zip: {
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'types/**',
      // The build's own Vite plugins (hook budget, no innerHTML, the pages' CSP): wxt.config.ts imports them.
      'scripts/build/**',
      'icons/**',
      'package.json',
      'package-lock.json',
      '.npmrc',
      'wxt.config.ts',
      'tsconfig.json',
      'tsconfig.extension.json',
      'README.md',
      'docs/build-from-source.md',
    ],
    excludeSources: ['lib/cli/**', 'lib/api.ts'],
    dotSources: true,
  },
  manifest: ({ browser }) => ({
    name: 'Join Doctor',
    // The stores show at most 132 characters.
    description: 'Explains why a Zoom Meeting SDK or Video SDK web join failed (3712 Invalid signature, Verify JWT failed), in a DevTools panel.',
    // Rendered from icons/join-doctor.svg by `npm run icons` (public/icon/<size>.png).
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    // storage: the capture log lives in storage.session. No host permissions: the content
    // scripts are declared (<all_urls>) and the devtools page needs none for devtools.network.
    permissions: ['storage'],
    // The toolbar badge counts the tab's failed joins; a click opens the triage page (triage.html).
    action: { default_title: 'Join Doctor: open the triage page (HAR, export or token)', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // The panel's Reproduce asks for one endpoint's origin at click time (permissions.request),
    // never for every site at install.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // Browser tests only (tests/e2e/reproduce.e2e.test.ts): a headless run cannot click the
    // permission prompt, so that build has the loopback origin granted and Reproduce never prompts.
    ...(process.env.JOIN_DOCTOR_E2E_GRANT_LOOPBACK === '1' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Firefox: MAIN-world content scripts need 128+, and an add-on id is required for storage
    // and for installing the signed package. Chrome would warn about the unknown key.
    // data_collection_permissions: AMO requires it for new add-ons; captured joins stay in the
    // browser (storage.session, exports only on the user's click), so nothing is collected.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140: the first Firefox (and ESR) that knows data_collection_permissions (on Android 142);
            // MAIN-world content scripts alone would need 128.
            gecko: { id: 'join-doctor@join-doctor.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
