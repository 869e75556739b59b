/**
 * `<PaylinkValidateMobile>` for React, made with `@lit/react`: props become the element's
 * properties (`token` and `getToken` included, never attributes), and `onMobileValidated` and
 * `onOtpError` listen to its events. Importing this module registers
 * `<paylink-validate-mobile>`. A module of its own, so storefront apps never bundle it.
 */
import { createComponent } from '@lit/react';
import React, { type ForwardRefExoticComponent } from 'react';
import { eventProps } from './core/react-events.js';
import { PaylinkValidateMobile as PaylinkValidateMobileElement } from './partner/paylink-validate-mobile.js';
import type { ElementProps } from './core/react-props.js';

PaylinkValidateMobileElement.define();

const Component = createComponent({
  react: React,
  tagName: 'paylink-validate-mobile',
  elementClass: PaylinkValidateMobileElement,
  events: eventProps({ onMobileValidated: 'mobile-validated', onOtpError: 'otp-error' }),
  displayName: 'PaylinkValidateMobile',
});

/**
 * Everything `<PaylinkValidateMobile>` takes: the element's properties, its event handlers,
 * `ref`... Not `state`, which is read-only, nor the methods: call those through `ref`.
 */
export type PaylinkValidateMobileProps = ElementProps<
  typeof Component,
  'validate' | 'resend' | 'reset'
>;

export const PaylinkValidateMobile =
  Component as ForwardRefExoticComponent<PaylinkValidateMobileProps>;

export type {
  MobileValidatedDetail,
  MobileValidatedEvent,
  OtpErrorDetail,
  OtpErrorEvent,
} from './core/events.js';
export type { ValidateMobileState } from './partner/paylink-validate-mobile.js';
