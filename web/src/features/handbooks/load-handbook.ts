import type { Locale } from '../../i18n';
import { api, request } from '../../lib/api';
import { loadOnce, startLoading } from '../../lib/first-data';

const fetchHandbook = (handbook: string, locale: Locale) =>
  request(api.api.handbooks[':handbook'].$get({ param: { handbook }, query: { locale, view: 'read' } }));

/** A whole handbook, rendered for reading, without its Markdown (the answer started by the route, the first time). */
export const loadHandbook = (handbook: string, locale: Locale) =>
  loadOnce(`handbook:${handbook}:${locale}`, () => fetchHandbook(handbook, locale));

/** The route's preload: the handbook is asked for alongside the reader's code. */
export const preloadHandbook = (handbook: string, locale: Locale) =>
  startLoading(`handbook:${handbook}:${locale}`, () => fetchHandbook(handbook, locale));
