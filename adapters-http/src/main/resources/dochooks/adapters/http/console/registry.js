// The administrators' list of custom integrations: the table, "Load more", and the enable/disable switch.
import { api, errorText, isUnauthorized } from './api.js';
import { byId, el, clear, setMessage } from './dom.js';
import { t, formatDateTime, onLanguageChange } from './i18n.js';

const PAGE_SIZE = 50;

let items = [];
let nextCursor = null;
let loaded = false;
let generation = 0; // a newer load makes the answers of older ones stale
const hooks = { onEdit: () => {}, onChanged: () => {} };

/** hooks.onEdit(id, button): open the form; hooks.onChanged(): an integration changed (connections refresh). */
export function initRegistry(options) {
  Object.assign(hooks, options);
  byId('integrations-more').addEventListener('click', loadMore);
  onLanguageChange(render);
}

/** Loads the first page again (after a save, or at start). */
export async function loadIntegrations() {
  const mine = ++generation;
  items = [];
  nextCursor = null;
  loaded = false;
  setMessage(byId('integrations-error'), '');
  render();
  byId('integrations-loading').hidden = false;
  byId('integrations-table').setAttribute('aria-busy', 'true');
  try {
    const page = await api.listIntegrations({ limit: PAGE_SIZE });
    if (mine !== generation) return;
    items = Array.isArray(page.items) ? page.items : [];
    nextCursor = page.nextCursor || null;
    loaded = true;
  } catch (error) {
    if (mine !== generation) return;
    if (!isUnauthorized(error)) setMessage(byId('integrations-error'), errorText(error));
  } finally {
    if (mine === generation) {
      byId('integrations-loading').hidden = true;
      byId('integrations-table').removeAttribute('aria-busy');
    }
  }
  render();
}

/** Forgets everything shown (the token was forgotten). */
export function resetIntegrations() {
  generation++;
  items = [];
  nextCursor = null;
  loaded = false;
  setMessage(byId('integrations-error'), '');
  setMessage(byId('integrations-status'), '');
  render();
}

async function loadMore() {
  if (!nextCursor) return;
  const mine = generation;
  const button = byId('integrations-more');
  button.disabled = true;
  setMessage(byId('integrations-error'), '');
  const firstNew = items.length;
  try {
    const page = await api.listIntegrations({ limit: PAGE_SIZE, cursor: nextCursor });
    if (mine !== generation) return;
    const known = new Set(items.map((item) => item.id));
    items = items.concat((page.items || []).filter((item) => !known.has(item.id)));
    nextCursor = page.nextCursor || null;
    render();
    // Keyboard users continue where the new rows start, not back at the top.
    const row = byId('integrations-table').tBodies[0].rows[firstNew];
    const target = row && row.querySelector('button.toggle');
    if (target) target.focus();
    else if (!nextCursor) byId('add-integration').focus();
  } catch (error) {
    if (!isUnauthorized(error)) setMessage(byId('integrations-error'), errorText(error));
  } finally {
    button.disabled = false;
  }
}

/** Shows a short status ("Saved.") in the live region above the table. */
export function announce(text) {
  setMessage(byId('integrations-status'), text);
}

/** Puts a changed integration (from a save or a toggle) into the list without reloading it. */
export function updateItem(item) {
  const index = items.findIndex((existing) => existing.id === item.id);
  if (index >= 0) {
    items[index] = { ...items[index], ...item };
    const row = rowOf(item.id);
    if (row) row.replaceWith(renderRow(items[index]));
  }
}

function rowOf(id) {
  const tbody = byId('integrations-table').tBodies[0];
  return Array.from(tbody.rows).find((row) => row.dataset.id === id) || null;
}

function render() {
  const table = byId('integrations-table');
  const tbody = table.tBodies[0];
  clear(tbody);
  for (const item of items) tbody.append(renderRow(item));
  table.hidden = items.length === 0;
  byId('integrations-empty').hidden = !(loaded && items.length === 0);
  byId('integrations-more').hidden = !nextCursor;
}

function authTypeText(authType) {
  // The product's own words, the same in every language.
  return authType === 'ApiKey' ? 'ApiKey' : authType === 'OAuth2' ? 'OAuth2' : String(authType || '');
}

function renderRow(item) {
  const enabled = item.status === 'ENABLED';
  const name = String(item.name || '');

  const toggle = el(
    'button',
    {
      type: 'button',
      class: 'toggle',
      role: 'switch',
      'aria-checked': enabled ? 'true' : 'false',
      'aria-label': t('registry.toggleLabel', { name }),
      title: enabled ? t('registry.disableHint') : t('registry.enableHint'),
    },
    el('span', { class: 'switch-track', 'aria-hidden': 'true' }, el('span', { class: 'switch-thumb' })),
    el('span', { class: 'switch-text', 'aria-hidden': 'true' }, enabled ? t('registry.on') : t('registry.off')),
  );
  toggle.addEventListener('click', () => toggleItem(item.id, toggle));

  const edit = el('button', { type: 'button', class: 'edit', 'aria-label': t('registry.editLabel', { name }) },
    t('registry.edit'));
  edit.addEventListener('click', () => hooks.onEdit(item.id, edit));

  const updated = item.updatedAt
    ? el('time', { datetime: item.updatedAt }, formatDateTime(item.updatedAt))
    : '';

  return el('tr', { dataset: { id: item.id } },
    el('th', { scope: 'row', class: 'name', 'data-label': t('column.name') }, name),
    el('td', { class: 'auth-type', 'data-label': t('column.authType') }, authTypeText(item.authType)),
    el('td', { class: `status ${enabled ? 'is-enabled' : 'is-disabled'}`, 'data-label': t('column.status') },
      enabled ? t('status.enabled') : t('status.disabled')),
    el('td', { class: 'updated', 'data-label': t('column.updated') }, updated),
    el('td', { class: 'actions-cell', 'data-label': t('column.actions') },
      el('div', { class: 'row-actions' }, toggle, edit)),
  );
}

async function toggleItem(id, button) {
  const item = items.find((existing) => existing.id === id);
  if (!item || button.getAttribute('aria-busy') === 'true') return;
  const enable = item.status !== 'ENABLED';
  button.setAttribute('aria-busy', 'true');
  button.disabled = true;
  setMessage(byId('integrations-error'), '');
  try {
    const changed = enable ? await api.enable(id) : await api.disable(id);
    updateItem(changed && changed.id ? changed : { ...item, status: enable ? 'ENABLED' : 'DISABLED' });
    // The row was replaced: keep the keyboard focus on its switch.
    const row = rowOf(id);
    const again = row && row.querySelector('button.toggle');
    if (again) again.focus();
    announce(t(enable ? 'registry.enabledNow' : 'registry.disabledNow', { name: item.name }));
    hooks.onChanged();
  } catch (error) {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    if (!isUnauthorized(error)) setMessage(byId('integrations-error'), errorText(error));
  }
}
