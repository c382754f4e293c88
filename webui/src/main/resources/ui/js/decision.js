// The decision record of a submission (spec §7), as a card: who, which grant, via which group, the reply.
import { h, badge, time } from './dom.js';

const REASONS = {
  OWN_ADDRESS: 'own address', SEND_AS: 'Send As grant', SEND_ON_BEHALF: 'Send on Behalf grant',
  UNKNOWN_FROM: 'unknown From', HIDDEN_FROM: 'hidden From', EXPLICIT_DENY: 'Deny entry',
  FULL_ACCESS_ONLY: 'Full Access only', NO_RIGHT: 'no right', ACCOUNT_GONE: 'account gone',
};

// Where the message came in: SMTP submission, or Graph's sendMail (same pipeline, same policy).
const SURFACES = { SMTP: 'SMTP submission', Graph: 'Microsoft Graph sendMail' };

export function decisionCard(d) {
  const graph = d.surface === 'Graph';
  const row = (label, ...value) => h('div', { class: 'kv' }, h('dt', { text: label }), h('dd', {}, ...value));
  return h('section', { class: `decision decision-${d.accepted === false || !d.reply.startsWith('2') ? 'refused' : 'accepted'}`, 'aria-label': 'Decision record' },
    h('h3', {}, 'Decision record ', badge(d.outcome), d.grants.length ? h('a', {
      class: 'explain-link', href: `#/admin/explain?${new URLSearchParams({ account: d.login, from: d.grants.map(g => g.from).join(', ') })}`,
      title: 'Ask the policy again, with the directory as it is now',
    }, 'Explain with today\'s grants') : null),
    h('dl', {},
      row('Authenticated', h('strong', { text: d.account }), ` <${d.accountAddress}>`, h('span', { class: 'muted', text: ` signed in as ${d.login}` })),
      row('Surface', h('span', { class: `surface surface-${(d.surface ?? 'SMTP').toLowerCase()}`, text: SURFACES[d.surface] ?? d.surface ?? 'SMTP submission' })),
      row('Why', h('ul', { class: 'because' }, d.because.map(b => h('li', { text: b })))),
      d.grants.length ? row('Grant', h('table', { class: 'grants' },
        h('thead', {}, h('tr', {}, ['From', 'Outcome', 'Rule', 'Target', 'Trustee', 'Via groups'].map(t => h('th', { text: t })))),
        h('tbody', {}, d.grants.map(g => h('tr', {},
          h('td', { text: g.from }), h('td', {}, badge(g.outcome)), h('td', { text: REASONS[g.reason] ?? g.reason }),
          h('td', { text: g.target ?? '' }), h('td', { text: g.trustee ?? '' }),
          h('td', { class: 'via', text: g.viaGroups.length ? g.viaGroups.join(' › ') : 'direct' })))))) : null,
      row(graph ? 'Reply (as SMTP would answer)' : 'SMTP reply', h('code', { class: 'reply', text: d.reply }), h('span', { class: 'muted', text: ` at ${d.stage}` })),
      row('Header From', d.headerFrom.join(', ') || '—'),
      d.headerResentFrom && d.headerResentFrom.length ? row('Resent-From', d.headerResentFrom.join(', '),
        d.resentOutcome ? h('span', { class: 'muted', text: ` · ${d.resentOutcome}` }) : null,
        d.deliveredResentSender ? h('span', { class: 'muted', text: ` · Resent-Sender delivered as ${d.deliveredResentSender}` }) : null) : null,
      d.lookAlikes && d.lookAlikes.length ? row('Look-alike names', h('ul', { class: 'lookalikes' }, d.lookAlikes.map(l =>
        h('li', { text: `${l.field}: the name "${l.displayName}" reads as ${l.looksLike}, but the address is ${l.address}` })))) : null,
      row('Header Sender', d.headerSender ?? '—', d.deliveredSender ? h('span', { class: 'muted', text: ` → delivered as ${d.deliveredSender}` }) : null),
      row('Envelope', graph ? `From <${d.mailFrom}>, recipients (To, Cc, Bcc): ${d.rcptTo.map(r => `<${r}>`).join(' ')}`
        : `MAIL FROM:<${d.mailFrom}> RCPT TO: ${d.rcptTo.map(r => `<${r}>`).join(' ')}`),
      d.reached.length ? row('Reached', d.reached.join(', ')) : null,
      row('When', time(d.time, true), h('span', { class: 'muted', text: ` · directory version ${d.directoryVersion} · id ${d.id}` }))));
}
