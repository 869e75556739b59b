// `npm start`: the demo pages with the local mock Paylink and the demo store's server side.
// `npm start` builds the package first (scripts/build.mjs, `npm run build`), since the plain
// page runs the built classic script from dist/.
import { defineConfig } from 'vite';
import { demoServerPlugin } from './demo/demo-server.js';

export default defineConfig({
  plugins: [demoServerPlugin()],
  server: { port: 5173 },
  // The pages this server serves. Left to itself, Vite scans every HTML file in the project,
  // the React and Vue apps' too, which import the package by name and have servers of their own.
  optimizeDeps: { entries: ['index.html', 'demo/*.html'] },
});
