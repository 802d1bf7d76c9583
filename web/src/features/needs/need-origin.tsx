import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

/** "来自需求登记：…" on an activity's or a club's page, when it came from a resident's need. */
export function NeedOrigin(props: { activityId?: number; clubId?: number }) {
  const { t } = useI18n();
  const [origin] = createResource(
    () => ({ activityId: props.activityId, clubId: props.clubId }),
    (link) =>
      request(
        api.api.needs.origin.$get({
          query: link.activityId !== undefined ? { activityId: String(link.activityId) } : { clubId: String(link.clubId) },
        }),
      ).catch(() => null),
  );
  return (
    <Show when={origin()?.need}>
      {(need) => (
        <p class="notice need-origin">
          {t('need.fromNeed')}
          <A href={`/needs/${need().id}`}>{need().title}</A>
        </p>
      )}
    </Show>
  );
}
