import { useParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { PrintPage, PrintQr, useCommunityName } from './print-page';
import { calendarDate, dateInZone } from './zoned';

/** An A5 poster of an adopted decision, for the buildings' notice boards. It never names who raised the issue. */
export default function DecisionPoster() {
  const params = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const communityName = useCommunityName();
  const [poster] = createResource(
    () => params.id,
    (id) => request(api.api.issues[':id']['decision-poster'].$get({ param: { id } })),
  );
  return (
    <>
      <MemberGate next={`/issues/${params.id}/decision-poster`} />
      <ErrorMessage error={poster.error} />
      <Show when={poster.state === 'ready' ? poster() : undefined}>
        {(p) => (
          <PrintPage size="a5" back={`/issues/${p().id}`}>
            <p class="kicker">{t('print.decisionHeading')}</p>
            <h1>{t('print.issue', { title: p().title })}</h1>
            <p class="decision-text">{p().decisionText}</p>
            <Show when={p().decidedAt}>
              {(at) => <p data-print="decided">{t('print.decidedOn', { date: dateInZone(at(), locale(), p().timeZone) })}</p>}
            </Show>
            <Show when={p().implementationOwner}>
              <p>{t('print.implementer', { owner: p().implementationOwner ?? '' })}</p>
            </Show>
            <Show when={p().dueOn}>{(due) => <p>{t('print.due', { date: calendarDate(due(), locale()) })}</p>}</Show>
            <PrintQr path={`/issues/${p().id}`} caption={t('print.scanDecision')} />
            <footer class="print-footer">
              <span>{communityName()}</span>
              <span>{t('print.timeZone', { zone: p().timeZone })}</span>
            </footer>
          </PrintPage>
        )}
      </Show>
    </>
  );
}
