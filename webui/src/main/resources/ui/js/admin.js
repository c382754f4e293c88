// The admin pages (EAC-class): Recipients tabs with selection and bulk edit, and the Mailbox /
// Group delegation page. Every Save is one POST /api/admin/delegation, applied as one change set.
import { api } from './api.js';
import { h, clear, banner } from './dom.js';
import { pickDelegates } from './picker.js';

const TABS = [['mailboxes', 'Mailboxes'], ['resources', 'Resources'], ['shared', 'Shared'], ['groups', 'Groups'], ['all', 'All mailboxes']];
const RIGHTS = [['SendAs', 'Send As'], ['SendOnBehalf', 'Send on Behalf'], ['FullAccess', 'Full Access']];
const TYPE_LABELS = {
  UserMailbox: 'User mailbox', LinkedMailbox: 'Linked mailbox', RoomMailbox: 'Room mailbox',
  EquipmentMailbox: 'Equipment mailbox', SharedMailbox: 'Shared mailbox',
  MailUniversalDistributionGroup: 'Distribution group', MailUniversalSecurityGroup: 'Security group',
  DynamicDistributionGroup: 'Dynamic distribution group',
};

/** Which rights the EAC offers on a recipient type (spec §3, EAC column). */
function offered(type) {
  if (type === 'SharedMailbox') return ['SendAs', 'FullAccess'];
  if (type.includes('Group')) return ['SendAs', 'SendOnBehalf'];
  return ['SendAs', 'SendOnBehalf', 'FullAccess'];
}

function describe(right, group) {
  const what = group ? 'group' : 'mailbox';
  return {
    SendAs: `Messages sent by a delegate appear to come from the ${what}.`,
    SendOnBehalf: `Messages sent by a delegate have "<Delegate> on behalf of <${group ? 'Group' : 'Mailbox'}>" in the From address.`,
    FullAccess: 'The delegate can open the mailbox and do anything except send messages.',
  }[right];
}

export class RecipientsView {
  constructor(app) {
    this.app = app;
    this.tab = null;
    this.rows = [];
    this.selected = new Set();
    this.anchor = null;
    this.query = h('input', { type: 'search', name: 'q', placeholder: 'Search', 'aria-label': 'Search recipients' });
    this.tabBar = h('nav', { class: 'tabs eac-tabs' });
    this.body = h('tbody');
    this.details = h('aside', { class: 'details', 'aria-label': 'Details' });
    clear(app, h('div', { class: 'admin' },
      h('h1', { text: 'Recipients' }), this.tabBar,
      h('div', { class: 'admin-body' },
        h('section', { class: 'recipients' },
          h('form', { class: 'toolbar', role: 'search', onsubmit: e => { e.preventDefault(); this.load(); } },
            h('button', { type: 'button', class: 'edit', onclick: () => this.edit() }, '✎ Edit'), this.query,
            h('button', { type: 'submit' }, 'Search')),
          h('table', { class: 'grid' },
            h('thead', {}, h('tr', {}, h('th', { text: 'Display name' }), h('th', { text: 'Type' }), h('th', { text: 'Email address' }))),
            this.body),
          h('p', { class: 'hint', text: 'Click to select; Shift+click selects a range, Ctrl+click adds or removes one.' })),
        this.details)));
  }

  show(tab = 'mailboxes') {
    if (tab !== this.tab) {
      this.tab = tab;
      this.selected.clear();
      this.anchor = null;
      this.query.value = '';
    }
    clear(this.tabBar, TABS.map(([key, label]) => h('a', {
      href: `#/admin/recipients/${key}`, class: key === tab ? 'active' : '', dataset: { tab: key },
    }, label)));
    this.load();
  }

  onEvent(type) {
    if (type === 'directory') this.load();
  }

  async load() {
    try {
      const q = encodeURIComponent(this.query.value.trim());
      this.rows = await api(`/api/admin/recipients?tab=${this.tab}&q=${q}`);
      const ids = new Set(this.rows.map(r => r.id));
      this.selected = new Set([...this.selected].filter(id => ids.has(id)));
      this.render();
    } catch (e) {
      clear(this.body, h('tr', {}, h('td', { colspan: 3 }, banner('error', e.message))));
    }
  }

