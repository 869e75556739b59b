// The demos' shared look. Imported rather than linked from index.html, whose ../ path the
// dev server (npm run demo:react, demo:vue) cannot serve.
import '../../demo.css';
import 'stcpay-otp/define';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
