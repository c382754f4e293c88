// The EAC's "select delegates" dialog: a searchable list of users and groups; Add moves the
// selection down, OK returns it. Recipients the EAC doesn't allow are shown only on request, greyed,
// with the reason.
import { api } from './api.js';
import { h, clear, banner } from './dom.js';

/** Opens the picker for right on target; resolves to the chosen recipients ([] when cancelled). */
export function pickDelegates(target, right, label) {
  return new Promise(resolve => {
    let candidates = [];
    const chosen = new Map();
    let selected = new Set();
    const list = h('ul', { class: 'pick-list', role: 'listbox', 'aria-multiselectable': 'true' });
    const chosenBox = h('div', { class: 'chips' });
    const query = h('input', { type: 'search', name: 'q', placeholder: 'Search by name or address', 'aria-label': 'Search' });
    const showAll = h('input', { type: 'checkbox', name: 'all' });
    const status = h('div');

    const render = () => {
      const shown = candidates.filter(c => c.allowed || showAll.checked);
      clear(list, shown.length ? shown.map(c => h('li', {
        class: `pick ${c.allowed ? '' : 'disabled'} ${selected.has(c.recipient.id) ? 'selected' : ''}`,
        role: 'option', 'aria-selected': String(selected.has(c.recipient.id)), 'aria-disabled': String(!c.allowed),
        dataset: { id: c.recipient.id },
        onclick: e => toggle(c, e.ctrlKey || e.metaKey),
        ondblclick: () => { if (c.allowed) { selected = new Set([c.recipient.id]); add(); } },
      }, h('span', { class: 'name', text: c.recipient.displayName }),
      h('span', { class: 'muted', text: ` ${c.recipient.type}${c.recipient.address ? ' · ' + c.recipient.address : ''}` }),
      c.refusal ? h('div', { class: 'refusal', text: c.refusal }) : null)) : h('li', { class: 'empty', text: 'Nobody matches.' }));
      clear(chosenBox, chosen.size ? [...chosen.values()].map(r => h('span', { class: 'chip', dataset: { id: r.id } },
        r.displayName, h('button', { type: 'button', 'aria-label': `Remove ${r.displayName}`, onclick: () => { chosen.delete(r.id); render(); } }, '×')))
        : h('span', { class: 'muted', text: 'Nobody selected yet.' }));
    };
    const toggle = (c, multi) => {
      if (!c.allowed) return;
      if (!multi) selected = new Set();
      if (selected.has(c.recipient.id)) selected.delete(c.recipient.id);
      else selected.add(c.recipient.id);
      render();
    };
    const add = () => {
      for (const c of candidates) if (selected.has(c.recipient.id)) chosen.set(c.recipient.id, c.recipient);
      selected = new Set();
      render();
    };
    const search = async () => {
      try {
        const q = encodeURIComponent(query.value.trim());
        candidates = await api(`/api/admin/recipients/${target}/trustees?right=${right}&q=${q}`);
        clear(status);
        render();
      } catch (e) {
        clear(status, banner('error', e.message));
      }
    };
    const dialog = h('dialog', { class: 'picker', 'aria-label': `Select ${label} delegates` },
      h('h2', { text: `Select ${label} delegates` }),
      h('form', { class: 'picker-search', onsubmit: e => { e.preventDefault(); search(); } },
        query, h('button', { type: 'submit' }, 'Search')),
      h('label', { class: 'check' }, showAll, ' Show recipients the EAC doesn\'t allow for this permission'),
      status, list,
      h('div', { class: 'picker-add' }, h('button', { type: 'button', class: 'add-selected', onclick: add }, 'Add ->'), chosenBox),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'primary ok', onclick: () => close([...chosen.values()]) }, 'OK'),
        h('button', { type: 'button', onclick: () => close([]) }, 'Cancel')));
    const close = result => { dialog.close(); dialog.remove(); resolve(result); };
    dialog.addEventListener('cancel', e => { e.preventDefault(); close([]); });
    showAll.addEventListener('change', render);
    document.body.append(dialog);
    dialog.showModal();
    search();
    query.focus();
  });
}
