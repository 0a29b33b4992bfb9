// The bearer token. It lives in sessionStorage only: per tab, gone with the tab, never in localStorage,
// a cookie or the query (which would end up in logs and history).

const KEY = 'dochooks.token';

/**
 * Takes a token handed over in the address fragment (#token=...), as the server's startup line prints it,
 * and removes the fragment from the address bar and history at once.
 */
export function takeTokenFromFragment() {
  const match = /^#token=(.+)$/.exec(location.hash);
  if (!match) return;
  let token = match[1];
  try {
    token = decodeURIComponent(token);
  } catch (e) {
    // not percent-encoded: a JWT is URL-safe as it is
  }
  storeToken(token);
  history.replaceState(null, '', location.pathname + location.search);
}

export function storeToken(token) {
  try {
    sessionStorage.setItem(KEY, token);
  } catch (e) {
    memoryToken = token; // storage disabled: keep it for this page only
  }
}

let memoryToken = null;

export function getToken() {
  try {
    return sessionStorage.getItem(KEY) || memoryToken;
  } catch (e) {
    return memoryToken;
  }
}

export function forgetToken() {
  memoryToken = null;
  try {
    sessionStorage.removeItem(KEY);
  } catch (e) {
    // nothing stored
  }
}

/** Cleans what a person pastes: surrounding spaces and a leading "Bearer ". */
export function normalizeToken(text) {
  return String(text || '').trim().replace(/^Bearer\s+/i, '').trim();
}

/**
 * The claims of a JWT, or null when it does not look like one. For display only (which sections to show):
 * the server checks the signature and enforces the roles.
 */
export function claims(token) {
  const parts = String(token || '').split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes));
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? payload : null;
  } catch (e) {
    return null;
  }
}

export function isAdmin(token) {
  const payload = claims(token);
  return Boolean(payload && Array.isArray(payload.roles) && payload.roles.includes('admin'));
}

/** A name to show in the header: username, else sub. */
export function userName(token) {
  const payload = claims(token);
  if (!payload) return '';
  const name = typeof payload.username === 'string' ? payload.username : payload.sub;
  return typeof name === 'string' ? name : '';
}
