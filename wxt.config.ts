import { defineConfig } from 'wxt';

// Chrome MV3 is the primary target; `wxt build -b firefox` produces the Firefox package.
export default defineConfig({
  // Parallel builds (tests, lab, a developer's own build) must not overwrite each other.
  outDir: process.env.JOIN_DOCTOR_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Join Doctor',
    description: 'Explains why a Zoom Meeting SDK join failed (3712 Invalid signature), in a DevTools panel.',
    permissions: ['storage'],
  },
});
