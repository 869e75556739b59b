import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    box-sizing: border-box;
    max-width: 24rem;
    color: var(--stcpay-otp-text, #1f1f24);
    font-family: var(--stcpay-otp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans Arabic', sans-serif);
    font-size: var(--stcpay-otp-font-size, 1rem);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  form {
    display: grid;
    gap: var(--stcpay-otp-spacing, 0.5rem);
    margin: 0;
  }

  label {
    font-weight: 600;
  }

  .field {
    display: flex;
    align-items: stretch;
    border: 1px solid var(--stcpay-otp-border-color, #8a8a96);
    border-radius: var(--stcpay-otp-radius, 0.5rem);
    background: var(--stcpay-otp-background, #fff);
    overflow: hidden;
  }
  .field:focus-within {
    outline: var(--stcpay-otp-focus-ring, 3px solid color-mix(in srgb, var(--stcpay-otp-accent, #4f008c) 45%, transparent));
    outline-offset: 1px;
    border-color: var(--stcpay-otp-accent, #4f008c);
  }
  .field.invalid,
  .field.invalid:focus-within {
    border-color: var(--stcpay-otp-error-color, #b3261e);
    outline-color: var(--stcpay-otp-error-color, #b3261e);
  }

  [part='country-code'] {
    display: flex;
    align-items: center;
    padding: 0 0.75em;
    border-inline-end: 1px solid var(--stcpay-otp-border-color, #8a8a96);
    background: color-mix(in srgb, var(--stcpay-otp-border-color, #8a8a96) 12%, transparent);
    font-variant-numeric: tabular-nums;
  }

  input {
    flex: 1;
    min-width: 0;
    padding: 0.7em 0.75em;
    border: 0;
    outline: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    letter-spacing: 0.04em;
  }

  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75em;
    padding: 0.6em 1em;
    border: 0;
    border-radius: var(--stcpay-otp-radius, 0.5rem);
    background: var(--stcpay-otp-accent, #4f008c);
    color: var(--stcpay-otp-accent-text, #fff);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button:focus-visible {
    outline: var(--stcpay-otp-focus-ring, 3px solid color-mix(in srgb, var(--stcpay-otp-accent, #4f008c) 45%, transparent));
    outline-offset: 2px;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.7;
  }

  [part='spinner'] {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  [part='spinner'][hidden] {
    display: none;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='spinner'] {
      animation-duration: 2.4s;
    }
  }

  /* Status and error keep their line even when empty, so nothing jumps when they fill. */
  [part='status'],
  [part='error'] {
    margin: 0;
    min-height: 1.4em;
    font-size: 0.9em;
  }
  [part='error'] {
    color: var(--stcpay-otp-error-color, #b3261e);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--stcpay-otp-spacing, 0.5rem);
  }
  button.link {
    min-height: 2.75em;
    padding: 0.25em 0;
    background: none;
    color: var(--stcpay-otp-accent, #4f008c);
    font-weight: 500;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  button.link:disabled {
    color: inherit;
    text-decoration: none;
    opacity: 0.75;
    font-variant-numeric: tabular-nums;
  }

  [part='paid'] {
    margin: 0;
    padding: 1em;
    border-radius: var(--stcpay-otp-radius, 0.5rem);
    background: color-mix(in srgb, var(--stcpay-otp-accent, #4f008c) 10%, transparent);
    font-weight: 600;
  }
  [part='paid']:focus {
    outline: none;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  :host([disabled]) {
    opacity: 0.6;
  }
`;
