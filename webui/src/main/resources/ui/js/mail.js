// The mail viewer: boxes on the left, the message list with search, the message or refusal on the right.
import { api, download, request } from './api.js';
import { h, clear, badge, time, size, banner, debounce } from './dom.js';
import { decisionCard } from './decision.js';

const KINDS = [
  ['user', 'Mailboxes'], ['shared', 'Shared'], ['resource', 'Resources'], ['system', 'System'], ['external', 'External capture'],
];
const HIGHLIGHTED = new Set(['from', 'sender', 'reply-to', 'return-path']);

export function mailHash(box, folder, id) {
  return '#/mail/' + [box, folder, id].filter(Boolean).map(encodeURIComponent).join('/');
}

export class MailView {
  constructor(app) {
    this.box = null;
    this.folder = 'INBOX';
    this.id = null;
    this.query = '';
    this.boxes = [];
    this.sidebar = h('nav', { class: 'boxes', 'aria-label': 'Mailboxes' });
    this.title = h('h2');
    this.folders = h('div', { class: 'folders' });
    this.actions = h('div', { class: 'list-actions' });
    this.search = h('input', {
      type: 'search', name: 'q', placeholder: 'Search: from: sender: to: subject: decision: or text',
      'aria-label': 'Search messages',
    });
    this.rows = h('ul', { class: 'rows' });
    this.reader = h('section', { class: 'reader', 'aria-label': 'Message' });
    const form = h('form', { class: 'search', role: 'search', onsubmit: e => { e.preventDefault(); this.runSearch(); } },
      this.search);
    this.search.addEventListener('input', debounce(() => this.runSearch(), 250));
    clear(app, h('div', { class: 'mail' },
      this.sidebar,
      h('section', { class: 'list' }, h('div', { class: 'list-head' }, this.title, this.actions), this.folders, form,
        this.rows),
      this.reader));
    this.refresh = debounce(() => { this.loadBoxes(); this.loadList(); });
  }

  show(arg) {
    const [box = 'all', folder, id] = (arg ?? '').split('/').filter(Boolean).map(decodeURIComponent);
    const spans = box === 'all' || box === 'refused';
    const f = spans ? '*' : (folder && folder !== '*' ? folder : 'INBOX');
    const changed = box !== this.box || f !== this.folder;
    this.box = box;
    this.folder = f;
    this.id = id ?? null;
    this.loadBoxes();
    if (changed) this.loadList();
    else this.markSelected();
    this.loadReader();
  }

  onEvent(type) {
    if (type === 'mail' || type === 'decision') this.refresh();
  }

  runSearch() {
    this.query = this.search.value.trim();
    this.loadList();
  }

  async loadBoxes() {
    try {
      const data = await api('/api/ui/mailboxes');
      this.boxes = data.boxes;
      this.renderBoxes(data);
    } catch (e) {
      clear(this.sidebar, banner('error', e.message));
    }
  }

  renderBoxes({ boxes, refused }) {
    const link = (box, label, unread, total, cls = '') => h('a', {
      class: `box ${cls} ${box === this.box ? 'active' : ''} ${unread ? 'unread' : ''}`,
      href: mailHash(box), dataset: { box },
    }, h('span', { class: 'box-name', text: label }),
    unread ? h('span', { class: 'count unread-count', title: `${unread} unread`, text: unread }) : null,
    h('span', { class: 'count total', title: `${total} messages`, text: total }));
    const all = boxes.reduce((n, b) => n + b.messages, 0);
    const parts = [link('all', 'All mail', 0, all)];
    for (const [kind, label] of KINDS) {
      const group = boxes.filter(b => b.kind === kind);
      if (!group.length) continue;
      parts.push(h('h3', { text: label }));
      for (const b of group) parts.push(link(b.address, b.displayName, b.unread, b.messages));
    }
    parts.push(h('h3', { text: 'Submissions' }), link('refused', 'Refused', 0, refused, 'refused-box'));
    clear(this.sidebar, parts);
    this.renderHead();
  }

