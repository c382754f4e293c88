// Explain (what would the policy decide, and why, without sending) and the delegation matrix.
import { api } from './api.js';
import { h, clear, badge, banner } from './dom.js';

const OUTCOME_TEXT = {
  Self: 'accepted: the From address is the account\'s own',
  SendAs: 'accepted as Send As: From unchanged, no Sender',
  SendOnBehalf: 'accepted as Send on Behalf: Sender is stamped with the delegate',
  Denied: 'refused: nothing is delivered',
  Rejected: 'refused, whatever the rights: the header fields are not as RFC 5322 needs them; nothing is delivered',
};

async function datalists() {
  const [accounts, all] = await Promise.all([api('/api/admin/recipients?tab=accounts'), api('/api/admin/recipients?tab=any')]);
  return [
    h('datalist', { id: 'accounts' }, accounts.map(a => h('option', { value: a.login, label: `${a.displayName} (${a.type})` }))),
    h('datalist', { id: 'addresses' }, all.filter(r => r.address).map(r => h('option', { value: r.address, label: `${r.displayName} (${r.type})` }))),
  ];
}

export class ExplainView {
  constructor(app) {
    this.account = h('input', { name: 'account', list: 'accounts', required: true, placeholder: 'hollyh@contoso.com', autocomplete: 'off' });
    this.from = h('input', { name: 'from', list: 'addresses', required: true, placeholder: 'seanc@contoso.com', autocomplete: 'off' });
    this.sender = h('input', { name: 'sender', list: 'addresses', placeholder: 'optional', autocomplete: 'off' });
    this.result = h('div', { class: 'explain-result', 'aria-live': 'polite' });
    this.lists = h('div');
    clear(app, h('div', { class: 'explain-page' },
      h('h1', { text: 'Explain a submission' }),
      h('p', { class: 'muted', text: 'Pick the account that signs in and the From address it would use: see the decision, the grant behind it and the SMTP reply, without sending anything.' }),
      h('form', { class: 'explain-form', onsubmit: e => { e.preventDefault(); this.go(); } },
        h('label', {}, h('span', { text: 'Account (signs in)' }), this.account),
        h('label', {}, h('span', { text: 'From' }), this.from),
        h('label', {}, h('span', { text: 'Sender' }), this.sender),
        h('button', { type: 'submit', class: 'primary' }, 'Explain')),
      this.lists, this.result));
    datalists().then(l => clear(this.lists, l)).catch(() => {});
  }

  show(query) {
    const params = new URLSearchParams(query ?? '');
    if (params.has('account')) this.account.value = params.get('account');
    if (params.has('from')) this.from.value = params.get('from');
    if (params.has('sender')) this.sender.value = params.get('sender');
    if (this.account.value && this.from.value) this.run();
  }

  onEvent(type) {
    if (type === 'directory' && this.account.value && this.from.value) this.run();
  }

  go() {
    const params = new URLSearchParams({ account: this.account.value.trim(), from: this.from.value.trim() });
    if (this.sender.value.trim()) params.set('sender', this.sender.value.trim());
    const hash = `#/admin/explain?${params}`;
    if (location.hash === hash) this.run();
    else location.hash = hash;
  }

  async run() {
    const params = new URLSearchParams({ account: this.account.value.trim(), from: this.from.value.trim() });
    if (this.sender.value.trim()) params.set('sender', this.sender.value.trim());
    try {
      const x = await api(`/api/admin/explain?${params}`);
      clear(this.result, h('section', { class: `explanation outcome-${x.outcome}`, dataset: { outcome: x.outcome } },
        h('h2', {}, badge(x.outcome), ' ', h('span', { text: `${x.account.displayName} → ${x.from.join(', ')}: ${OUTCOME_TEXT[x.outcome]}` })),
        h('ul', { class: 'verdicts' }, x.verdicts.map(v => h('li', {},
          badge(v.outcome), ' ', h('strong', { text: v.from }), ': ', h('span', { class: 'because', text: v.text }),
          v.trustee ? h('div', { class: 'muted', text: `Trustee: ${v.trustee}${v.viaGroups.length ? ` · via ${v.viaGroups.join(' › ')}` : ' · direct grant'}` }) : null))),
        h('dl', { class: 'props' },
          x.detail ? [h('dt', { text: 'Why' }), h('dd', { class: 'detail', text: x.detail })] : null,
          x.fromDisplay ? [h('dt', { text: 'Clients show' }), h('dd', { class: 'client-view', text: x.fromDisplay })] : null,
          h('dt', { text: 'Sender header' }), h('dd', { text: x.deliveredSender ?? (x.outcome === 'Denied' ? '—' : 'none (removed if the client sent one)') }),
          h('dt', { text: `${x.account.displayName}'s groups` }), h('dd', { text: x.memberOf.length ? x.memberOf.join('; ') : 'none' }),
          h('dt', { text: 'Directory version' }), h('dd', { text: String(x.directoryVersion) })),
        h('table', { class: 'replies' }, h('thead', {}, h('tr', {}, h('th', { text: 'Dialect' }), h('th', { text: 'Reply at end of DATA' }))),
          h('tbody', {}, x.replies.map(r => h('tr', { class: r.serverDialect ? 'current' : '' },
            h('td', { text: r.dialect + (r.serverDialect ? ' (this server)' : '') }), h('td', {}, h('code', { text: r.reply }))))))));
    } catch (e) {
      clear(this.result, banner('error', e.message));
    }
  }
}

