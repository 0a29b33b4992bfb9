// The add/edit form of a custom integration: filling it, saving it (POST, or PUT with If-Match), showing the
// server's validation problems next to their fields, the copy button of the redirect URI, and the test.
import { api, errorText, isUnauthorized } from './api.js';
import { byId, el, clear, replaceChildren, setMessage } from './dom.js';
import { t, onLanguageChange } from './i18n.js';

// Every field with an input, in the order of the page (the first invalid one gets the focus).
const FIELDS = ['name', 'baseApiUrl', 'requestParameters', 'authType', 'authenticationUrl', 'tokenEndpointUrl',
  'clientId', 'clientSecret', 'redirectUri', 'apiKey'];
const SECRET_HINTS = { clientSecret: 'clientSecretHint', apiKey: 'apiKeyHint' };

const state = {
  mode: 'add', // or 'edit'
  id: null,
  version: null,
  integration: null, // as last read from the server (edit)
  settingsRedirectUri: '',
  formError: null, // {key} for our own sentence (re-translated on a switch), {text} for the server's
  report: null, // the last test report, re-rendered on a switch
  reportError: '',
  busy: false,
};
const hooks = { show: () => {}, close: () => {} };
let copyTimer = null;

const input = (field) => byId(`field-${field}`);

/**
 * hooks.show(): show the form view; hooks.close({saved, item, mode}): back to the list.
 */
export function initForm(options) {
  Object.assign(hooks, options);
  byId('integration-form').addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  byId('field-authType').addEventListener('change', showAuthGroup);
  byId('form-cancel').addEventListener('click', () => hooks.close({ saved: false, mode: state.mode, id: state.id }));
  byId('copy-redirectUri').addEventListener('click', copyRedirectUri);
  byId('form-test').addEventListener('click', runTest);
  onLanguageChange(rerender);
}

/** The redirect URI every OAuth2 integration has (from /console/settings.json), shown before a first save. */
export function setSettingsRedirectUri(uri) {
  state.settingsRedirectUri = typeof uri === 'string' ? uri : '';
  if (!input('redirectUri').value) input('redirectUri').value = state.settingsRedirectUri;
}

export function openAdd() {
  state.mode = 'add';
  state.id = null;
  state.version = null;
  state.integration = null;
  reset();
  setTitle('form.addTitle');
  input('authType').value = 'OAuth2';
  input('redirectUri').value = state.settingsRedirectUri;
  showAuthGroup();
  hooks.show();
  byId('form-title').focus();
}

export async function openEdit(id) {
  state.mode = 'edit';
  state.id = id;
  state.version = null;
  state.integration = null;
  reset();
  setTitle('form.editTitle');
  showAuthGroup();
  hooks.show();
  byId('form-title').focus();
  setBusy(true);
  try {
    fill(await api.getIntegration(id));
  } catch (error) {
    if (!isUnauthorized(error)) setFormError({ text: errorText(error) });
  } finally {
    setBusy(false);
  }
}

function setTitle(key) {
  const title = byId('form-title');
  title.dataset.i18n = key;
  title.textContent = t(key);
  const note = byId('form-test-note');
  note.dataset.i18n = state.mode === 'edit' ? 'form.testNoteEdit' : 'form.testNote';
  note.textContent = t(note.dataset.i18n);
  byId('form-test').hidden = state.mode !== 'edit';
}

/** Empties every input, error, hint and the test report. */
function reset() {
  byId('integration-form').reset();
  for (const field of FIELDS) input(field).value = '';
  clearErrors();
  state.report = null;
  state.reportError = '';
  clear(byId('test-report'));
  setMessage(byId('copy-status'), '');
  updateSecretHints();
}

/** Puts an integration read from the server into the form. Secrets stay empty: only their hints are shown. */
function fill(integration) {
  state.integration = integration;
  state.version = integration.version;
  for (const field of ['name', 'baseApiUrl', 'requestParameters', 'authenticationUrl', 'tokenEndpointUrl',
    'clientId']) {
    input(field).value = typeof integration[field] === 'string' ? integration[field] : '';
  }
  input('authType').value = integration.authType === 'ApiKey' ? 'ApiKey' : 'OAuth2';
  input('clientSecret').value = '';
  input('apiKey').value = '';
  input('redirectUri').value = integration.redirectUri || state.settingsRedirectUri;
  showAuthGroup();
}

/** Shows the fields of the selected authentication type only. */
function showAuthGroup() {
  const oauth2 = input('authType').value !== 'ApiKey';
  byId('oauth2-fields').hidden = !oauth2;
  byId('apikey-fields').hidden = oauth2;
  updateSecretHints();
}

