// Boots the single page: hash routes to views, and live events to the view on screen.
import { follow } from './api.js';
import { MailView } from './mail.js';
import { RecipientsView, DelegationView } from './admin.js';
import { ExplainView, MatrixView } from './explain.js';

const app = document.getElementById('app');
const liveBadge = document.getElementById('live');

const routes = [
  [/^#\/mail(?:\/(.*))?$/, 'mail', MailView],
  [/^#\/admin\/recipients(?:\/(\w+))?$/, 'admin', RecipientsView],
  [/^#\/admin\/delegation\/([\w-]+)$/, 'admin', DelegationView],
  [/^#\/admin\/explain(?:\?(.*))?$/, 'explain', ExplainView],
  [/^#\/admin\/matrix(?:\/([\w-]+))?$/, 'matrix', MatrixView],
];

let view = null;

function route() {
  const hash = location.hash || '#/mail';
  for (const [pattern, nav, View] of routes) {
    const match = hash.match(pattern);
    if (!match) continue;
    const arg = match[1];
    // A view stays mounted while the hash only moves inside it (the mail view's selection).
    if (!(view instanceof View)) {
      view = new View(app);
    }
    view.show(arg);
    for (const a of document.querySelectorAll('[data-nav]')) {
      a.classList.toggle('active', a.dataset.nav === nav);
    }
    return;
  }
  location.hash = '#/mail';
}

window.addEventListener('hashchange', route);
route();

follow((type, data) => view?.onEvent?.(type, data), state => {
  liveBadge.dataset.state = state;
  liveBadge.textContent = state;
});
