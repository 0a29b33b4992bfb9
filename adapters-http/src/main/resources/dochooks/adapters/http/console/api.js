// Every call to the dochooks HTTP API goes through here: the bearer token, the console's language (so the
// server's problem texts come back in it), and errors turned into ApiError with words to show.
import { getToken } from './token.js';
import { language, t } from './i18n.js';

const PROBLEM_PREFIX = 'urn:dochooks:problem:';

/** An API call that failed: a problem answer, a network failure, or an answer that could not be read. */
export class ApiError extends Error {
  constructor({ status = 0, slug = '', title = '', detail = '', errors = [], network = false } = {}) {
    super(detail || title || slug || 'API error');
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.network = network;
  }
}

let unauthorizedHandler = () => {};

/** What to do when the server refuses the token (401): set once by main.js. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/**
 * Calls the API and returns the parsed JSON body (null for 204). Throws ApiError otherwise.
 * options: {body, headers, auth (default true)}.
 */
export async function call(method, path, options = {}) {
  const headers = {
    Accept: 'application/json',
    'Accept-Language': language(),
    ...(options.headers || {}),
  };
  const token = getToken();
  if (options.auth !== false && token) headers.Authorization = `Bearer ${token}`;
  const init = { method, headers, cache: 'no-store', credentials: 'omit', redirect: 'error' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError({ network: true });
  }

  if (response.ok) {
    if (response.status === 204) return null;
    const text = await response.text();
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ApiError({ status: response.status });
    }
  }

  const error = await problemOf(response);
  if (response.status === 401 && options.auth !== false) unauthorizedHandler();
  throw error;
}

async function problemOf(response) {
  let problem = {};
  try {
    const parsed = JSON.parse(await response.text());
    if (parsed && typeof parsed === 'object') problem = parsed;
  } catch (e) {
    // not a problem document (a proxy's page...): keep only the status
  }
  const type = typeof problem.type === 'string' ? problem.type : '';
  return new ApiError({
    status: response.status,
    slug: type.startsWith(PROBLEM_PREFIX) ? type.slice(PROBLEM_PREFIX.length) : '',
    title: typeof problem.title === 'string' ? problem.title : '',
    detail: typeof problem.detail === 'string' ? problem.detail : '',
    errors: Array.isArray(problem.errors)
      ? problem.errors.filter((e) => e && typeof e === 'object').map((e) => ({
          field: typeof e.field === 'string' ? e.field : '',
          message: typeof e.message === 'string' ? e.message : '',
        }))
      : [],
  });
}

/**
 * The words to show for an error: the problem's detail, else its title, else a sentence of our own.
 * Never the status code or the type URN alone, never raw JSON.
 */
export function errorText(error) {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.network) return t('error.network');
  if (error.detail) return error.detail;
  if (error.title) return error.title;
  if (error.status >= 500) return t('error.server');
  return t('error.unexpected');
}

/** A 401 is already handled (the token view is shown with its message): callers show nothing more. */
export function isUnauthorized(error) {
  return error instanceof ApiError && error.status === 401;
}

export function encodeId(id) {
  return encodeURIComponent(id);
}

// The operations of the API this console uses (api.md sections 3 and 4).
export const api = {
  settings: () => call('GET', '/console/settings.json', { auth: false }),
  listIntegrations: ({ status, cursor, limit = 50 } = {}) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (status) query.set('status', status);
    if (cursor) query.set('cursor', cursor);
    return call('GET', `/api/v1/integrations?${query}`);
  },
  getIntegration: (id) => call('GET', `/api/v1/integrations/${encodeId(id)}`),
  createIntegration: (body) => call('POST', '/api/v1/integrations', { body }),
  replaceIntegration: (id, version, body) =>
    call('PUT', `/api/v1/integrations/${encodeId(id)}`, { body, headers: { 'If-Match': `"${version}"` } }),
  enable: (id) => call('POST', `/api/v1/integrations/${encodeId(id)}/enable`),
  disable: (id) => call('POST', `/api/v1/integrations/${encodeId(id)}/disable`),
  test: (id) => call('POST', `/api/v1/integrations/${encodeId(id)}/test`),
  connection: (id) => call('GET', `/api/v1/integrations/${encodeId(id)}/connection`),
  startConnection: (id) => call('POST', `/api/v1/integrations/${encodeId(id)}/connection`),
  confirmConnection: (id, confirmation) =>
    call('POST', `/api/v1/integrations/${encodeId(id)}/connection/confirm`, { body: { confirmation } }),
  disconnect: (id) => call('DELETE', `/api/v1/integrations/${encodeId(id)}/connection`),
};
