// "Your connections": each enabled integration with the user's own connection state, Connect (an OAuth2
// popup, then a confirmation handed back by /oauth2/connected) and Disconnect.
import { api, errorText, isUnauthorized } from './api.js';
import { byId, el, clear, setMessage } from './dom.js';
import { t, onLanguageChange } from './i18n.js';

const MESSAGE_TYPE = 'dochooks-oauth-confirmation';
const CHANNEL = 'dochooks-connect';
const MAX_PAGES = 20; // 20 × 200 integrations: far more than a company has; bounds a misbehaving cursor

let rows = []; // {integration: {id, name, authType}, connection: {state...} | null}
let loaded = false;
let generation = 0;
// Integrations this tab started a connect for and has not confirmed yet: id -> the popup (or null).
const pending = new Map();
// Integrations whose popup was blocked: id -> the authorization URL, shown as a link instead.
const blocked = new Map();

export function initConnections() {
  onLanguageChange(render);
  // The /oauth2/connected page sends the confirmation both ways: a BroadcastChannel reaches this tab even
  // when the provider cut the popup's link to its opener; postMessage works where BroadcastChannel does not.
  if ('BroadcastChannel' in window) {
    const channel = new BroadcastChannel(CHANNEL);
    channel.addEventListener('message', (event) => receive(event.data));
  }
  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin) return; // only our own /oauth2/connected page
    receive(event.data);
  });
}

/** Loads the enabled integrations and, for each, the caller's connection. */
export async function loadConnections() {
  const mine = ++generation;
  setMessage(byId('connections-error'), '');
  byId('connections-loading').hidden = false;
  byId('connections-list').setAttribute('aria-busy', 'true');
  try {
    const integrations = [];
    let cursor = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await api.listIntegrations({ status: 'ENABLED', limit: 200, cursor });
      integrations.push(...(Array.isArray(answer.items) ? answer.items : []));
      cursor = answer.nextCursor || null;
      if (!cursor) break;
    }
    const states = await Promise.all(integrations.map((integration) =>
      api.connection(integration.id).then((connection) => ({ connection }), (error) => ({ error }))));
    if (mine !== generation) return;
    rows = integrations.map((integration, index) => ({ integration, connection: states[index].connection || null }));
    loaded = true;
    const failure = states.find((s) => s.error && !isUnauthorized(s.error));
    if (failure) setMessage(byId('connections-error'), errorText(failure.error));
  } catch (error) {
    if (mine !== generation) return;
    if (!isUnauthorized(error)) setMessage(byId('connections-error'), errorText(error));
  } finally {
    if (mine === generation) {
      byId('connections-loading').hidden = true;
      byId('connections-list').removeAttribute('aria-busy');
    }
  }
  if (mine === generation) render();
}

export function resetConnections() {
  generation++;
  rows = [];
  loaded = false;
  pending.clear();
  blocked.clear();
  setMessage(byId('connections-error'), '');
  setMessage(byId('connections-status'), '');
  render();
}

function render() {
  const list = byId('connections-list');
  clear(list);
  for (const row of rows) list.append(renderRow(row));
  byId('connections-empty').hidden = !(loaded && rows.length === 0);
}

function stateText(row) {
  const state = row.connection && row.connection.state;
  if (!state) return t('connections.stateUnknown');
  if (row.integration.authType === 'ApiKey') return t('connections.stateApiKey');
  if (state === 'CONNECTED') return t('connections.stateConnected');
  if (state === 'REAUTHORIZATION_REQUIRED') return t('connections.stateReauthorize');
  return t('connections.stateNotConnected');
}

function renderRow(row) {
  const { integration, connection } = row;
  const name = String(integration.name || '');
  const state = connection ? connection.state : null;
  const actions = el('div', { class: 'connection-actions' });

  if (integration.authType !== 'ApiKey' && state) {
    if (state === 'CONNECTED') {
      const button = el('button', { type: 'button', class: 'disconnect',
        'aria-label': t('connections.disconnectLabel', { name }) }, t('connections.disconnect'));
      button.addEventListener('click', () => disconnect(integration, button));
      actions.append(button);
    } else {
      const button = el('button', { type: 'button', class: 'connect primary',
        'aria-label': t('connections.connectLabel', { name }) }, t('connections.connect'));
      button.addEventListener('click', () => connect(integration, button));
      actions.append(button);
    }
  }

  const item = el('li', { class: 'connection', dataset: { id: integration.id } },
    el('div', { class: 'connection-main' },
      el('span', { class: 'name' }, name),
      el('span', { class: 'auth-type' }, integration.authType === 'ApiKey' ? 'ApiKey' : 'OAuth2'),
      el('span', { class: `connection-state state-${String(state || 'unknown').toLowerCase()}` },
        stateText(row))),
    actions);

  const url = blocked.get(integration.id);
  if (url && state !== 'CONNECTED') {
    item.append(el('p', { class: 'popup-blocked' },
      t('connections.popupBlocked'), ' ',
      el('a', { class: 'authorize-link', href: url, target: '_blank', rel: 'opener' },
        t('connections.openAuthorization', { name }))));
  }
  return item;
}