function storedHint(field) {
  const integration = state.integration;
  if (state.mode !== 'edit' || !integration) return null;
  // A hint only stands for the stored secret while the type is unchanged: switching the type needs a new one.
  const typeOfField = field === 'apiKey' ? 'ApiKey' : 'OAuth2';
  if (integration.authType !== typeOfField || input('authType').value !== typeOfField) return null;
  const hint = integration[SECRET_HINTS[field]];
  return typeof hint === 'string' && hint ? hint : null;
}

/** The "Stored secret ••••c0de. Leave empty to keep it." lines, and whether the secret is required. */
function updateSecretHints() {
  for (const field of Object.keys(SECRET_HINTS)) {
    const hint = storedHint(field);
    const hintNode = byId(`hint-${field}`);
    hintNode.textContent = hint ? t('form.secretHint', { hint }) : '';
    hintNode.hidden = !hint;
    const required = !hint;
    input(field).required = required;
    input(field).setAttribute('aria-required', required ? 'true' : 'false');
    const mark = input(field).closest('.field').querySelector('.required-mark');
    if (mark) mark.hidden = !required;
    describe(field);
  }
}

/** aria-describedby of an input: its error first (when any), the stored-secret hint, then its help. */
function describe(field) {
  const ids = [];
  const error = byId(`error-${field}`);
  if (error && !error.hidden) ids.push(error.id);
  const hint = byId(`hint-${field}`);
  if (hint && !hint.hidden) ids.push(hint.id);
  if (byId(`help-${field}`)) ids.push(`help-${field}`);
  if (field === 'redirectUri') ids.push('copy-status');
  if (ids.length) input(field).setAttribute('aria-describedby', ids.join(' '));
  else input(field).removeAttribute('aria-describedby');
}

function clearErrors() {
  for (const field of FIELDS) {
    const error = byId(`error-${field}`);
    error.textContent = '';
    error.hidden = true;
    input(field).removeAttribute('aria-invalid');
    describe(field);
  }
  setFormError(null);
}

function showFieldError(field, message) {
  const error = byId(`error-${field}`);
  error.textContent = error.textContent ? `${error.textContent} ${message}` : message;
  error.hidden = false;
  input(field).setAttribute('aria-invalid', 'true');
  describe(field);
}

/** The form-wide alert: null clears it; {key} is one of our sentences, {text} the server's words. */
function setFormError(value, withReload = false) {
  state.formError = value ? { ...value, withReload } : null;
  renderFormError();
}

function renderFormError() {
  const box = byId('form-error');
  const value = state.formError;
  const hadFocus = document.activeElement && document.activeElement.id === 'form-reload';
  if (!value) {
    clear(box);
    return;
  }
  const children = [el('p', { class: 'alert-text' }, value.key ? t(value.key) : value.text)];
  if (value.withReload) {
    const reload = el('button', { type: 'button', id: 'form-reload' }, t('form.reload'));
    reload.addEventListener('click', reloadIntegration);
    children.push(reload);
  }
  replaceChildren(box, ...children);
  if (hadFocus && byId('form-reload')) byId('form-reload').focus();
}

function setBusy(busy) {
  state.busy = busy;
  byId('integration-form').setAttribute('aria-busy', busy ? 'true' : 'false');
  byId('form-submit').disabled = busy;
  const reload = byId('form-reload');
  if (reload) reload.disabled = busy;
}

/** The request body: the common fields and those of the selected type only; empty secrets are left out. */
function body() {
  const authType = input('authType').value;
  const result = {
    name: input('name').value,
    baseApiUrl: input('baseApiUrl').value.trim(),
    requestParameters: input('requestParameters').value.trim(),
    authType,
  };
  if (authType === 'OAuth2') {
    result.authenticationUrl = input('authenticationUrl').value.trim();
    result.tokenEndpointUrl = input('tokenEndpointUrl').value.trim();
    result.clientId = input('clientId').value;
    if (input('clientSecret').value) result.clientSecret = input('clientSecret').value;
  } else if (input('apiKey').value) {
    result.apiKey = input('apiKey').value;
  }
  return result;
}

async function submit() {
  if (state.busy) return;
  if (state.mode === 'edit' && state.version === null) return; // still loading, or the load failed
  clearErrors();
  setBusy(true);
  try {
    const saved = state.mode === 'edit'
      ? await api.replaceIntegration(state.id, state.version, body())
      : await api.createIntegration(body());
    setBusy(false);
    hooks.close({ saved: true, item: saved, mode: state.mode, id: saved && saved.id ? saved.id : state.id });
  } catch (error) {
    setBusy(false);
    if (!isUnauthorized(error)) showSaveError(error);
  }
}

