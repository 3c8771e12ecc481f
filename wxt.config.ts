import { defineConfig } from 'wxt';

// Chrome MV3 is the primary target; `wxt build -b firefox` produces the Firefox package.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Join Doctor',
    description: 'Explains why a Zoom Meeting SDK join failed (3712 Invalid signature), in a DevTools panel.',
    permissions: ['storage'],
  },
});
