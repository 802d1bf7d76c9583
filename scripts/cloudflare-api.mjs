// A small client for Cloudflare's v4 API, used by the operator scripts (scripts/pool-grow.mjs): bearer auth, the
// API's `success` checks, and retries on 429 and 5xx with backoff.

export const API_BASE = 'https://api.cloudflare.com/client/v4';

/** A Cloudflare API call that did not succeed; `errors` are the API's own `errors[]`. */
export class CloudflareApiError extends Error {
  constructor(message, { status, errors = [], method, path } = {}) {
    super(message);
    this.name = 'CloudflareApiError';
    this.status = status;
    this.errors = errors;
    this.method = method;
    this.path = path;
  }
}

function describeErrors(errors) {
  if (!Array.isArray(errors) || errors.length === 0) return '';
  return errors
    .map((e) => (e && typeof e === 'object' ? `${e.message ?? JSON.stringify(e)}${e.code ? ` [code ${e.code}]` : ''}` : String(e)))
    .join('; ');
}

function isRetryable(status) {
  return status === 429 || status >= 500;
}

export const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small Cloudflare v4 client: bearer auth, `success` checks, retries on 429/5xx. */
export function createClient({ accountId, apiToken, fetch, retries = 2, retryDelayMs = 1000, sleep = defaultSleep, log = () => {} }) {
  const accountPath = `/accounts/${encodeURIComponent(accountId)}`;

  async function request(method, path, { json, form } = {}) {
    const url = `${API_BASE}${accountPath}${path}`;
    const label = `${method} ${accountPath}${path}`;
    for (let attempt = 0; ; attempt++) {
      const headers = { Authorization: `Bearer ${apiToken}`, Accept: 'application/json' };
      let body;
      if (json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(json);
      } else if (form !== undefined) {
        body = form(); // fresh FormData per attempt; fetch sets the multipart boundary itself
      }

      let res;
      try {
        res = await fetch(url, { method, headers, body });
      } catch (err) {
        if (attempt < retries) {
          const wait = retryDelayMs * 2 ** attempt;
          log(`  ${label}: network error (${err.message}); retrying in ${wait} ms`);
          await sleep(wait);
          continue;
        }
        throw new CloudflareApiError(`${label} failed: ${err.message}`, { method, path });
      }

      if (isRetryable(res.status) && attempt < retries) {
        const retryAfter = Number(res.headers?.get?.('retry-after'));
        const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 30_000) : retryDelayMs * 2 ** attempt;
        log(`  ${label}: HTTP ${res.status}; retrying in ${wait} ms`);
        await res.text().catch(() => {});
        await sleep(wait);
        continue;
      }

      const text = await res.text();
      let payload;
      try {
        payload = text ? JSON.parse(text) : null;
      } catch {
        payload = null;
      }
      if (!payload || typeof payload !== 'object') {
        throw new CloudflareApiError(`${label} failed: HTTP ${res.status}, response was not JSON: ${text.slice(0, 200)}`, {
          status: res.status,
          method,
          path,
        });
      }
      if (!res.ok || payload.success !== true) {
        const detail = describeErrors(payload.errors) || 'no error message in response';
        throw new CloudflareApiError(`${label} failed (HTTP ${res.status}): ${detail}`, {
          status: res.status,
          errors: payload.errors ?? [],
          method,
          path,
        });
      }
      return payload;
    }
  }

  return { request };
}
