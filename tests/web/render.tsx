import { Route, Router } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { I18nProvider, type Locale } from '../../web/src/i18n';
import { SiteProvider } from '../../web/src/lib/site-context';

/**
 * Renders a component inside the app's providers, with the API answered by `fetchMock`. Give a route
 * `path` (e.g. "/accounts/:key") and set the location first when the component reads route params.
 */
export function withProviders(ui: () => JSX.Element, locale: Locale = 'zh-CN', path = '*') {
  return () => (
    <I18nProvider locale={locale}>
      <SiteProvider>
        <Router>
          <Route path={path} component={ui} />
        </Router>
      </SiteProvider>
    </I18nProvider>
  );
}

export function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
