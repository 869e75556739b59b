// The tags' types in Svelte markup, loaded once for the app.
import type {} from 'stcpay-otp/svelte';
