// The public API as built against api/, the record of it: a change to any entry's exports, to a
// type they name, to an augmentation or to a tag's attributes, events or parts fails here until
// `npm run api` rewrites api/ in the same commit, beside its line in CHANGELOG.md. `npm test`
// builds dist/ and custom-elements.json first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReports, diff, entries, readReports } from '../../scripts/api-report.mjs';

const built = buildReports();
const recorded = readReports();

test('api/ has one report for each entry of package.json exports, and no other', () => {
  const expected = entries()
    .map((e) => e.file)
    .sort();
  assert.ok(expected.includes('index.api.md') && expected.includes('server.api.md'));
  assert.deepEqual(
    [...recorded.keys()].sort(),
    expected,
    'api/ and package.json "exports" disagree: run `npm run api` and commit api/',
  );
});

for (const [file, text] of built)
  test(`api/${file} is the API as built`, () => {
    const before = recorded.get(file) ?? '';
    if (before === text) return;
    assert.fail(
      `The public API of ${text.split('\n')[0].slice(2)} changed:\n\n${diff(before, text, file)}\n\n` +
        'If the change is meant, run `npm run api`, commit api/ with it, and say what changed ' +
        'in CHANGELOG.md.',
    );
  });
