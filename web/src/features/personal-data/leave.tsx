import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { useSite } from '../../lib/site-context';
import { LeaveConfirmation } from './leave-confirmation';

/** 「离开社区」: the reader leaves, keeping or deleting their data, after reading what each choice means. */
export default function Leave() {
  const { t } = useI18n();
  const { me, refetchMe } = useSite();
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<{ deleted: boolean }>();

  async function leave(deleteData: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      const result = await request(api.api.members.me.leave.$post({ json: { deleteData, confirmed: true } }));
      setDone({ deleted: result.deleted });
      await refetchMe();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="leave-community">
      <h1>{t('personalData.leave.title')}</h1>
      <Show
        when={done()}
        fallback={
          <>
            <MemberGate next="/me/leave" />
            <Show when={me()?.member}>
              <p class="lead">{t('personalData.leave.intro')}</p>
              <p>
                <A href="/me/data">{t('personalData.dataLink')}</A>
              </p>
              <LeaveConfirmation busy={busy()} onConfirm={(d) => void leave(d)} />
              <ErrorMessage error={error()} />
            </Show>
          </>
        }
      >
        {(d) => (
          <div class="card" role="status">
            <h2>{t('personalData.leave.doneTitle')}</h2>
            <p>{d().deleted ? t('personalData.leave.doneDeleted') : t('personalData.leave.doneKept')}</p>
            <p>
              <A href="/">{t('personalData.leave.home')}</A>
            </p>
          </div>
        )}
      </Show>
    </section>
  );
}
