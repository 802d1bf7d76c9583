import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatWhen } from '../../lib/format';

export interface ConsentPanelProps {
  kind: 'clubs' | 'activities';
  id: number;
  /** The viewer is an association administrator (may object). */
  admin: boolean;
  /** The viewer's member id (withdraws their own objections). */
  memberId: number | null;
  /** Called after an objection or a withdrawal, so the page reloads the plan's state. */
  onChange?: () => void;
}

/** Who was asked, until when, the objections with their reasons; an Object form for admins, Withdraw for the objector. */
export function ConsentPanel(props: ConsentPanelProps) {
  const { t, locale } = useI18n();
  const endpoint = () => (props.kind === 'clubs' ? api.api.clubs[':id'] : api.api.activities[':id']);
  const param = () => ({ param: { id: String(props.id) } });
  const [consent, { refetch }] = createResource(
    () => props.id,
    () => request(endpoint().consent.$get(param())),
  );
  const [error, setError] = createSignal<unknown>();
  const [reason, setReason] = createSignal('');

  async function act(run: () => Promise<unknown>) {
    setError(undefined);
    try {
      await run();
      setReason('');
      await refetch();
      props.onChange?.();
    } catch (err) {
      setError(err);
    }
  }

  const objectNow = (e: SubmitEvent) => {
    e.preventDefault();
    const json = { reason: reason().trim() };
    void act(() =>
      request(
        props.kind === 'clubs'
          ? api.api.clubs[':id'].objections.$post({ ...param(), json })
          : api.api.activities[':id'].objections.$post({ ...param(), json }),
      ),
    );
  };
  const withdraw = (objectionId: number) =>
    act(() =>
      request(
        props.kind === 'clubs'
          ? api.api.clubs[':id'].objections[':objectionId'].withdraw.$post({
              param: { id: String(props.id), objectionId: String(objectionId) },
            })
          : api.api.activities[':id'].objections[':objectionId'].withdraw.$post({
              param: { id: String(props.id), objectionId: String(objectionId) },
            }),
      ),
    );

  return (
    <Show when={!consent.error && consent()?.window}>
      {(w) => (
        <section class="card consent" aria-labelledby={`consent-${props.id}`}>
          <h2 id={`consent-${props.id}`}>{t('consent.title')}</h2>
          <p class="help">{t('consent.intro', { days: String(consent()?.days ?? '') })}</p>
          <p>
            <span class="tag">{t(`consent.status_${w().status}`)}</span>{' '}
            {t('consent.deadline', { when: formatWhen(w().deadline, locale()) })}
          </p>
          <h3>{t('consent.asked')}</h3>
          <p>
            {w()
              .asked.map((p) => p.displayName)
              .join('、')}
          </p>
          <h3>{t('consent.objections')}</h3>
          <Show when={w().objections.length > 0} fallback={<p>{t('consent.noObjections')}</p>}>
            <ul>
              <For each={w().objections}>
                {(o) => (
                  <li>
                    <strong>{o.objector.displayName}</strong>：{o.reason}{' '}
                    <Show when={o.resolution}>{(r) => <span class="tag">{t(`consent.resolution_${r()}`)}</span>}</Show>
                    <Show when={!o.resolvedAt && o.objector.id === props.memberId && w().status !== 'approved'}>
                      {' '}
                      <button class="button secondary" type="button" onClick={() => void withdraw(o.id)}>
                        {t('consent.withdraw')}
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <ErrorMessage error={error()} />
          <Show when={props.admin && w().status !== 'approved'}>
            <form onSubmit={objectNow}>
              <div class="field">
                <label for={`consent-reason-${props.id}`}>{t('consent.reason')}</label>
                <textarea
                  id={`consent-reason-${props.id}`}
                  required
                  minlength="2"
                  maxlength="500"
                  value={reason()}
                  onInput={(e) => setReason(e.currentTarget.value)}
                />
              </div>
              <button class="button" type="submit">
                {t('consent.object')}
              </button>
            </form>
          </Show>
        </section>
      )}
    </Show>
  );
}
