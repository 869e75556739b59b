// The demos' shared look. Imported rather than linked from index.html, whose ../ path the
// dev server (npm run demo:react, demo:vue) cannot serve.
import '../../demo.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
