import { Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';

/**
 * The pool's prepared databases: how many are ready for a sign-up against the target the cron keeps, and a button
 * that prepares the missing ones now (at most 50 in one go), as the 5-minute cron would.
 */
export function WarmPool(props: { prepared: number; target: number; free: number; refetch: () => unknown }) {
  const { t } = useI18n();
  const action = createAction(props.refetch);
  const missing = () => Math.min(50, Math.max(0, Math.min(props.target, props.free) - props.prepared));

  async function prepare() {
    let summary = '';
    await action.run(async () => {
      const report = await request(api.api.operator.pool.prepare.$post({ json: { count: missing() } }));
      summary = t('operator.preparedNow', { prepared: String(report.prepared.length), failed: String(report.failed.length) });
    });
    if (summary) action.setMessage(summary);
  }

  return (
    <section class="warm-pool" aria-labelledby="warm-pool-title">
      <h3 id="warm-pool-title">{t('operator.warmPool')}</h3>
      <p class="help">{t('operator.warmPoolHelp', { target: String(props.target) })}</p>
      <p>
        <strong>{t('operator.preparedCount', { prepared: String(props.prepared), target: String(props.target) })}</strong>
      </p>
      <ErrorMessage error={action.error()} />
      <Show when={action.message()}>
        <p role="status">{action.message()}</p>
      </Show>
      <Show when={missing() > 0}>
        <button type="button" class="button secondary" disabled={action.busy()} onClick={() => void prepare()}>
          {t('operator.prepareNow', { count: String(missing()) })}
        </button>
      </Show>
    </section>
  );
}
