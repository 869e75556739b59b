import { defineConfig, type Connect, type Plugin } from 'vite';
import { createPaylinkMock } from './demo/mock-paylink.js';

/** Serves the local mock Paylink next to the demo pages, on the same origin. */
function mockPaylink(): Plugin {
  const mock = createPaylinkMock();
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    if (!mock.handle(req, res)) next();
  };
  return {
    name: 'mock-paylink',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

export default defineConfig({
  plugins: [mockPaylink()],
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