  render() {
    clear(this.body, this.rows.map((r, i) => h('tr', {
      class: this.selected.has(r.id) ? 'selected' : '', dataset: { id: r.id, type: r.type },
      'aria-selected': String(this.selected.has(r.id)),
      onmousedown: e => { if (e.shiftKey) e.preventDefault(); },
      onclick: e => this.select(i, e),
      ondblclick: () => { location.hash = `#/admin/delegation/${r.id}`; },
    }, h('td', { text: r.displayName }), h('td', { text: TYPE_LABELS[r.type] ?? r.type }), h('td', { text: r.address ?? '' }))));
    if (!this.rows.length) clear(this.body, h('tr', {}, h('td', { colspan: 3, class: 'empty', text: 'Nothing here.' })));
    this.renderDetails();
  }

  /** Click selects one, Ctrl/⌘+click toggles one, Shift+click selects the range from the last click. */
  select(index, event) {
    const id = this.rows[index].id;
    if (event.shiftKey && this.anchor !== null) {
      const [from, to] = [Math.min(this.anchor, index), Math.max(this.anchor, index)];
      if (!(event.ctrlKey || event.metaKey)) this.selected.clear();
      for (let i = from; i <= to; i++) this.selected.add(this.rows[i].id);
    } else if (event.ctrlKey || event.metaKey) {
      if (this.selected.has(id)) this.selected.delete(id);
      else this.selected.add(id);
      this.anchor = index;
    } else {
      this.selected = new Set([id]);
      this.anchor = index;
    }
    this.render();
  }

  edit() {
    if (this.selected.size === 1) location.hash = `#/admin/delegation/${[...this.selected][0]}`;
  }

  renderDetails() {
    const chosen = this.rows.filter(r => this.selected.has(r.id));
    if (!chosen.length) {
      clear(this.details, h('p', { class: 'muted', text: 'Select a recipient to see its details.' }));
      return;
    }
    if (chosen.length === 1) {
      const r = chosen[0];
      const group = r.type.includes('Group');
      clear(this.details, h('h2', { text: r.displayName }),
        h('dl', { class: 'props' }, h('dt', { text: 'Type' }), h('dd', { text: TYPE_LABELS[r.type] ?? r.type }),
          h('dt', { text: 'Email address' }), h('dd', { text: r.address ?? '—' }),
          h('dt', { text: 'Alias' }), h('dd', { text: r.alias })),
        h('div', { class: 'buttons vertical' },
          h('a', { class: 'button primary', href: `#/admin/delegation/${r.id}` }, group ? 'Group delegation' : 'Mailbox delegation'),
          h('a', { class: 'button', href: `#/admin/matrix/${r.id}` }, 'Who can do what')));
      return;
    }
    const types = [...new Set(chosen.map(r => r.type))].sort();
    const mixed = types.length > 1;
    const page = chosen[0].type.includes('Group') ? 'Group delegation' : 'Mailbox delegation';
    clear(this.details, h('h2', { class: 'bulk-title', text: 'Bulk Edit' }),
      h('p', { text: `${chosen.length} selected` }),
      h('ul', { class: 'bulk-list' }, chosen.map(r => h('li', { text: r.displayName }))),
      mixed ? h('div', { class: 'banner banner-warning bulk-warning', role: 'alert' },
        h('p', { text: `Bulk edit won't work: the selected mailboxes must all be of the same type, and these are ${types.join(' and ')}. Select mailboxes of one type.` })) : null,
      h('details', { class: 'more', open: true }, h('summary', { text: 'More options' }),
        h('div', { class: 'bulk-actions' }, h('span', { text: page }),
          h('button', { type: 'button', class: 'bulk-add', disabled: mixed, onclick: () => this.bulk(chosen, 'add') }, 'Add'),
          h('button', { type: 'button', class: 'bulk-remove', disabled: mixed, onclick: () => this.bulk(chosen, 'remove') }, 'Remove'))));
  }

  async bulk(chosen, mode) {
    const result = await bulkDialog(chosen, mode);
    if (result) this.load();
  }
}

