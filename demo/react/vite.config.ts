// `npm run demo:react` serves this app with the local mock Paylink; `npm run build:demos`
// builds it to demo/react/dist/. It uses the package as an app does: `stcpay-otp/react` from
// the built dist/ (run `npm run build` first).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { demoServerPlugin } from '../demo-server.js';

export default defineConfig({
  plugins: [react(), demoServerPlugin()],
  base: './',
  server: { port: 5174 },
});
