import { useParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { yuan } from '../../lib/format';
import { PrintPage, PrintQr, useCommunityName } from './print-page';
import { rangeInZone } from './zoned';

type Poster = Awaited<ReturnType<typeof loadPoster>>;
const loadPoster = (id: string) => request(api.api.activities[':id'].poster.$get({ param: { id } }));

/** The poster's line about places: how many are left while sign-up is open, otherwise where the activity stands. */
type PlacesKey = 'print.placesLeft' | 'print.full' | 'print.fullWaitlist' | 'print.signupClosed' | 'print.happened' | 'print.notOpen';
function placesKey(p: Poster): { key: PlacesKey; count?: number } {
  if (p.state === 'open') {
    if (p.placesLeft > 0) return { key: 'print.placesLeft', count: p.placesLeft };
    return { key: p.waitlist ? 'print.fullWaitlist' : 'print.full' };
  }
  if (p.state === 'closed') return { key: 'print.signupClosed' };
  if (['held', 'settled', 'reviewed'].includes(p.state)) return { key: 'print.happened' };
  return { key: 'print.notOpen' };
}

/** An A5 poster of an activity for the notice board: public facts only, never a resident's name. */
export default function ActivityPoster() {
  const params = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const communityName = useCommunityName();
  const [poster] = createResource(() => params.id, loadPoster);
  return (
    <>
      <ErrorMessage error={poster.error} />
      <Show when={poster.state === 'ready' ? poster() : undefined} fallback={<Show when={!poster.error}>{<p>{t('app.loading')}</p>}</Show>}>
        {(p) => {
          const places = () => placesKey(p());
          return (
            <PrintPage size="a5" back={`/activities/${p().id}`}>
              <p class="kicker">{p().clubName ? t('print.club', { name: p().clubName ?? '' }) : t('print.hub')}</p>
              <h1>{p().title}</h1>
              <dl class="print-facts">
                <dt>{t('print.when')}</dt>
                <dd data-print="when">{rangeInZone(p().startsAt, p().endsAt, locale(), p().timeZone)}</dd>
                <Show when={p().place}>
                  <dt>{t('print.where')}</dt>
                  <dd>{p().place}</dd>
                </Show>
                <dt>{t('print.cost')}</dt>
                <dd>{p().feeFen > 0 ? t('print.costAA', { amount: yuan(p().feeFen) }) : t('print.free')}</dd>
              </dl>
              <p class="places">{t(places().key, { count: String(places().count ?? '') })}</p>
              <PrintQr path={`/activities/${p().id}`} caption={t('print.scanActivity')} />
              <footer class="print-footer">
                <span>{communityName()}</span>
                <span>{t('print.timeZone', { zone: p().timeZone })}</span>
              </footer>
            </PrintPage>
          );
        }}
      </Show>
    </>
  );
}
