import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import type { Bindings } from '../../worker/env';
import { clerkFrontendApi } from '../../worker/http/security-headers';
import { createCommunity, dispatch, PLATFORM, rawCall } from './helpers';

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await dispatch(new Request(url, { headers }));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Calls the app with other settings, as a production deployment would run. */
async function getWithEnv(overrides: Partial<Bindings>, url: string) {
  const response = await app.fetch(new Request(url), { ...env, ...overrides }, createExecutionContext());
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** `{ directive: [sources] }` of a Content-Security-Policy header. */
function parsePolicy(header: string | null): Record<string, string[]> {
  expect(header).toBeTruthy();
  return Object.fromEntries(
    header!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectPagePolicy(headers: Headers) {
  const policy = parsePolicy(headers.get('content-security-policy'));
  const scripts = policy['script-src'] ?? policy['default-src']!;
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain('*');
  expect(policy['frame-ancestors']).toEqual(["'none'"]);
  expect(policy['object-src']).toEqual(["'none'"]);
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  return policy;
}

const PUBLISHABLE_KEY = `pk_live_${btoa('clerk.huzhu.example.org$')}`;

describe('headers of pages and static assets', () => {
  let community: Awaited<ReturnType<typeof createCommunity>>;

  beforeAll(async () => {
    community = await createCommunity(uid('headers-founder'));
  });

  it('sends the page policy, referrer policy and nosniff with the web app on the platform, and no camera there', async () => {
    const page = await get(`http://${PLATFORM}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const policy = expectPagePolicy(page.headers);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(page.headers.get('permissions-policy')).toContain('camera=()');
    // Locally there is no TLS, so no HSTS.
    expect(page.headers.get('strict-transport-security')).toBeNull();
  });

  it('has no inline script in the built index.html that the policy would block', async () => {
    const page = await get(`http://${PLATFORM}/`);
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    // The site info travels as a JSON data block: the browser never runs it, so the policy has nothing to block.
    const data = scripts.filter(([, attrs]) => /\btype="application\/json"/.test(attrs!));
    expect(data.map(([, attrs]) => attrs!.trim())).toEqual(['type="application/json" id="site-info"']);
    expect(JSON.parse(data[0]![2]!)).toMatchObject({ host: 'platform' });
    const inline = scripts
      .filter(([, attrs]) => !/\btype="application\/json"/.test(attrs!))
      .filter(([, attrs, body]) => !/\bsrc=/.test(attrs!) || body!.trim());
    expect(inline).toEqual([]);
    expect(page.text).not.toMatch(/\son[a-z]+=/i);
  });

  it('keeps a community name with a closing script tag inside the data block', async () => {
    const tricky = await createCommunity(uid('headers-tricky'), { nameZh: '竹</script><script>alert(1)</script>园' });
    const page = await get(`http://${tricky.host}/`);
    expect(page.status).toBe(200);
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    const data = scripts.filter(([, attrs]) => /id="site-info"/.test(attrs!));
    expect(data).toHaveLength(1);
    expect(scripts.some(([, , body]) => body!.includes('alert(1)') && !body!.includes('\\u003c'))).toBe(false);
    expect(JSON.parse(data[0]![2]!).community.name.zh).toBe('竹</script><script>alert(1)</script>园');
  });

  it('lets a community site use the camera (check-in QR codes, ISBN barcodes) for itself only', async () => {
    for (const path of ['/', '/activities/1/check-in']) {
      const page = await get(`http://${community.host}${path}`);
      expect(page.status).toBe(200);
      expectPagePolicy(page.headers);
      const permissions = page.headers.get('permissions-policy')!;
      expect(permissions).toContain('camera=(self)');
      expect(permissions).toContain('microphone=()');
      expect(permissions).toContain('geolocation=()');
    }
  });

  it('sends the same headers with the scripts and styles of the bundle', async () => {
    const page = await get(`http://${community.host}/`);
    const assets = [...page.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const res = await get(`http://${community.host}${asset}`);
      expect(res.status, asset).toBe(200);
      expectPagePolicy(res.headers);
    }
  });

  it('lets the site install: its manifest served as a manifest, its service worker as a script, both under the policy', async () => {
    const page = await get(`http://${community.host}/`);
    expect(page.text).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    const policy = expectPagePolicy(page.headers);
    expect(policy['manifest-src']).toEqual(["'self'"]);
    expect(policy['worker-src']).toContain("'self'");

    const manifest = await get(`http://${community.host}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    expect(JSON.parse(manifest.text)).toMatchObject({ lang: 'zh-CN', start_url: '/', display: 'standalone' });
    const worker = await get(`http://${community.host}/service-worker.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    expectPagePolicy(worker.headers);
  });

  it('sends them with the status pages of unknown hosts too, which repeat nothing of the request', async () => {
    const page = await get('http://no-such-place.localhost/some/path?q=<b>hi</b>');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const policy = expectPagePolicy(page.headers);
    // The page's own <style> is inline; scripts stay closed.
    expect(policy['style-src']).toContain("'unsafe-inline'");
    expect(page.text).not.toContain('no-such-place');
    expect(page.text).not.toContain('<b>hi</b>');
    expect(page.text).not.toMatch(/<script/i);
  });

  it('closes API answers to loading, running and framing', async () => {
    const res = await get(`http://${community.host}/api/community`);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(parsePolicy(res.headers.get('content-security-policy'))).toMatchObject({
      'default-src': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('adds HSTS off localhost, and opens the policy to Clerk only when Clerk signs people in', async () => {
    const clerkHost = 'clerk.huzhu.example.org';
    const production = { PLATFORM_HOST: 'huzhu.example.org', AUTH_MODE: 'clerk', CLERK_PUBLISHABLE_KEY: PUBLISHABLE_KEY };
    const page = await getWithEnv(production, 'https://huzhu.example.org/');
    expect(page.status).toBe(200);
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const policy = expectPagePolicy(page.headers);
    expect(policy['script-src']).toContain(`https://${clerkHost}`);
    expect(policy['connect-src']).toContain(`https://${clerkHost}`);
    const api = await getWithEnv(production, 'https://huzhu.example.org/api/health');
    expect(api.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');

    // The same deployment without a publishable key, and the development provider locally, name no Clerk host.
    const withoutKey = await getWithEnv({ ...production, CLERK_PUBLISHABLE_KEY: undefined }, 'https://huzhu.example.org/');
    expect(withoutKey.headers.get('content-security-policy')).not.toContain('clerk');
    const local = await getWithEnv({ CLERK_PUBLISHABLE_KEY: PUBLISHABLE_KEY }, 'http://localhost/');
    expect(local.headers.get('content-security-policy')).not.toContain('clerk');
  });

  it("reads Clerk's frontend API host from the publishable key, and nothing from a malformed one", () => {
    expect(clerkFrontendApi(PUBLISHABLE_KEY)).toBe('clerk.huzhu.example.org');
    expect(clerkFrontendApi(`pk_test_${btoa('happy-cat-12.clerk.accounts.dev$')}`)).toBe('happy-cat-12.clerk.accounts.dev');
    expect(clerkFrontendApi(`pk_live_${btoa("evil.org 'unsafe-inline'$")}`)).toBeNull();
    expect(clerkFrontendApi('sk_live_secret')).toBeNull();
  });
});

describe('uploaded files', () => {
  let community: Awaited<ReturnType<typeof createCommunity>>;
  let tenant: D1Database;

  beforeAll(async () => {
    community = await createCommunity(uid('files-founder'));
    const row = await env.PLATFORM_DB.prepare('SELECT id, database_binding FROM communities WHERE slug = ?')
      .bind(community.slug)
      .first<{ id: string; database_binding: string }>();
    tenant = (env as unknown as Record<string, D1Database>)[row!.database_binding]!;
  });

  /** Stores a file the way an upload does, with whatever type the record claims. */
  async function stored(kind: 'activity-photo' | 'receipt', contentType: string, bytes: string) {
    const key = `${community.slug}/${kind}/${crypto.randomUUID()}`;
    await env.MEDIA.put(key, bytes, { httpMetadata: { contentType } });
    const row = await tenant
      .prepare('INSERT INTO media_files (kind, object_key, content_type, size, uploaded_by) VALUES (?, ?, ?, ?, 1) RETURNING id')
      .bind(kind, key, contentType, bytes.length)
      .first<{ id: number }>();
    return row!.id;
  }

  it('serves a photo inline as the raster image it is, with a filename of ours and nosniff', async () => {
    const id = await stored('activity-photo', 'image/png', '\x89PNG....');
    const res = await get(`http://${community.host}/api/photos/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="photo-${id}.png"`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('hands a receipt out as a download', async () => {
    const id = await stored('receipt', 'application/pdf', '%PDF-1.4');
    const res = await get(`http://${community.host}/api/receipts/${id}`, { authorization: `Bearer ${community.founderToken}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="receipt-${id}.pdf"`);
  });

  it.each(['text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/javascript'])(
    'never serves a stored %s as a page: it becomes a download of plain bytes',
    async (type) => {
      const id = await stored('activity-photo', type, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
      const res = await get(`http://${community.host}/api/photos/${id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('keeps the photo list as JSON (control)', async () => {
    const list = await rawCall(community.host, '/api/activities/999999/photos');
    expect(list.status).toBe(404);
    expect(list.headers.get('content-disposition')).toBeNull();
  });
});
