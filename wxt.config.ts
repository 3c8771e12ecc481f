import path from 'node:path';
import { defineConfig } from 'wxt';
import { checkHookBudget, HOOK_BUDGET_BYTES, stripMainWorldLogger } from './lib/build/hook-budget';

// Chrome MV3 is the primary target; `npm run build:firefox` (wxt build -b firefox --mv3) produces the Firefox package.
export default defineConfig({
  // Parallel builds (tests, lab, a developer's own build) must not overwrite each other.
  outDir: process.env.JOIN_DOCTOR_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  // The page hook's 4 KB budget: WXT's production-dead logger is stripped from its wrapper, and
  // every build fails when the shipped hook is over budget (lib/build/hook-budget.ts).
  vite: () => ({ plugins: [stripMainWorldLogger()] }),
  hooks: {
    'build:done': (wxt) => {
      const size = checkHookBudget(wxt.config.outDir);
      wxt.logger.info(`page hook ${path.basename(wxt.config.outDir)}/content-scripts/zoom-hook.js: ${size} of ${HOOK_BUDGET_BYTES} bytes`);
    },
  },
  manifest: ({ browser }) => ({
    name: 'Join Doctor',
    description: 'Explains why a Zoom Meeting SDK join failed (3712 Invalid signature), in a DevTools panel.',
    // storage: the capture log lives in storage.session. No host permissions: the content
    // scripts are declared (<all_urls>) and the devtools page needs none for devtools.network.
    permissions: ['storage'],
    // The toolbar badge counts the tab's failed joins.
    action: { default_title: 'Join Doctor' },
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
            gecko: { id: 'join-doctor@join-doctor.dev', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
