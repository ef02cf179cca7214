import { initAll } from '/assets/govuk-frontend.min.js';

initAll();

// A confirmation for buttons that close or end something, so a slip of the mouse loses nothing.
for (const button of document.querySelectorAll('[data-confirm]')) {
  button.addEventListener('click', (event) => {
    if (!window.confirm(button.getAttribute('data-confirm'))) event.preventDefault();
  });
}

// A find box for long lists of checkboxes (such as every organisation in a locality): typing
// hides the options whose label does not match; ticked options always stay in view. Without
// script the whole list shows, as before.
for (const list of document.querySelectorAll('[data-find-label]')) {
  const items = [...list.querySelectorAll('.govuk-checkboxes__item')];
  const id = `${list.getAttribute('data-find-id') ?? 'list'}-find`;
  const group = document.createElement('div');
  group.className = 'govuk-form-group govuk-!-margin-bottom-3';
  const label = document.createElement('label');
  label.className = 'govuk-label';
  label.htmlFor = id;
  label.textContent = list.getAttribute('data-find-label');
  const input = document.createElement('input');
  input.className = 'govuk-input govuk-!-width-two-thirds';
  input.id = id;
  input.type = 'search';
  input.autocomplete = 'off';
  const status = document.createElement('p');
  status.className = 'govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0';
  status.setAttribute('aria-live', 'polite');
  group.append(label, input, status);
  list.before(group);
  input.addEventListener('input', () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of items) {
      const text = item.textContent.toLowerCase();
      const ticked = item.querySelector('input').checked;
      const match = ticked || words.every((w) => text.includes(w));
      item.hidden = !match;
      if (match) shown++;
    }
    status.textContent = words.length ? `Showing ${shown} of ${items.length}` : '';
  });
}

// A background job's page follows its progress without reloading: the same API the page was
// built from, asked every second; when the job finishes the page is loaded again to show the
// outcome. Screen readers hear the start and the end, not every step.
for (const panel of document.querySelectorAll('[data-job-poll]')) {
  const state = panel.getAttribute('data-job-state');
  if (state === 'succeeded' || state === 'failed') continue;
  const bar = panel.querySelector('progress');
  const text = panel.querySelector('[data-job-text]');
  const announce = panel.querySelector('[data-job-announce]');
  let last = state;
  const poll = async () => {
    try {
      const response = await fetch(panel.getAttribute('data-job-poll'), { headers: { accept: 'application/json' } });
      if (!response.ok) return setTimeout(poll, 3000);
      const job = await response.json();
      const { done, total, percent, message } = job.progress;
      if (bar) bar.value = percent;
      if (text && job.state === 'running')
        text.textContent = total
          ? `${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} (${percent}%)${message ? `: ${message}` : ''}`
          : (message ?? 'Starting.');
      if (job.state !== last && announce) announce.textContent = job.state === 'running' ? 'The job has started.' : '';
      last = job.state;
      if (job.state === 'succeeded' || job.state === 'failed') {
        if (announce) announce.textContent = job.state === 'succeeded' ? 'The job has finished.' : 'The job failed.';
        window.location.reload();
        return;
      }
      setTimeout(poll, 1000);
    } catch {
      setTimeout(poll, 3000);
    }
  };
  setTimeout(poll, 1000);
}
// A table too wide for a small screen scrolls sideways within its own box (see app.scss): that
// box joins the tab order while it scrolls, so the arrow keys can move it.
function keyboardScrollableTables() {
  for (const table of document.querySelectorAll('.govuk-table')) {
    const box = table.closest('.app-table-wrapper') ?? table;
    if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
    else box.removeAttribute('tabindex');
  }
}
keyboardScrollableTables();
window.addEventListener('resize', keyboardScrollableTables);
