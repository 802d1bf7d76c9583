import { A, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { safetyItems } from '../../../../worker/community/children/rules';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { ApiError, api, request } from '../../lib/api';
import { loadActivity, takeStep } from '../activities/activity-detail/activity';
import { ChildrenList } from './children-list';
import { Headcount } from './headcount';

/** The organiser's safety step: the template's checklist, the adult in charge, opening sign-ups, headcounts, the children. */
export default function SafetyPage() {
  const params = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const { member } = useMembership();
  const [activity, { refetch: refetchActivity }] = createResource(() => member() && params.id, loadActivity);
  const [safety, { refetch }] = createResource(
    () => member() && params.id,
    (id) => request(api.api.activities[':id'].safety.$get({ param: { id } })),
  );
  const [checked, setChecked] = createSignal<string[]>([]);
  const [adultName, setAdultName] = createSignal('');
  const [adultPhone, setAdultPhone] = createSignal('');
  const [refused, setRefused] = createSignal<string[]>([]);
  createEffect(() => {
    const s = safety.latest;
    if (!s) return;
    setChecked(s.checkedItems);
    setAdultName(s.adultName);
    setAdultPhone(s.adultPhone);
  });
  const action = createAction(async () => {
    await refetch();
    await refetchActivity();
  });
  const label = (key: string) => {
    const item = safetyItems.find((i) => i.key === key);
    return item ? (locale() === 'en' ? item.en : item.zh) : t('children.item_adult-in-charge');
  };
  const toggle = (key: string, on: boolean) => setChecked((c) => (on ? [...c.filter((k) => k !== key), key] : c.filter((k) => k !== key)));

  async function open() {
    setRefused([]);
    await action.run(async () => {
      try {
        await takeStep(params.id, 'open');
      } catch (e) {
        const missing = e instanceof ApiError ? e.details?.safety : undefined;
        if (missing) setRefused(missing);
        throw e;
      }
    }, t('children.opened'));
  }

  return (
    <section class="children-safety">
      <MemberGate next={`/activities/${params.id}/safety`} />
      <Show when={activity.latest}>
        {(a) => (
          <>
            <h1>{t('children.safetyTitle', { title: a().title })}</h1>
            <p class="lead">{t('children.safetyIntro')}</p>
            <p>
              <A href={`/activities/${params.id}`}>{t('children.back')}</A>
            </p>
          </>
        )}
      </Show>
      <Show when={action.message()}>
        <p class="notice" role="status">
          {action.message()}
        </p>
      </Show>
      <Show when={refused().length > 0}>
        <p class="alert" role="alert">
          {t('children.refused', { items: refused().map(label).join('；') })}
        </p>
      </Show>
      <ErrorMessage error={refused().length > 0 ? undefined : (action.error() ?? safety.error)} detail />
      <Show when={safety.latest}>
        {(s) => (
          <>
            <Show when={!s().required}>
              <p class="help">{t('children.notRequired')}</p>
            </Show>
            <p class={s().missing.length === 0 ? 'notice' : 'help'}>
              {s().missing.length === 0 ? t('children.allDone') : t('children.missing', { n: String(s().missing.length) })}
            </p>
            <form
              class="card"
              onSubmit={(e) => {
                e.preventDefault();
                void action.run(
                  () =>
                    request(
                      api.api.activities[':id'].safety.$put({
                        param: { id: params.id },
                        json: {
                          checkedItems: safetyItems.map((i) => i.key).filter((k) => checked().includes(k)),
                          adultName: adultName().trim(),
                          adultPhone: adultPhone().trim(),
                        },
                      }),
                    ),
                  t('children.saved'),
                );
              }}
            >
              <fieldset>
                <legend>{t('children.safetyLink')}</legend>
                <For each={safetyItems}>
                  {(item) => (
                    <label class="radio block">
                      <input
                        type="checkbox"
                        checked={checked().includes(item.key)}
                        onChange={(e) => toggle(item.key, e.currentTarget.checked)}
                      />
                      {locale() === 'en' ? item.en : item.zh}
                    </label>
                  )}
                </For>
              </fieldset>
              <div class="field">
                <label for="safety-adult">{t('children.adultName')}</label>
                <input id="safety-adult" maxlength="20" value={adultName()} onInput={(e) => setAdultName(e.currentTarget.value)} />
              </div>
              <div class="field">
                <label for="safety-phone">{t('children.adultPhone')}</label>
                <input
                  id="safety-phone"
                  type="tel"
                  maxlength="20"
                  value={adultPhone()}
                  onInput={(e) => setAdultPhone(e.currentTarget.value)}
                />
              </div>
              <button type="submit" class="button" disabled={action.busy()}>
                {t('children.save')}
              </button>
            </form>
            <Show when={activity.latest && ['approved', 'closed'].includes(activity.latest.state)}>
              <button type="button" class="button" disabled={action.busy()} onClick={() => void open()}>
                {t('children.open')}
              </button>
            </Show>
            <Headcount activityId={params.id} safety={s()} action={action} />
          </>
        )}
      </Show>
      <Show when={member()}>
        <ChildrenList activityId={params.id} />
      </Show>
    </section>
  );
}
