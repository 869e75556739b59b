// `npm run lint` runs this after `prettier --check .`: Prettier owns the layout, ESLint the
// rest: TypeScript, Lit templates, custom-element habits and the accessibility of templates.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'coverage/', 'demo/*/dist/', 'demo/screenshots/', 'custom-elements.json'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      // Prettier keeps code within 100 columns but leaves comments and strings be: wrap
      // comments by hand; a long string stays whole, so it can be searched for.
      '@stylistic/max-len': [
        'error',
        {
          code: 100,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreUrls: true,
        },
      ],
      // An unused argument is often the one a callback's signature puts first; name it `_x`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // The elements and what runs in the browser with them: the demos' pages and the tests.
    files: ['src/**/*.ts', 'test/**/*.ts', 'test/**/*.tsx', 'demo/**/*.{js,ts,tsx}'],
    languageOptions: { globals: globals.browser },
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.{js,ts,tsx}'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'demo/**/*.{js,ts,tsx}'],
    ...litA11y.configs.recommended,
  },
  {
    // Node: the build and size scripts, the configs, the demos' servers and mocks, node tests.
    files: [
      '*.{js,mjs,ts}',
      'scripts/**/*.{js,mjs}',
      'demo/*-server.js',
      'demo/mock-*.js',
      'demo/*/vite.config.ts',
      'test/node/**/*.mjs',
      'test/server/**/*.js',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // These drive a browser: the functions they hand to page.evaluate run in the page.
    files: ['scripts/bench.mjs', 'scripts/screenshots.mjs', 'test/node/demos.test.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