/** The "Bulk Add Delegation" / "Bulk Remove Delegation" dialog; resolves true after a Save. */
function bulkDialog(chosen, mode) {
  return new Promise(resolve => {
    const type = chosen[0].type;
    const picks = new Map(offered(type).map(r => [r, new Map()]));
    const lists = new Map();
    const status = h('div', { class: 'status' });
    const sections = offered(type).map(right => {
      const label = RIGHTS.find(([k]) => k === right)[1];
      const list = h('ul', { class: 'delegates' });
      lists.set(right, list);
      return h('section', { class: 'right', dataset: { right } },
        h('h3', { text: label }),
        h('button', { type: 'button', class: 'add', onclick: async () => {
          for (const r of await pickDelegates(chosen[0].id, right, label)) picks.get(right).set(r.id, r);
          draw();
        } }, '+ Add'), list);
    });
    const draw = () => {
      for (const [right, list] of lists) {
        const entries = [...picks.get(right).values()];
        clear(list, entries.length ? entries.map(r => h('li', { dataset: { id: r.id } }, r.displayName,
          h('button', { type: 'button', class: 'link', onclick: () => { picks.get(right).delete(r.id); draw(); } }, 'remove from list')))
          : h('li', { class: 'muted', text: 'None' }));
      }
    };
    const title = mode === 'add' ? 'Bulk Add Delegation' : 'Bulk Remove Delegation';
    const dialog = h('dialog', { class: 'bulk-dialog', 'aria-label': title },
      h('h2', { text: title }),
      h('p', { class: 'muted', text: `${mode === 'add' ? 'Add delegates to' : 'Remove delegates from'} ${chosen.map(r => r.displayName).join(', ')}.` }),
      sections, status,
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'primary save', onclick: save }, 'Save'),
        h('button', { type: 'button', class: 'close', onclick: () => done(false) }, 'Cancel')));
    let saved = false;
    async function save() {
      const edit = { targets: chosen.map(r => r.id), add: {}, remove: {} };
      for (const [right, map] of picks) edit[mode][right] = [...map.keys()];
      try {
        const res = await api('/api/admin/delegation', { method: 'POST', json: edit });
        saved = true;
        clear(status, banner('ok', res.done.length ? res.done : ['Nothing changed.']), res.warnings.length ? banner('warning', res.warnings) : null);
        for (const map of picks.values()) map.clear();
        draw();
      } catch (e) {
        clear(status, banner('error', e.body?.refusals ?? [e.message]));
      }
    }
    const done = value => { dialog.close(); dialog.remove(); resolve(value || saved); };
    dialog.addEventListener('cancel', e => { e.preventDefault(); done(false); });
    draw();
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** The Mailbox delegation / Group delegation page: lists with Add and Remove, then Save. */
export class DelegationView {
  constructor(app) {
    this.app = app;
    this.id = null;
    this.data = null;
    this.status = h('div', { class: 'status' });
  }

  show(id) {
    this.id = id;
    clear(this.status);
    this.load();
  }

  onEvent(type) {
    if (type === 'directory' && !this.dirty()) this.load(false);
  }

  dirty() {
    return this.pending && [...this.pending.values()].some(p => p.add.size || p.remove.size);
  }

  async load(resetStatus = true) {
    try {
      this.data = await api(`/api/admin/recipients/${this.id}/delegation`);
      this.pending = new Map(this.data.sections.map(s => [s.right, { add: new Map(), remove: new Set(), selected: null }]));
      if (resetStatus) clear(this.status);
      this.render();
    } catch (e) {
      clear(this.app, banner('error', e.message));
    }
  }

