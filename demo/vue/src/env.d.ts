// Vue template types for <stcpay-otp>: its props and events, checked by vue-tsc.
import type {} from 'stcpay-otp/vue';
