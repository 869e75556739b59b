// custom-elements.json, as an editor or a docs tool reads it from the package, checked against
// the element itself. `npm test` generates it first (npm run build).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));
const declarations = manifest.modules.flatMap((m) =>
  (m.declarations ?? []).map((d) => ({ ...d, module: m.path })),
);
const element = declarations.find((d) => d.tagName === 'stcpay-otp');
// The element class as the package exports it; Lit's Node build runs it without a DOM.
const { StcpayOtp, PaylinkValidateMobile } = await import('stcpay-otp');
const partner = declarations.find((d) => d.tagName === 'paylink-validate-mobile');

test('package.json names the manifest, and the manifest describes <stcpay-otp>', () => {
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(element, 'a declaration with tagName stcpay-otp');
  assert.equal(element.name, 'StcpayOtp');
  assert.equal(element.customElement, true);
  assert.ok(element.summary && element.description);
});

test("lists exactly the element's observed attributes, each with its property and a type", () => {
  const names = element.attributes.map((a) => a.name).sort();
  assert.deepEqual(names, [...StcpayOtp.observedAttributes].sort());
  const fields = new Set(element.members.filter((m) => m.kind === 'field').map((m) => m.name));
  for (const attribute of element.attributes) {
    // lang is the HTML global attribute the element observes, not a property of its own.
    if (attribute.name !== 'lang')
      assert.ok(fields.has(attribute.fieldName), `${attribute.name} → ${attribute.fieldName}`);
    assert.ok(attribute.type?.text, `${attribute.name} has a type`);
    assert.ok(attribute.description, `${attribute.name} is described`);
  }
  assert.equal(
    element.attributes.find((a) => a.name === 'environment').type.text,
    "'production' | 'testing'",
  );
});

test('lists the five events with their types, and only those', () => {
  const events = Object.fromEntries(element.events.map((e) => [e.name, e.type?.text]));
  assert.deepEqual(events, {
    'otp-sent': 'OtpSentEvent',
    'otp-error': 'OtpErrorEvent',
    'otp-complete': 'OtpCompleteEvent',
    'payment-processed': 'PaymentProcessedEvent',
    'payment-unconfirmed': 'PaymentUnconfirmedEvent',
  });
  for (const event of element.events) assert.ok(event.description, `${event.name} is described`);
});

test('lists the public methods, CSS parts and custom properties, and nothing private', () => {
  const methods = element.members.filter((m) => m.kind === 'method').map((m) => m.name);
  assert.deepEqual(methods.sort(), ['confirm', 'define', 'reset', 'resolvePayment', 'send']);
  assert.deepEqual(
    element.members.filter((m) => m.privacy),
    [],
  );
  for (const member of element.members)
    assert.ok(member.name in StcpayOtp.prototype || member.static, member.name);
  const parts = element.cssParts.map((p) => p.name);
  for (const part of [
    'form',
    'mobile',
    'submit',
    'error',
    'otp',
    'confirm',
    'resend',
    'paid',
    'unconfirmed',
  ])
    assert.ok(parts.includes(part), part);
  assert.ok(element.cssProperties.some((p) => p.name === '--stcpay-otp-accent'));
});

test('points at modules the package ships, which export what it says', async () => {
  for (const module of manifest.modules) {
    assert.ok(existsSync(module.path), module.path);
    assert.ok(
      pkg.files.some((pattern) => module.path.startsWith(pattern.replace(/\*.*$/, ''))),
      `${module.path} is packed`,
    );
  }
  assert.equal(element.module, 'dist/lib/checkout/stcpay-otp.js');
  const definition = manifest.modules
    .flatMap((m) => m.exports ?? [])
    .find((e) => e.kind === 'custom-element-definition');
  assert.deepEqual(definition, {
    kind: 'custom-element-definition',
    name: 'stcpay-otp',
    declaration: { name: 'StcpayOtp', module: 'dist/lib/checkout/stcpay-otp.js' },
  });
  const classes = { StcpayOtp, PaylinkValidateMobile };
  for (const module of manifest.modules) {
    const exported = await import(`../../${module.path}`);
    for (const { kind, name } of module.exports ?? [])
      if (kind === 'js')
        assert.equal(exported[name], classes[name], `${module.path} exports ${name}`);
  }
});

test('describes <paylink-validate-mobile> too: its attributes, events and parts, and no token attribute', () => {
  assert.ok(partner, 'a declaration with tagName paylink-validate-mobile');
  assert.equal(partner.module, 'dist/lib/partner/paylink-validate-mobile.js');
  // `token` is observed only to be removed at once: it is no attribute of the element.
  assert.deepEqual(
    partner.attributes.map((a) => a.name).sort(),
    [...PaylinkValidateMobile.observedAttributes].filter((name) => name !== 'token').sort(),
  );
  assert.ok(!partner.attributes.some((a) => a.name === 'token' || a.name === 'get-token'));
  assert.ok(partner.members.some((m) => m.name === 'token' && m.kind === 'field'));
  assert.deepEqual(partner.events.map((e) => e.name).sort(), ['mobile-validated', 'otp-error']);
  for (const part of ['form', 'otp', 'submit', 'resend', 'error', 'validated'])
    assert.ok(
      partner.cssParts.some((p) => p.name === part),
      part,
    );
  const definition = manifest.modules.find((m) => m.path === 'dist/lib/define-partner.js')
    ?.exports?.[0];
  assert.deepEqual(definition, {
    kind: 'custom-element-definition',
    name: 'paylink-validate-mobile',
    declaration: {
      name: 'PaylinkValidateMobile',
      module: 'dist/lib/partner/paylink-validate-mobile.js',
    },
  });
});

test("types each element's read-only state with its own states, not the base class's S", () => {
  const state = (declaration) => declaration.members.find((m) => m.name === 'state').type.text;
  assert.equal(
    state(element),
    "'idle' | 'sending' | 'sent' | 'verifying' | 'unconfirmed' | 'paid' | 'error'",
  );
  assert.equal(state(partner), "'idle' | 'validating' | 'resending' | 'validated' | 'error'");
});
