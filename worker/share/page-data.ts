/**
 * A visitor's data inside the page. On the routes below, the page's HTML carries what GET of the route's API answers
 * a visitor (no session), so the first visit draws without a round trip for it on a slow line. It is exactly the
 * anonymous answer, asked of the app itself, so it shows nothing a visitor could not read; the web app uses it only
 * when nobody is signed in (web/src/lib/first-data.ts), once, under the same key its route's preload asks by.
 */
const VISITOR_DATA = [
  { page: /^\/activities\/(\d{1,9})$/, key: (id: string) => `activity:${id}`, api: (id: string) => `/api/activities/${id}` },
  // A handbook as the reader asks for it in the site's first language; a reader in English asks the API as before.
  {
    page: /^\/handbooks\/([a-z0-9-]{1,60})$/,
    key: (handbook: string) => `handbook:${handbook}:zh-CN`,
    api: (handbook: string) => `/api/handbooks/${handbook}?locale=zh-CN&view=read`,
  },
];

/** The app answering a request as it would from outside (the Worker's own app, with this request's bindings). */
export type Dispatch = (request: Request) => Promise<Response>;

/** The data block for `url`'s page, or '' where the page has none or a visitor may not read it. */
export async function visitorDataScript(url: URL, dispatch: Dispatch): Promise<string> {
  for (const route of VISITOR_DATA) {
    const id = route.page.exec(url.pathname)?.[1];
    if (!id) continue;
    const answer = await dispatch(new Request(new URL(route.api(id), url.origin), { headers: { accept: 'application/json' } })).catch(
      () => null,
    );
    if (answer?.status !== 200 || !answer.headers.get('content-type')?.includes('application/json')) return '';
    // `<` escaped (only strings hold one in JSON), so nothing in the data can close the script element.
    const json = (await answer.text()).replace(/</g, '\\u003c');
    return `<script type="application/json" id="page-data" data-key="${route.key(id)}">${json}</script>`;
  }
  return '';
}
