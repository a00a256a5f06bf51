// Every call to /api/v1: the session cookie goes by itself; changes carry the CSRF token; errors are problem+json.
import { session } from './store.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
    this.fields = {};
    for (const e of problem.errors || []) {
      if (e.field && !this.fields[e.field]) this.fields[e.field] = e.message;
    }
    if (problem.field && !this.fields[problem.field]) this.fields[problem.field] = problem.detail;
  }
}

let onSignedOut = () => {};
export function whenSignedOut(fn) { onSignedOut = fn; }

export async function api(method, path, body, options = {}) {
  const headers = { 'X-Evergreen-Client': 'console', 'Accept': 'application/json' };
  if (options.contentType) headers['Content-Type'] = options.contentType;
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session.csrf) headers['X-CSRF-Token'] = session.csrf;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  let response;
  try {
    response = await fetch('/api/v1' + path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined || options.contentType ? body : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { title: 'Offline', detail: 'The server could not be reached. Check your connection and try again.' });
  }
  if (response.status === 401 && !options.signIn) {
    session.user = null;
    session.csrf = null;
    onSignedOut();
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch (e) { problem = { title: response.statusText }; }
    throw new ApiError(response.status, problem);
  }
  const etag = response.headers.get('ETag');
  const data = response.status === 204 ? null : await response.json();
  return options.withEtag ? { data, etag } : data;
}

export const get = (path, options) => api('GET', path, undefined, options);
export const post = (path, body, options) => api('POST', path, body === undefined ? {} : body, options);
export const put = (path, body, options) => api('PUT', path, body === undefined ? {} : body, options);
export const del = (path, options) => api('DELETE', path, undefined, options);
/** Uploads a file as the request body (imports), with the session's CSRF token like every change. */
export const upload = (path, file, contentType) => api('POST', path, file, { contentType });

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
