// `npm start`: the demo pages with the local mock Paylink and the demo store's server side.
// The package itself is built by scripts/build.mjs (`npm run build`).
import { defineConfig } from 'vite';
import { demoServerPlugin } from './demo/demo-server.js';

export default defineConfig({
  plugins: [demoServerPlugin()],
  server: { port: 5173 },
});
