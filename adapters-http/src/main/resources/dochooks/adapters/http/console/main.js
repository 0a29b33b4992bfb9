// Start-up and the views: the token view, or the registry (admins) and the user's connections.
import { api, onUnauthorized } from './api.js';
import { byId, setMessage } from './dom.js';
import { initLanguage, language, setLanguage, translatePage, t, onLanguageChange } from './i18n.js';
import { takeTokenFromFragment, getToken, storeToken, forgetToken, normalizeToken, claims, isAdmin, userName }
  from './token.js';
import { initRegistry, loadIntegrations, resetIntegrations, announce, updateItem } from './registry.js';
import { initForm, openAdd, openEdit, setSettingsRedirectUri } from './form.js';
import { initConnections, loadConnections, resetConnections } from './connections.js';

// Which of our own sentences the token view shows (kept as a key so a language switch translates it).
let tokenMessageKey = '';

function start() {
  takeTokenFromFragment();
  initLanguage();
  translatePage();
  const picker = byId('language');
  picker.value = language();
  picker.addEventListener('change', () => setLanguage(picker.value));
  onLanguageChange(() => {
    picker.value = language();
    setMessage(byId('token-error'), tokenMessageKey ? t(tokenMessageKey) : '');
  });

  onUnauthorized(() => signOut('token.refused'));
  byId('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    useTypedToken();
  });
  byId('sign-out').addEventListener('click', () => signOut(''));

  initRegistry({ onEdit: (id) => openEdit(id), onChanged: () => loadConnections() });
  initForm({ show: showForm, close: closeForm });
  initConnections();
  byId('add-integration').addEventListener('click', () => openAdd());

  // The redirect URI is the same for every integration; the add form shows it before any save.
  api.settings().then((settings) => setSettingsRedirectUri(settings && settings.redirectUri), () => {});

  // The startup address pasted into a tab where the console is already open only changes the fragment.
  window.addEventListener('hashchange', () => {
    if (!location.hash.startsWith('#token=')) return;
    takeTokenFromFragment();
    if (getToken()) showApp();
  });

  if (getToken()) showApp();
  else showTokenView();
}

function showTokenView() {
  for (const id of ['integrations-view', 'form-view', 'connections-view']) byId(id).hidden = true;
  byId('sign-out').hidden = true;
  byId('user-name').hidden = true;
  byId('token-view').hidden = false;
  setMessage(byId('token-error'), tokenMessageKey ? t(tokenMessageKey) : '');
  byId('token-input').value = '';
  if (tokenMessageKey) byId('token-input').setAttribute('aria-invalid', 'true');
  else byId('token-input').removeAttribute('aria-invalid');
  byId('token-input').focus();
}

function showApp() {
  const token = getToken();
  const admin = isAdmin(token);
  tokenMessageKey = '';
  byId('token-view').hidden = true;
  byId('form-view').hidden = true;
  byId('sign-out').hidden = false;
  const name = userName(token);
  byId('user-name').textContent = name;
  byId('user-name').hidden = !name;
  byId('integrations-view').hidden = !admin;
  byId('connections-view').hidden = false;
  if (admin) loadIntegrations();
  loadConnections();
}

function useTypedToken() {
  const token = normalizeToken(byId('token-input').value);
  if (!token) {
    tokenMessageKey = 'token.empty';
  } else if (!claims(token)) {
    tokenMessageKey = 'token.malformed';
  } else {
    storeToken(token);
    byId('token-input').value = '';
    showApp();
    // Where a keyboard user continues: the first thing they may now use.
    (isAdmin(token) ? byId('add-integration') : byId('connections-title')).focus();
    return;
  }
  setMessage(byId('token-error'), t(tokenMessageKey));
  byId('token-input').setAttribute('aria-invalid', 'true');
  byId('token-input').focus();
}

/** Forgets the token (a click on "Forget token", or a 401 with a message) and asks for one. */
function signOut(messageKey) {
  forgetToken();
  tokenMessageKey = messageKey;
  resetIntegrations();
  resetConnections();
  showTokenView();
}

function showForm() {
  announce('');
  byId('integrations-view').hidden = true;
  byId('connections-view').hidden = true;
  byId('form-view').hidden = false;
}

/** Back from the form: reload the list after a save, and put the focus back where the form was opened. */
async function closeForm({ saved, item, mode, id }) {
  byId('form-view').hidden = true;
  byId('integrations-view').hidden = false;
  byId('connections-view').hidden = false;
  if (saved) {
    if (item && item.id) updateItem(item);
    announce(t('form.saved'));
    await loadIntegrations();
    loadConnections();
  }
  const row = mode === 'edit' && id
    ? Array.from(byId('integrations-table').tBodies[0].rows).find((r) => r.dataset.id === id)
    : null;
  const target = (row && row.querySelector('button.edit')) || byId('add-integration');
  target.focus();
}

start();
