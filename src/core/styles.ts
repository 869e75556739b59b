import { css } from 'lit';

/**
 * Dark defaults. Each public custom property still wins over them; only the fallbacks change.
 * Used for `theme="dark"`, and for `theme="auto"` (the default) when the system prefers dark.
 */
const dark = css`
  --_text: var(--stcpay-otp-text, #ececf1);
  --_background: var(--stcpay-otp-background, #2a2931);
  --_surface: var(--stcpay-otp-surface, #1c1b22);
  --_surface-padding: var(--stcpay-otp-padding, 1rem);
  --_border: var(--stcpay-otp-border-color, #9a99a6);
  --_error: var(--stcpay-otp-error-color, #ffb4ab);
  --_link: var(--stcpay-otp-link-color, color-mix(in srgb, var(--_accent) 30%, #fff));
  --_focus: color-mix(in srgb, var(--_link) 70%, transparent);
  --_paid: color-mix(in srgb, var(--_accent) 35%, var(--_surface));
  color-scheme: dark;
`;

export const styles = css`
  :host {
    --_accent: var(--stcpay-otp-accent, #4f008c);
    --_accent-text: var(--stcpay-otp-accent-text, #fff);
    --_text: var(--stcpay-otp-text, #1f1f24);
    --_background: var(--stcpay-otp-background, #fff);
    --_surface: var(--stcpay-otp-surface, transparent);
    --_surface-padding: var(--stcpay-otp-padding, 0);
    --_border: var(--stcpay-otp-border-color, #767680);
    --_error: var(--stcpay-otp-error-color, #b3261e);
    --_link: var(--stcpay-otp-link-color, var(--_accent));
    --_focus: color-mix(in srgb, var(--_accent) 45%, transparent);
    --_paid: color-mix(in srgb, var(--_accent) 10%, var(--_background));
    --_radius: var(--stcpay-otp-radius, 0.5rem);
    --_spacing: var(--stcpay-otp-spacing, 0.5rem);

    display: block;
    position: relative;
    box-sizing: border-box;
    max-width: 24rem;
    padding: var(--_surface-padding);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(
      --stcpay-otp-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Noto Sans Arabic',
      'Noto Sans',
      sans-serif
    );
    font-size: var(--stcpay-otp-font-size, 1rem);
    line-height: 1.4;
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([theme='dark']) {
    ${dark}
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
    gap: var(--_spacing);
    margin: 0;
  }

  label {
    font-weight: 600;
  }

  .field {
    display: flex;
    align-items: stretch;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    overflow: hidden;
  }
  .field:focus-within {
    outline: var(--stcpay-otp-focus-ring, 3px solid var(--_focus));
    outline-offset: 1px;
    border-color: var(--_accent);
  }
  .field.invalid,
  .field.invalid:focus-within {
    border-color: var(--_error);
    outline-color: var(--_error);
  }

  [part~='country-code'] {
    display: flex;
    align-items: center;
    padding: 0 0.75em;
    border-inline-end: 1px solid var(--_border);
    background: color-mix(in srgb, var(--_border) 14%, transparent);
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
  input[part~='otp'] {
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
  }

  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75em;
    padding: 0.6em 1em;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button:focus-visible {
    outline: var(--stcpay-otp-focus-ring, 3px solid var(--_focus));
    outline-offset: 2px;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.7;
  }

  [part~='spinner'] {
    flex: none;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  [part~='spinner'][hidden] {
    display: none;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    /* No spinning: a still, dotted ring says "busy" without motion. */
    [part~='spinner'] {
      animation: none;
      border-style: dotted;
    }
  }

  /*
   * Status and error keep two lines of room even when empty, so nothing below them moves when
   * a message appears. On the number step they share that room: they never show together.
   * A little over two lines (2 × 1.4 = 2.8em): Firefox rounds each line box up to its layout
   * unit (1/60 px), and two rounded lines would outgrow exactly 2.8em.
   */
  .messages {
    display: grid;
  }
  .messages > * {
    grid-area: 1 / 1;
  }
  [part~='status'],
  [part~='error'] {
    margin: 0;
    min-height: 2.85em;
    font-size: 0.9em;
  }
  [part~='error'] {
    color: var(--_error);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_spacing);
  }
  button.link {
    min-height: 2.75em;
    padding: 0.25em 0;
    background: none;
    color: var(--_link);
    font-weight: 500;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  button.link:disabled {
    color: inherit;
    text-decoration: none;
    opacity: 0.8;
    font-variant-numeric: tabular-nums;
  }

  [part~='paid'] {
    margin: 0;
    padding: 1em;
    border-radius: var(--_radius);
    background: var(--_paid);
    font-weight: 600;
  }
  [part~='paid']:focus {
    outline: none;
  }

  /* Pinned inside the element's start corner: left where it fell, it stuck out past the end of an
     Arabic code step in Firefox, which then scrolled sideways by a few pixels. */
  .visually-hidden {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    width: 1px;
    height: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  /* Disabled controls fade; labels and messages keep their contrast. */
  :host([disabled]) .field {
    background: color-mix(in srgb, var(--_border) 12%, var(--_background));
  }
  input:disabled {
    opacity: 0.7;
  }
`;
