// The script-tag builds as the oldest browsers README names (Safari 15.4, Chrome 100,
// Firefox 97) parse them. `npm test` builds them first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseAst } from 'vite';

const BUILDS = ['dist/stcpay-otp.js', 'dist/stcpay-otp.iife.js', 'dist/lib/checkout/stcpay-otp.js'];

/** The kinds of syntax node in `code`. */
function syntax(code) {
  const kinds = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node.type !== 'string') return;
    kinds.add(node.type);
    for (const key in node) if (node[key] && typeof node[key] === 'object') walk(node[key]);
  };
  walk(parseAst(code));
  return kinds;
}

for (const file of BUILDS) {
  test(`${file} has no class static block, which Safari before 16.4 cannot parse`, () => {
    assert.equal(syntax(readFileSync(file, 'utf8')).has('StaticBlock'), false);
  });
}

test('the script-tag builds carry the notices of stcpay-otp and of Lit inside them', () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  for (const file of BUILDS.slice(0, 2)) {
    const firstLine = readFileSync(file, 'utf8').split('\n')[0];
    assert.equal(
      firstLine,
      `/*! stcpay-otp ${version} (MIT) | includes Lit, Copyright 2017 Google LLC (BSD-3-Clause) */`,
    );
  }
});
