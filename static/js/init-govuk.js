// Starts GOV.UK Frontend: the inline script of GOV.UK's page template, moved into a
// file so the Content-Security-Policy needs no 'unsafe-inline' or nonce for scripts.
// Loaded as <script type="module">, so it runs only in browsers GOV.UK Frontend
// supports, which is the test the template's inline `noModule` check made.
import { initAll } from "../dist/govuk-frontend.min.js";

// Component CSS (service navigation toggle, error summary focus) keys off this class.
document.body.classList.add("js-enabled", "govuk-frontend-supported");

initAll();
