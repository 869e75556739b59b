// stcpay-otp/svelte in a Svelte 5 app: svelte-check over test/types/svelte/, against the built
// types (`npm test` builds first). Checkout.svelte, Legacy.svelte and Pay.svelte must pass; each
// line named below in a Wrong*.svelte file must fail with its message, and nothing else there may.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const APP = 'test/types/svelte';

/** svelte-check's findings, by file: [{ kind, line, message }]. */
function svelteCheck() {
  let output;
  try {
    output = execFileSync(
      'npx',
      ['svelte-check', '--workspace', APP, '--tsconfig', './tsconfig.json', '--output', 'machine'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    output = error.stdout; // It exits with 1 when it finds errors, as it must here.
  }
  assert.match(output, /COMPLETED \d+ FILES/, `svelte-check did not finish:\n${output}`);
  const found = {};
  for (const [, kind, file, line, message] of output.matchAll(
    /^\d+ (ERROR|WARNING) "([^"]+)" (\d+):\d+ "(.*)"$/gm,
  ))
    (found[file] ??= []).push({ kind, line: Number(line), message: JSON.parse(`"${message}"`) });
  return found;
}

const found = svelteCheck();

/** The line of `file` that holds `text`, 1-based. */
function lineOf(file, text) {
  const index = readFileSync(join(APP, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text));
  assert.ok(index >= 0, `${file} has a line with ${text}`);
  return index + 1;
}

for (const file of ['Checkout.svelte', 'Legacy.svelte', 'Pay.svelte'])
  test(`${file}: the tags as an app writes them type-check, with no warning`, () => {
    assert.deepEqual(found[file] ?? [], []);
  });

const MUST_FAIL = {
  'WrongTotal.svelte': [['total="ten"', /Type 'string' is not assignable to type 'number'/]],
  'WrongHandler.svelte': [
    [
      'onotp-sent={onError}',
      /'\(event: OtpErrorEvent\) => void' is not assignable[\s\S]*'OtpSentDetail' is missing/,
    ],
  ],
  'WrongDetail.svelte': [
    [
      'event.detail.paymentSessionId',
      /'paymentSessionId' does not exist on type 'PaymentProcessedDetail'/,
    ],
  ],
  'WrongAttribute.svelte': [
    [
      'transaction-number=',
      /'"transaction-number"' does not exist in type 'StcpayOtpSvelteAttributes'/,
    ],
    ['process-payment={false}', /Type 'false' is not assignable to type 'true'/],
    ['state="paid"', /'"state"' does not exist/],
    ['environment="staging"', /'"staging"' is not assignable to type 'Environment/],
  ],
};

for (const [file, expected] of Object.entries(MUST_FAIL))
  test(`${file}: fails where it must, and only there`, () => {
    const errors = (found[file] ?? []).filter((f) => f.kind === 'ERROR');
    const want = expected.map(([text]) => lineOf(file, text));
    assert.deepEqual(
      errors.map((e) => e.line),
      want,
      `${file}'s errors: ${JSON.stringify(errors)}`,
    );
    expected.forEach(([, message], i) => assert.match(errors[i].message, message));
  });

test('every .svelte file of the app is checked here', () => {
  const files = readdirSync(APP).filter((f) => f.endsWith('.svelte'));
  assert.deepEqual(
    files.sort(),
    ['Checkout.svelte', 'Legacy.svelte', 'Pay.svelte', ...Object.keys(MUST_FAIL)].sort(),
  );
});

test('Checkout.svelte sets every attribute of both tags that custom-elements.json lists', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const markup = readFileSync(join(APP, 'Checkout.svelte'), 'utf8');
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  assert.deepEqual(tags.map((t) => t.tagName).sort(), ['paylink-validate-mobile', 'stcpay-otp']);
  for (const tag of tags) {
    const element =
      markup.match(new RegExp(`<${tag.tagName}\\b[\\s\\S]*?></${tag.tagName}>`))?.[0] ?? '';
    for (const { name } of tag.attributes)
      assert.match(
        element,
        new RegExp(`\\s${name}[\\s=]`),
        `<${tag.tagName} ${name}> in Checkout.svelte`,
      );
    for (const { name } of tag.events)
      assert.match(
        element,
        new RegExp(`\\son${name}=`),
        `<${tag.tagName} on${name}> in Checkout.svelte`,
      );
  }
});
