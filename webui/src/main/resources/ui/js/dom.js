// Tiny DOM builder: every text goes in through textContent or text nodes, never parsed as markup.

/** h('a', {href, class, onclick}, child, ...) → element. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

/** Replaces the children of el. */
export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const OUTCOMES = {
  Self: ['self', 'Self'],
  SendAs: ['sendas', 'Send As'],
  SendOnBehalf: ['onbehalf', 'On behalf'],
  Denied: ['refused', 'Refused'],
  Rejected: ['refused', 'Refused'],
};

/** The decision badge of a message or record. */
export function badge(outcome) {
  if (!outcome) return null;
  const [cls, label] = OUTCOMES[outcome] ?? ['unknown', outcome];
  return h('span', { class: `badge badge-${cls}`, title: outcome, text: label });
}

export function time(iso, long = false) {
  if (!iso) return '';
  const d = new Date(iso);
  const today = new Date().toDateString() === d.toDateString();
  if (long) return d.toLocaleString();
  return today ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : d.toLocaleDateString();
}

export function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A banner for errors and results; kind is 'error', 'warning' or 'ok'. */
export function banner(kind, ...lines) {
  return h('div', { class: `banner banner-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    lines.flat().map(l => h('p', { text: l })));
}

/** Runs fn at most once per animation-free tick burst (coalesces live events). */
export function debounce(fn, ms = 120) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
