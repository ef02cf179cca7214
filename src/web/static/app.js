import { initAll } from '/assets/govuk-frontend.min.js';

initAll();

// A confirmation for buttons that close or end something, so a slip of the mouse loses nothing.
for (const button of document.querySelectorAll('[data-confirm]')) {
  button.addEventListener('click', (event) => {
    if (!window.confirm(button.getAttribute('data-confirm'))) event.preventDefault();
  });
}
