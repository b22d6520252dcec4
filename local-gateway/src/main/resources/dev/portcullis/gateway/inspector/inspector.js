// The decision inspector: polls the gateway for new requests and shows one when it is opened.
// Every value is set as text (textContent, never innerHTML), so nothing a caller sends can run.
'use strict';

const CAPACITY = 200;
const POLL_MILLIS = 1000;
let lastId = 0;
let openId = null;

// An element with attributes and children; strings become text nodes.
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined) {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function statusClass(status) {
  return 's' + String(status).charAt(0);
}

function row(call) {
  const tr = el('tr', { 'data-id': call.id, 'data-status': call.status, tabindex: 0 },
    el('td', { class: 'mono' }, call.time.replace('T', ' ').replace('Z', '')),
    el('td', {}, call.method),
    el('td', { class: 'path' }, call.path),
    el('td', { class: 'status ' + statusClass(call.status) }, call.status),
    el('td', { class: 'principal' }, call.principal === null ? '-' : call.principal),
    el('td', {}, call.cache),
    el('td', {}, call.latency));
  tr.addEventListener('click', () => open(call.id));
  tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(call.id); });
  return tr;
}

async function poll() {
  const state = document.getElementById('state');
  try {
    const response = await fetch('api/calls?after=' + lastId, { cache: 'no-store' });
    const page = await response.json();
    const body = document.querySelector('#calls tbody');
    if (page.lastId < lastId) {
      body.replaceChildren(); // the gateway restarted
    }
    for (const call of page.calls) {
      body.prepend(row(call));
    }
    while (body.rows.length > CAPACITY) {
      body.deleteRow(body.rows.length - 1);
    }
    lastId = page.lastId;
    document.getElementById('empty').hidden = body.rows.length > 0;
    state.textContent = 'Live: ' + body.rows.length + ' requests shown (the last ' +
      page.capacity + ' are kept).';
  } catch (e) {
    state.textContent = 'The gateway does not answer; retrying.';
  }
  setTimeout(poll, POLL_MILLIS);
}

async function open(id) {
  openId = id;
  for (const tr of document.querySelectorAll('#calls tbody tr')) {
    tr.classList.toggle('open', tr.dataset.id === String(id));
  }
  const response = await fetch('api/calls/' + encodeURIComponent(id), { cache: 'no-store' });
  const detail = document.getElementById('detail');
  if (!response.ok) {
    detail.replaceChildren(el('p', {}, 'This request is no longer kept.'));
    detail.hidden = false;
    return;
  }
  const call = await response.json();
  if (openId !== id) return;
  detail.replaceChildren(...render(call));
  detail.hidden = false;
  history.replaceState(null, '', '#' + id);
}

function render(call) {
  const parts = [];
  parts.push(el('h2', { id: 'title' }, call.method + ' ' + call.path + ' \u2192 ',
    el('span', { class: statusClass(call.status), id: 'detail-status' }, call.status)));
  parts.push(el('p', { id: 'summary' }, call.summary));
  const facts = el('dl', {});
  const fact = (name, value) => {
    if (value !== null && value !== undefined) {
      facts.append(el('dt', {}, name), el('dd', { class: 'mono' }, value));
    }
  };
  fact('Route', call.routeKey);
  fact('ARN', call.arn);
  fact('Decoded path', call.decodedPath);
  fact('Principal', call.principal);
  fact('Cache', call.cache);
  fact('Latency', call.latency);
  fact('Authorizer error', call.failure);
  parts.push(facts);
  parts.push(...explanation(call));
  if (call.policy) {
    parts.push(el('h3', {}, 'Policy (resources matching the route are highlighted)'));
    parts.push(policy(call.policy));
  }
  parts.push(el('h3', {}, 'Answer'));
  parts.push(call.answer ? el('pre', { id: 'answer' }, JSON.stringify(call.answer, null, 2))
    : el('p', { class: 'note' }, 'No answer: ' + (call.failure || 'the authorizer was not called.')));
  parts.push(el('h3', {}, call.eventSent ? 'Event sent to the authorizer (credentials masked)'
    : 'Event the authorizer would get (not sent: answered from the cache; credentials masked)'));
  parts.push(call.event ? el('pre', { id: 'event' }, JSON.stringify(call.event, null, 2))
    : el('p', { class: 'note' }, 'No event: API Gateway answered by itself.'));
  return parts;
}