function rowOf(id) {
  return rows.find((row) => row.integration.id === id) || null;
}

function focusButtonOf(id) {
  const item = Array.from(byId('connections-list').children).find((li) => li.dataset.id === id);
  const button = item && item.querySelector('button');
  if (button) button.focus();
}

function isWebAddress(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch (e) {
    return false;
  }
}

function connect(integration, button) {
  // Opened before anything is awaited, while the click still counts as a user gesture: a popup opened
  // after a network round trip would be blocked.
  const popup = window.open('about:blank', 'dochooks-connect', 'popup,width=520,height=680');
  button.disabled = true;
  setMessage(byId('connections-error'), '');
  api.startConnection(integration.id).then((answer) => {
    const url = answer && answer.authorizationUrl;
    if (typeof url !== 'string' || !isWebAddress(url)) throw new Error('no authorization URL');
    pending.set(integration.id, popup);
    if (popup && !popup.closed) {
      popup.location.href = url;
      blocked.delete(integration.id);
      setMessage(byId('connections-status'), t('connections.finishInPopup', { name: integration.name }));
      button.disabled = false; // usable again should the user close the popup before finishing
    } else {
      blocked.set(integration.id, url);
      render();
      setMessage(byId('connections-status'), t('connections.popupBlocked'));
      const link = byId('connections-list').querySelector(`li[data-id="${CSS.escape(integration.id)}"] a.authorize-link`);
      if (link) link.focus();
    }
  }).catch((error) => {
    if (popup && !popup.closed) popup.close();
    button.disabled = false;
    if (isUnauthorized(error)) return;
    setMessage(byId('connections-error'), errorText(error));
  });
}

/** A message from the /oauth2/connected page: confirm it once, with this tab's own token. */
function receive(message) {
  if (!message || typeof message !== 'object' || message.type !== MESSAGE_TYPE) return;
  const { integrationId, confirmation } = message;
  if (typeof integrationId !== 'string' || typeof confirmation !== 'string' || !confirmation) return;
  if (!pending.has(integrationId)) return; // not ours, or already handled through the other channel
  const popup = pending.get(integrationId);
  pending.delete(integrationId);
  confirm(integrationId, confirmation, popup);
}

async function confirm(id, confirmation, popup) {
  const row = rowOf(id);
  const name = row ? row.integration.name : '';
  setMessage(byId('connections-error'), '');
  setMessage(byId('connections-status'), t('connections.confirming', { name }));
  try {
    const connection = await api.confirmConnection(id, confirmation);
    blocked.delete(id);
    if (popup && !popup.closed) {
      try {
        popup.close();
      } catch (e) {
        // the popup closes itself; nothing else to do
      }
    }
    const current = rowOf(id);
    if (current) current.connection = connection && connection.state ? connection : { state: 'CONNECTED' };
    const hadFocus = document.activeElement && byId('connections-list').contains(document.activeElement);
    render();
    if (hadFocus || document.activeElement === document.body) focusButtonOf(id);
    setMessage(byId('connections-status'), t('connections.connectedNow', { name }));
  } catch (error) {
    setMessage(byId('connections-status'), '');
    if (!isUnauthorized(error)) setMessage(byId('connections-error'), errorText(error));
    await refreshRow(id);
  }
}

async function disconnect(integration, button) {
  button.disabled = true;
  setMessage(byId('connections-error'), '');
  try {
    await api.disconnect(integration.id);
    const row = rowOf(integration.id);
    if (row) row.connection = { state: 'NOT_CONNECTED', connectedAt: null, accessTokenExpiresAt: null };
    render();
    focusButtonOf(integration.id);
    setMessage(byId('connections-status'), t('connections.disconnectedNow', { name: integration.name }));
  } catch (error) {
    button.disabled = false;
    if (!isUnauthorized(error)) setMessage(byId('connections-error'), errorText(error));
  }
}

/** Reads one row's connection again (after a failed confirmation the state may still have changed). */
async function refreshRow(id) {
  try {
    const connection = await api.connection(id);
    const row = rowOf(id);
    if (row) row.connection = connection;
    render();
  } catch (error) {
    // the error shown already says enough
  }
}