function showSaveError(error) {
  if (error.slug === 'validation-failed' && error.errors.length) {
    const elsewhere = [];
    for (const { field, message } of error.errors) {
      const visible = FIELDS.includes(field) && !input(field).closest('[hidden]');
      if (visible) showFieldError(field, message || errorText(error));
      else elsewhere.push(message || field);
    }
    if (elsewhere.length) setFormError({ text: elsewhere.join(' ') });
    const first = FIELDS.find((field) => input(field).getAttribute('aria-invalid') === 'true');
    if (first) input(first).focus();
    else byId('form-error').focus();
  } else if (error.slug === 'name-taken' || (error.status === 409 && !error.slug)) {
    showFieldError('name', errorText(error));
    input('name').focus();
  } else if (error.slug === 'precondition-failed' || error.status === 412) {
    setFormError({ key: 'form.conflict' }, true);
    byId('form-reload').focus();
  } else {
    setFormError({ text: errorText(error) });
  }
}

/** After a 412: reads the current version into the form (the user's unsaved changes are dropped, on request). */
async function reloadIntegration() {
  if (!state.id || state.busy) return;
  setBusy(true);
  try {
    const integration = await api.getIntegration(state.id);
    clearErrors();
    fill(integration);
    setMessage(byId('copy-status'), '');
    state.report = null;
    state.reportError = '';
    announceInForm(t('form.reloaded'));
    byId('form-title').focus();
  } catch (error) {
    if (!isUnauthorized(error)) setFormError({ text: errorText(error) });
  } finally {
    setBusy(false);
  }
}

function announceInForm(text) {
  // The test report region is polite and next to the buttons: a fitting place for "loaded" news.
  replaceChildren(byId('test-report'), el('p', { class: 'live-status' }, text));
}

async function copyRedirectUri() {
  const field = input('redirectUri');
  const status = byId('copy-status');
  clearTimeout(copyTimer);
  try {
    if (!navigator.clipboard || !navigator.clipboard.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(field.value);
    status.classList.remove('is-manual');
    setMessage(status, t('form.copied'));
    copyTimer = setTimeout(() => setMessage(status, ''), 4000);
  } catch (e) {
    // No clipboard permission (or an insecure origin): select the text so the keyboard shortcut works.
    field.focus();
    field.select();
    status.classList.add('is-manual');
    setMessage(status, t('form.copyManually'));
  }
}

async function runTest() {
  if (!state.id || state.mode !== 'edit') return;
  const button = byId('form-test');
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  state.report = null;
  state.reportError = '';
  replaceChildren(byId('test-report'), el('p', { class: 'loading' }, t('form.testing')));
  try {
    state.report = await api.test(state.id);
    renderReport();
  } catch (error) {
    if (isUnauthorized(error)) return;
    state.reportError = errorText(error);
    renderReport();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

function renderReport() {
  const box = byId('test-report');
  if (state.reportError) {
    replaceChildren(box, el('p', { class: 'alert', role: 'alert' }, state.reportError));
    return;
  }
  const report = state.report;
  if (!report) return;
  const checks = Array.isArray(report.checks) ? report.checks : [];
  const ok = report.ok === true;
  replaceChildren(box,
    el('p', { class: `test-summary ${ok ? 'is-ok' : 'is-failed'}` },
      t(ok ? 'test.allPassed' : 'test.someFailed')),
    el('ul', { class: 'checks' }, checks.map(renderCheck)));
}

function renderCheck(check) {
  const name = String(check.name || '');
  const ok = check.ok === true;
  const knownLabel = t(`check.${name}`);
  const label = knownLabel === `check.${name}` ? name : knownLabel;
  const parts = [
    el('span', { class: 'check-mark', 'aria-hidden': 'true' }, ok ? '✓' : '✗'),
    el('span', { class: 'check-name' }, label),
    el('span', { class: 'check-result' }, t(ok ? 'test.ok' : 'test.failed')),
  ];
  if (Number.isFinite(check.status) && check.status > 0) {
    parts.push(el('span', { class: 'check-status' }, t('test.status', { status: check.status })));
  }
  if (Number.isFinite(check.millis)) {
    parts.push(el('span', { class: 'check-millis' }, t('test.millis', { millis: check.millis })));
  }
  if (check.detail) parts.push(el('span', { class: 'check-detail' }, String(check.detail)));
  return el('li', { class: `check ${ok ? 'is-ok' : 'is-failed'}`, dataset: { check: name, ok: ok ? 'true' : 'false' } },
    ...parts);
}

/** After a language switch: our own texts in the form (the server's error texts stay as they came). */
function rerender() {
  updateSecretHints();
  renderFormError();
  if (state.report || state.reportError) renderReport();
  setMessage(byId('copy-status'), '');
}