function explanation(call) {
  const x = call.explanation;
  const section = [el('h3', {}, 'Explanation')];
  if (!x) {
    section.push(el('p', { class: 'note', id: 'explanation' }, call.explanationProblem));
    return section;
  }
  const box = el('div', { id: 'explanation' });
  box.append(el('p', {}, el('strong', {}, x.status + ' ' + x.verdict), ': ', x.reason));
  const covering = x.grants.filter((g) => g.coversRoute);
  if (x.verdict === 'FORBIDDEN' && covering.length === 0 && call.routeKey) {
    box.append(el('p', { class: 'verdict' },
      'No grant of ' + (x.identity ? x.identity.principalId : 'the caller') + '\u2019s roles covers ',
      el('span', { class: 'mono' }, call.routeKey), '.'));
  } else if (x.verdict === 'ALLOWED' && call.routeKey) {
    box.append(el('p', { class: 'verdict' }, 'Granted: ', el('span', { class: 'mono' }, call.routeKey),
      ' by ' + covering.map((g) => g.role + ' \u201c' + g.grant + '\u201d').join(', ') + '.'));
  }
  const backends = el('ul', {});
  for (const step of x.backends) {
    const outcome = step.outcome.toLowerCase().replace(/_/g, ' ');
    const detail = step.detail && step.detail.toLowerCase() !== outcome ? ': ' + step.detail : '';
    backends.append(el('li', {}, el('strong', {}, step.backend), ' ' + outcome + detail));
  }
  box.append(el('p', {}, 'Backends:'), backends);
  if (x.identity) {
    const id = x.identity;
    box.append(el('p', {}, 'Identity: ', el('strong', {}, id.principalId), ', roles ',
      id.roles.join(', ') || '(none)', ', from ' + id.backend + ', until ' + id.expiresAt +
      (Object.keys(id.attributes).length ? ', attributes ' + JSON.stringify(id.attributes) : '')));
  }
  if (x.grants.length) {
    const table = el('table', { id: 'grants' }, el('thead', {}, el('tr', {},
      el('th', {}, 'Role'), el('th', {}, 'Grant'), el('th', {}, 'Applied as'),
      el('th', {}, 'Covers ' + (call.routeKey || 'the route')), el('th', {}, 'Dropped because'))));
    const body = el('tbody', {});
    for (const g of x.grants) {
      body.append(el('tr', {}, el('td', {}, g.role), el('td', { class: 'mono' }, g.grant),
        el('td', { class: 'mono' }, g.appliedAs || ''),
        el('td', { class: g.coversRoute ? 'yes' : 'no' }, g.coversRoute ? 'yes' : 'no'),
        el('td', {}, g.droppedBecause || '')));
    }
    table.append(body);
    box.append(table);
  }
  if (x.matchedResource) {
    box.append(el('p', {}, 'Decided by ', el('span', { class: 'mono' }, x.matchedResource)));
  }
  section.push(box);
  return section;
}

function policy(document) {
  const box = el('div', { id: 'policy' });
  for (const statement of document.statements) {
    box.append(el('p', {}, el('strong', {}, statement.effect), ' ' + statement.actions.join(', ')));
    for (const r of statement.resources) {
      const classes = ['resource'];
      if (r.matchesRoute) classes.push('matches');
      if (r.decisive) classes.push('decisive');
      box.append(el(r.matchesRoute ? 'mark' : 'span', { class: classes.join(' ') }, r.resource));
    }
  }
  return box;
}

document.addEventListener('DOMContentLoaded', () => {
  poll();
  const id = Number(location.hash.slice(1));
  if (id > 0) open(id);
});
