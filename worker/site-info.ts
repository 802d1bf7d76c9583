import { DEFAULT_TIME_ZONE } from './community/profile/rules';
import { communityTimeZone } from './community/profile/service';
import type { AppContext } from './http/context';

/** What this host is and how to sign in here: GET /api/site, and the same inside every page of the web app. */
export async function siteInfo(c: AppContext) {
  const host = c.get('host');
  const config = c.get('config');
  const timeZone = host.kind === 'community' ? await communityTimeZone(host.db) : DEFAULT_TIME_ZONE;
  return {
    host: host.kind,
    platformHost: config.platformHost,
    authMode: config.authMode,
    clerkPublishableKey: config.clerkPublishableKey ?? null,
    community:
      host.kind === 'community' ? { slug: host.community.slug, name: { zh: host.community.nameZh, en: host.community.nameEn } } : null,
    timeZone,
  };
}

/**
 * The site info as a page carries it: a JSON script the web app reads before it draws anything, so no page waits a
 * round trip for GET /api/site. `<` is escaped, so a community name can never close the script element.
 */
export function siteInfoScript(info: Awaited<ReturnType<typeof siteInfo>>): string {
  const json = JSON.stringify(info).replace(/</g, '\\u003c');
  return `<script type="application/json" id="site-info">${json}</script>`;
}