  renderHead() {
    const box = this.boxes.find(b => b.address === this.box);
    if (this.box === 'all') this.title.textContent = 'All mail';
    else if (this.box === 'refused') this.title.textContent = 'Refused submissions';
    else this.title.textContent = box ? box.displayName : this.box;
    clear(this.folders, box ? box.folders.map(f => h('a', {
      class: `folder ${f.name === this.folder ? 'active' : ''}`, href: mailHash(this.box, f.name),
    }, f.name === 'INBOX' ? 'Inbox' : f.name, f.unread ? h('span', { class: 'count unread-count', text: f.unread }) : null)) : null);
    clear(this.actions, box ? h('button', { class: 'danger', type: 'button', onclick: () => this.purge(box) }, 'Purge') : null);
  }

  async purge(box) {
    if (!confirm(`Delete every message in every folder of ${box.displayName}?`)) return;
    await api(`/api/mailboxes/${encodeURIComponent(box.address)}/messages`, { method: 'DELETE' });
    this.refresh();
  }

  async loadList() {
    const params = new URLSearchParams();
    if (this.query) params.set('q', this.query);
    let path;
    if (this.box === 'refused') path = '/api/ui/refused';
    else if (this.box === 'all') path = '/api/ui/messages';
    else {
      params.set('box', this.box);
      params.set('folder', this.folder);
      path = '/api/ui/messages';
    }
    this.renderHead();
    try {
      const rows = await api(`${path}?${params}`);
      clear(this.rows, rows.length ? rows.map(r => this.row(r)) : h('li', { class: 'empty', text: this.query ? 'No message matches.' : 'No messages.' }));
      this.rows.dataset.loaded = String(Date.now());
      this.markSelected();
    } catch (e) {
      clear(this.rows, h('li', {}, banner('error', e.message)));
    }
  }

  /** The folder segment of the hash: '*' where the list spans folders (all mail, refused). */
  folderSegment() {
    return this.folder;
  }

  row(r) {
    const key = r.kind === 'refused' ? `refused:${r.id}` : r.id;
    return h('li', { class: `row ${r.seen ? '' : 'unread'} ${r.kind}`, dataset: { id: r.id, key, kind: r.kind } },
      h('a', { href: mailHash(this.box, this.folderSegment(), key) },
        h('div', { class: 'row-top' },
          h('span', { class: 'from', title: r.sender ? `From: ${r.from}\nSender: ${r.sender}` : r.from, text: r.fromDisplay }),
          h('time', { datetime: r.time, text: time(r.time) })),
        h('div', { class: 'row-bottom' },
          h('span', { class: 'subject', text: r.subject || '(no subject)' }), badge(r.outcome), lookAlikeBadge(r)),
        r.kind === 'refused' ? h('div', { class: 'row-reason', text: r.reason }) : null));
  }

  markSelected() {
    for (const li of this.rows.querySelectorAll('li.row')) {
      li.classList.toggle('selected', li.dataset.key === this.id);
    }
  }

  async loadReader() {
    if (!this.id) {
      clear(this.reader, h('div', { class: 'placeholder', text: 'Select a message to read it.' }));
      return;
    }
    try {
      if (this.id.startsWith('refused:')) {
        const record = await api(`/api/decisions/${encodeURIComponent(this.id.slice(8))}`);
        this.renderRefused(record);
      } else {
        const data = await api(`/api/ui/messages/${encodeURIComponent(this.id)}`);
        this.renderMessage(data);
        const li = this.rows.querySelector(`li.row[data-key="${CSS.escape(this.id)}"]`);
        if (li?.classList.contains('unread')) {
          li.classList.remove('unread');
          this.loadBoxes();
        }
      }
    } catch (e) {
      clear(this.reader, banner('error', e.message));
    }
  }

  renderRefused(record) {
    clear(this.reader, h('article', { class: 'message refused-record', dataset: { id: record.id } },
      h('h2', { class: 'subject', text: record.subject || '(no subject)' }),
      h('div', { class: 'meta' },
        h('div', {}, h('span', { class: 'label', text: 'From' }), record.headerFrom.join(', ') || record.mailFrom),
        record.headerSender ? h('div', {}, h('span', { class: 'label', text: 'Sender' }), record.headerSender) : null,
        h('div', {}, h('span', { class: 'label', text: 'To' }), record.rcptTo.join(', ')),
        h('div', {}, h('span', { class: 'label', text: 'Time' }), time(record.time, true))),
      banner('error', `Refused: ${record.reply}`, record.because),
      h('p', { class: 'note', text: 'A refused submission is not stored anywhere: only its decision record is kept.' }),
      decisionCard(record)));
  }

