// `npm run demo:react` builds the package, then serves this app with the local mock Paylink;
// `npm run build:demos` builds it to demo/react/dist/. It uses the package as an app does:
// `stcpay-otp/react` from the built dist/.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { demoServerPlugin } from '../demo-server.js';

export default defineConfig({
  plugins: [react(), demoServerPlugin()],
  base: './',
  server: { port: 5174 },
});