  render() {
    const { recipient: r, page, sections } = this.data;
    const group = r.type.includes('Group');
    const back = group ? 'groups' : ({ SharedMailbox: 'shared', RoomMailbox: 'resources', EquipmentMailbox: 'resources' }[r.type] ?? 'mailboxes');
    clear(this.app, h('div', { class: 'delegation-page', dataset: { id: r.id } },
      h('a', { class: 'back', href: `#/admin/recipients/${back}` }, '‹ Recipients'),
      h('header', {}, h('h1', { text: r.displayName }),
        h('p', { class: 'muted', text: `${TYPE_LABELS[r.type] ?? r.type} · ${r.address ?? ''}` })),
      h('div', { class: 'property-page' },
        h('nav', { class: 'property-nav' }, h('span', { class: 'active', text: page }),
          h('a', { href: `#/admin/matrix/${r.id}` }, 'Who can do what')),
        h('div', { class: 'property-body' },
          h('h2', { text: page }),
          sections.map(s => this.section(s, group)),
          this.status,
          h('div', { class: 'buttons' },
            h('button', { type: 'button', class: 'primary save', onclick: () => this.save() }, 'Save'),
            h('button', { type: 'button', class: 'cancel', onclick: () => this.load() }, 'Cancel'))))));
  }

  section(s, group) {
    const p = this.pending.get(s.right);
    if (!s.offered) {
      return h('section', { class: 'right not-offered', dataset: { right: s.right } },
        h('h3', { text: s.label }), h('p', { class: 'muted', text: s.note }),
        s.delegates.length ? h('ul', { class: 'delegates readonly' }, s.delegates.map(d => h('li', { text: d.recipient.displayName }))) : null);
    }
    const items = [
      ...s.delegates.map(d => ({ r: d.recipient, control: d.control, pending: p.remove.has(d.recipient.id) ? 'remove' : null })),
      ...[...p.add.values()].map(r => ({ r, control: 'Allow', pending: 'add' })),
    ];
    return h('section', { class: 'right', dataset: { right: s.right } },
      h('h3', { text: s.label }),
      h('p', { class: 'muted', text: describe(s.right, group) }),
      h('div', { class: 'list-toolbar' },
        h('button', { type: 'button', class: 'add', title: `Add ${s.label} delegates`, onclick: () => this.add(s) }, '+ Add'),
        h('button', { type: 'button', class: 'remove', title: 'Remove the selected delegate', disabled: !p.selected, onclick: () => this.remove(s) }, '− Remove')),
      h('ul', { class: 'delegates', role: 'listbox' }, items.length ? items.map(({ r, control, pending }) => h('li', {
        class: [pending ? `pending-${pending}` : '', p.selected === r.id ? 'selected' : '', control === 'Deny' ? 'deny' : ''].join(' '),
        role: 'option', dataset: { id: r.id },
        onclick: () => { p.selected = p.selected === r.id ? null : r.id; this.render(); },
      }, h('span', { text: r.displayName }), control === 'Deny' ? h('span', { class: 'tag', text: 'Deny' }) : null,
      pending ? h('span', { class: 'tag', text: pending === 'add' ? 'to add' : 'to remove' }) : null))
        : h('li', { class: 'muted empty', text: 'No delegates.' })));
  }

  async add(s) {
    const picked = await pickDelegates(this.id, s.right, s.label);
    const p = this.pending.get(s.right);
    for (const r of picked) {
      if (p.remove.has(r.id)) p.remove.delete(r.id);
      else if (!s.delegates.some(d => d.recipient.id === r.id && d.control === 'Allow')) p.add.set(r.id, r);
    }
    this.render();
  }

  remove(s) {
    const p = this.pending.get(s.right);
    if (!p.selected) return;
    if (p.add.has(p.selected)) p.add.delete(p.selected);
    else p.remove.add(p.selected);
    p.selected = null;
    this.render();
  }

  async save() {
    const edit = { targets: [this.id], add: {}, remove: {} };
    for (const [right, p] of this.pending) {
      if (p.add.size) edit.add[right] = [...p.add.keys()];
      if (p.remove.size) edit.remove[right] = [...p.remove];
    }
    try {
      const res = await api('/api/admin/delegation', { method: 'POST', json: edit });
      await this.load();
      clear(this.status, banner('ok', res.done.length ? ['Saved.', ...res.done] : ['Nothing to save.']),
        res.warnings.length ? banner('warning', res.warnings) : null);
    } catch (e) {
      clear(this.status, banner('error', e.body?.refusals ?? [e.message]));
    }
  }
}