  renderMessage({ row, view, htmlUrl }) {
    const id = row.id;
    const tabs = [];
    if (htmlUrl) tabs.push(['html', 'HTML', () => h('iframe', {
      class: 'html-body', src: htmlUrl, sandbox: '', referrerpolicy: 'no-referrer', title: 'Message HTML (sandboxed)',
    })]);
    tabs.push(['text', 'Text', () => h('pre', { class: 'text-body', text: view.text ?? '(no text part)' })]);
    tabs.push(['headers', 'Headers', () => headerTable(view.headers)]);
    tabs.push(['raw', 'Raw', () => {
      const pre = h('pre', { class: 'raw', text: 'Loading…' });
      request(`/api/messages/${encodeURIComponent(id)}/raw`).then(r => r.text()).then(t => { pre.textContent = t; });
      return pre;
    }]);
    const pane = h('div', { class: 'tab-pane' });
    const tabBar = h('div', { class: 'tabs', role: 'tablist' }, tabs.map(([key, label, render]) => h('button', {
      type: 'button', role: 'tab', dataset: { tab: key },
      onclick: e => {
        for (const b of tabBar.children) b.setAttribute('aria-selected', String(b === e.currentTarget));
        clear(pane, render());
      },
    }, label)));
    tabBar.firstChild.setAttribute('aria-selected', 'true');
    clear(pane, tabs[0][2]());
    const attachments = view.attachments.length ? h('ul', { class: 'attachments' }, view.attachments.map(a => h('li', {},
      h('button', {
        type: 'button', class: 'link',
        onclick: () => download(`/api/messages/${encodeURIComponent(id)}/attachments/${a.index}`, a.filename),
      }, a.filename), h('span', { class: 'muted', text: ` ${a.contentType}, ${size(a.size)}` })))) : null;
    const header = name => view.headers.find(x => x.name.toLowerCase() === name)?.value;
    clear(this.reader, h('article', { class: 'message', dataset: { id } },
      h('div', { class: 'message-head' },
        h('h2', { class: 'subject', text: row.subject || '(no subject)' }),
        h('button', { type: 'button', class: 'danger', onclick: () => this.remove(id) }, 'Delete')),
      h('div', { class: 'meta' },
        h('div', { class: 'from-line' }, h('span', { class: 'label', text: 'From' }),
          h('strong', { class: 'from-display', text: row.fromDisplay }), ' ', badge(row.outcome), lookAlikeBadge(row)),
        h('div', {}, h('span', { class: 'label', text: 'Addresses' }), h('span', { class: 'muted', text: [
          `From: ${row.from}`, row.sender ? `Sender: ${row.sender}` : null, header('reply-to') ? `Reply-To: ${header('reply-to')}` : null,
        ].filter(Boolean).join(' · ') })),
        h('div', {}, h('span', { class: 'label', text: 'To' }), row.to.join(', ')),
        h('div', {}, h('span', { class: 'label', text: 'Date' }), time(row.time, true),
          h('span', { class: 'muted', text: ` · ${row.folder} · ${size(row.size)}` }))),
      view.decision ? decisionCard(view.decision) : h('p', { class: 'note', text: 'No decision record (the log was cleared or this copy predates it).' }),
      attachments, tabBar, pane));
  }

  async remove(id) {
    await api(`/api/messages/${encodeURIComponent(id)}`, { method: 'DELETE' });
    location.hash = mailHash(this.box, this.folderSegment());
    this.refresh();
  }
}

/** A display name that reads as another address: the row shows the real address, and says so. */
function lookAlikeBadge(r) {
  if (!r.lookAlikes || !r.lookAlikes.length) return null;
  return h('span', {
    class: 'badge badge-lookalike',
    title: `The display name looks like an address that is not the sender's: ${r.lookAlikes.join('; ')}`,
    text: 'look-alike name',
  });
}

function headerTable(headers) {
  return h('table', { class: 'headers' }, h('tbody', {}, headers.map(x => h('tr', {
    class: HIGHLIGHTED.has(x.name.toLowerCase()) ? 'hl' : '',
  }, h('th', { text: x.name }), h('td', { text: x.value })))));
}
