// `npm run demo:vue` builds the package, then serves this app with the local mock Paylink;
// `npm run build:demos` builds it to demo/vue/dist/. It uses the package as an app does, from
// the built dist/.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { demoServerPlugin } from '../demo-server.js';

export default defineConfig({
  plugins: [
    vue({
      template: {
        // <stcpay-otp> is a custom element, not a Vue component.
        compilerOptions: { isCustomElement: (tag) => tag === 'stcpay-otp' },
      },
    }),
    demoServerPlugin(),
  ],
  base: './',
  server: { port: 5175 },
});
