import { createMiddleware } from 'hono/factory';
import type { Bindings } from '../env';
import type { AppEnv } from './context';

/** Clerk's frontend API host, which its publishable key carries base64-encoded (`pk_live_<base64("clerk.example.org$")>`). */
export function clerkFrontendApi(publishableKey: string): string | null {
  const match = /^pk_(?:test|live)_([A-Za-z0-9+/=_-]+)$/.exec(publishableKey.trim());
  if (!match) return null;
  let decoded: string;
  try {
    decoded = atob(match[1]!.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const host = decoded.replace(/\$$/, '').toLowerCase();
  return /^[a-z0-9.-]+(?::\d{1,5})?$/.test(host) ? host : null;
}

function clerkSources(env: Bindings) {
  const frontendApi = env.AUTH_MODE === 'clerk' && env.CLERK_PUBLISHABLE_KEY ? clerkFrontendApi(env.CLERK_PUBLISHABLE_KEY) : null;
  if (!frontendApi) return null;
  // What Clerk's sign-in needs: its own script and API, its users' pictures, and the bot check it shows on sign-up.
  return { api: `https://${frontendApi}`, images: 'https://img.clerk.com', challenges: 'https://challenges.cloudflare.com' };
}

/**
 * The policy of the web app and every page: scripts only from our own bundle (no inline script anywhere:
 * index.html has none and the status pages none), so an injected `<script>` or `onclick` never runs.
 * Styles keep 'unsafe-inline' because Solid writes style attributes and Clerk styles itself at run time.
 */
export function pagePolicy(env: Bindings): string {
  const clerk = clerkSources(env);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...(clerk ? [clerk.api, clerk.challenges] : [])]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...(clerk ? [clerk.images] : [])]],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...(clerk ? [clerk.api] : [])]],
    ['frame-src', clerk ? [clerk.challenges] : ["'none'"]],
    // The site's own service worker (/service-worker.js) and its install manifest.
    ['worker-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** API answers are data, never a document: nothing in them may load or run, nor be framed. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Only community sites use the camera: the check-in page reads activity QR codes and the library will read ISBN
 * barcodes. The SPA changes pages without reloading, so the policy is per host, not per path.
 */
export function permissionsPolicy(communityHost: boolean): string {
  return [`camera=(${communityHost ? 'self' : ''})`, 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()'].join(', ');
}

const LOCAL_PLATFORM_HOSTS = new Set(['localhost', '127.0.0.1']);
/** Types a browser could run or render as a document if it opened them from our origin. */
const ACTIVE_TYPES = /^(text\/html|application\/xhtml|image\/svg|text\/xml|application\/xml|[a-z]+\/[a-z.+-]*javascript)/i;

/**
 * Sets the security headers on every response: the page policy on documents and static assets, a closed policy
 * on API answers, and never an API file a browser would open as a page. HSTS everywhere but on a local platform.
 */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  // Responses fetched from the assets binding have immutable headers.
  const response = new Response(c.res.body, c.res);
  const headers = response.headers;
  const isApi = c.req.path.startsWith('/api/');
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  headers.set('x-frame-options', 'DENY');
  if (isApi) {
    headers.set('content-security-policy', API_POLICY);
    const type = headers.get('content-type') ?? '';
    if ((type === '' || ACTIVE_TYPES.test(type)) && response.body !== null) headers.set('content-disposition', 'attachment');
  } else {
    headers.set('content-security-policy', pagePolicy(c.env));
    headers.set('permissions-policy', permissionsPolicy(c.get('host')?.kind === 'community'));
  }
  if (!LOCAL_PLATFORM_HOSTS.has((c.env.PLATFORM_HOST ?? '').trim().toLowerCase())) {
    headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  }
  c.res = undefined;
  c.res = response;
});

const RASTER_EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * How a stored upload is handed out: a raster image inline (pages show it in an `<img>`), a PDF or anything else
 * as a download, and never with a type a browser would open as a page. `baseName` is ours, e.g. `photo-12`.
 */
export function uploadHeaders(storedType: string, baseName: string): Record<string, string> {
  const type = storedType.toLowerCase();
  const extension = RASTER_EXTENSIONS[type];
  if (extension) return { 'content-type': type, 'content-disposition': `inline; filename="${baseName}.${extension}"` };
  if (type === 'application/pdf') return { 'content-type': type, 'content-disposition': `attachment; filename="${baseName}.pdf"` };
  return { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${baseName}"` };
}