export class MatrixView {
  constructor(app) {
    this.app = app;
    this.id = null;
    this.target = h('select', { name: 'target', 'aria-label': 'Mailbox or group', onchange: () => { location.hash = `#/admin/matrix/${this.target.value}`; } });
    this.all = h('input', { type: 'checkbox', name: 'all', onchange: () => this.load() });
    this.result = h('div', { class: 'matrix-result' });
    clear(app, h('div', { class: 'matrix-page' },
      h('h1', { text: 'Who can do what' }),
      h('div', { class: 'toolbar' }, this.target, h('label', { class: 'check' }, this.all, ' Show every account')),
      this.result));
    this.options = this.fillTargets();
  }

  async fillTargets() {
    const all = await api('/api/admin/recipients?tab=any');
    const targets = all.filter(r => r.tab);
    clear(this.target, h('option', { value: '', text: 'Choose a mailbox or group…' }), targets.map(r => h('option', {
      value: r.id, text: `${r.displayName} (${r.type})`,
    })));
  }

  async show(id) {
    this.id = id ?? null;
    await this.options;
    this.target.value = this.id ?? '';
    this.load();
  }

  onEvent(type) {
    if (type === 'directory') this.load();
  }

  async load() {
    if (!this.id) {
      clear(this.result, h('p', { class: 'muted', text: 'Choose a mailbox or group to see every grant on it and what each account may do.' }));
      return;
    }
    try {
      const m = await api(`/api/admin/recipients/${this.id}/matrix?all=${this.all.checked}`);
      const cell = v => h('td', { class: v ? (v.startsWith('Deny') ? 'deny' : 'yes') : 'no', text: v ?? '—' });
      clear(this.result,
        h('h2', { text: `${m.target.displayName} · ${m.target.type}` }),
        h('h3', { text: 'Grants set on it' }),
        m.entries.length ? h('table', { class: 'grid entries' },
          h('thead', {}, h('tr', {}, ['Right', 'Trustee', 'Trustee type', 'Control'].map(t => h('th', { text: t })))),
          h('tbody', {}, m.entries.map(e => h('tr', {}, h('td', { text: e.right }), h('td', { text: e.trustee.displayName }),
            h('td', { text: e.trustee.type }), h('td', { text: e.control })))))
          : h('p', { class: 'muted', text: 'No grants.' }),
        h('h3', { text: this.all.checked ? 'Every account' : 'Accounts holding a right' }),
        h('table', { class: 'grid matrix' },
          h('thead', {}, h('tr', {}, ['Account', 'Send As', 'Send on Behalf', 'Full Access', 'Sending From it', ''].map(t => h('th', { text: t })))),
          h('tbody', {}, m.rows.length ? m.rows.map(r => h('tr', { dataset: { id: r.account.id } },
            h('td', { text: r.account.displayName }), cell(r.sendAs), cell(r.sendOnBehalf), cell(r.fullAccess),
            h('td', { class: 'decision-cell', title: r.because }, badge(r.decision), h('div', { class: 'muted small', text: r.because })),
            h('td', {}, m.target.address ? h('a', {
              href: `#/admin/explain?${new URLSearchParams({ account: r.account.login, from: m.target.address })}`,
            }, 'Explain') : null)))
            : h('tr', {}, h('td', { colspan: 6, class: 'empty', text: 'Nobody holds a right here.' })))));
    } catch (e) {
      clear(this.result, banner('error', e.message));
    }
  }
}
