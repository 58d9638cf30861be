// @ts-check
/**
 * The page's only door to the service: the public HTTP API under /v1, through fetch. Errors come
 * back as the API's JSON `{error:{code,message,details}}` and are raised as ApiError.
 */

const KEY_STORAGE = "soundtrack.editorKey";

/** The editor key pasted by the user, kept for this browser tab only. */
export function getKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? "";
  } catch {
    return "";
  }
}

/** @param {string} key */
export function setKey(key) {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage disabled: the key lives until the page is reloaded
  }
}

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, 0 when the service could not be reached
   * @param {string} code the API's error code
   * @param {string} message
   * @param {import("./types.js").IssueDetail[]} details
   */
  constructor(status, code, message, details = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/**
 * @typedef {object} RequestOptions
 * @property {unknown} [body] sent as JSON
 * @property {Record<string, string | number | undefined | null>} [query] empty values are left out
 * @property {string} [ifMatch] the version (ETag) an edit is based on
 * @property {boolean} [auth] send the editor key (always sent when set; `auth` makes it required)
 */

/**
 * @param {string} path
 * @param {RequestOptions["query"]} query
 */
export function withQuery(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Sends a request; resolves to the raw Response when it succeeded, throws ApiError otherwise.
 * @param {string} method
 * @param {string} path
 * @param {RequestOptions} [opts]
 */
export async function send(method, path, opts = {}) {
  /** @type {Record<string, string>} */
  const headers = { accept: "application/json" };
  const key = getKey();
  if (key) headers.authorization = `Bearer ${key}`;
  if (opts.ifMatch) headers["if-match"] = opts.ifMatch;
  // The catalogue changes under the page (other editors): never answer from the HTTP cache.
  /** @type {RequestInit} */
  const init = { method, headers, cache: "no-store" };
  if (opts.body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(opts.body);
  }
  /** @type {Response} */
  let res;
  try {
    res = await fetch(withQuery(path, opts.query), init);
  } catch (err) {
    throw new ApiError(0, "network", err instanceof Error ? err.message : String(err));
  }
  if (res.ok) return res;
  /** @type {any} */
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const error = body && typeof body === "object" ? body.error : null;
  throw new ApiError(
    res.status,
    error?.code ?? `http_${res.status}`,
    error?.message ?? res.statusText,
    Array.isArray(error?.details) ? error.details : [],
  );
}

/**
 * A JSON request: the parsed body and the ETag (an entry's version).
 * @template T
 * @param {string} method
 * @param {string} path
 * @param {RequestOptions} [opts]
 * @returns {Promise<{ data: T, etag: string | null, status: number }>}
 */
export async function json(method, path, opts = {}) {
  const res = await send(method, path, opts);
  const text = await res.text();
  return {
    data: /** @type {T} */ (text ? JSON.parse(text) : null),
    etag: res.headers.get("etag"),
    status: res.status,
  };
}

/**
 * The file name a download response proposes (Content-Disposition), if any.
 * @param {Response} res
 */
export function fileNameOf(res) {
  const cd = res.headers.get("content-disposition") ?? "";
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(cd);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}
