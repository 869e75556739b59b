import { defineConfig, type Connect, type Plugin } from 'vite';
import { createDemoServer } from './demo/demo-server.js';

/** Serves the local mock Paylink and the demo store's server side next to the demo pages. */
function demoServer(): Plugin {
  const handle = createDemoServer();
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    if (!handle(req, res)) next();
  };
  return {
    name: 'demo-server',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

export default defineConfig({
  plugins: [demoServer()],
  server: { port: 5173 },
  build: {
    target: 'es2022',
    lib: {
      entry: 'src/define.ts',
      formats: ['es'],
      fileName: () => 'stcpay-otp.js',
    },
    sourcemap: true,
    rolldownOptions: {
      // Vite leaves whitespace in ES library output; a script-tag bundle wants it all gone.
      output: { minify: true },
    },
  },
});
