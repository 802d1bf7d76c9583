import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { formatDate, formatWhen } from '../../lib/format';

export const loadChildren = () => request(api.api.children.$get());

/** 我的孩子: a guardian's children, adding one, and their sign-ups with the consent given and its details while kept. */
export default function MyChildren() {
  const { t, locale } = useI18n();
  const { member } = useMembership();
  const [data, { refetch }] = createResource(() => member()?.id, loadChildren);
  const [name, setName] = createSignal('');
  const [birthMonth, setBirthMonth] = createSignal('');
  const action = createAction(() => refetch());
  const nameOf = (childId: number) => data()?.children.find((c) => c.id === childId)?.name ?? '';

  return (
    <section class="children">
      <h1>{t('children.title')}</h1>
      <p class="lead">{t('children.intro')}</p>
      <MemberGate next="/children" />
      <Show when={action.message()}>
        <p class="notice" role="status">
          {action.message()}
        </p>
      </Show>
      <ErrorMessage error={action.error() ?? data.error} detail />
      <Show when={data.latest}>
        {(d) => (
          <>
            <Show when={d().children.length > 0} fallback={<p class="card empty">{t('children.none')}</p>}>
              <ul class="rows">
                <For each={d().children}>
                  {(c) => (
                    <li>
                      <strong>{c.name}</strong>
                      <span class="help">{t('children.born', { month: c.birthMonth })}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <form
              class="card"
              onSubmit={(e) => {
                e.preventDefault();
                void action.run(async () => {
                  await request(api.api.children.$post({ json: { name: name().trim(), birthMonth: birthMonth() } }));
                  setName('');
                }, t('children.added'));
              }}
            >
              <h2>{t('children.add')}</h2>
              <div class="field">
                <label for="child-name">{t('children.name')}</label>
                <input id="child-name" required maxlength="20" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
              </div>
              <div class="field">
                <label for="child-born">{t('children.birthMonth')}</label>
                <input id="child-born" type="month" required value={birthMonth()} onInput={(e) => setBirthMonth(e.currentTarget.value)} />
              </div>
              <button type="submit" class="button" disabled={action.busy()}>
                {t('children.add')}
              </button>
            </form>
            <h2>{t('children.signups')}</h2>
            <Show when={d().signups.length > 0} fallback={<p class="card empty">{t('children.noSignups')}</p>}>
              <ul class="book-list">
                <For each={d().signups}>
                  {(s) => (
                    <li class="card">
                      <div class="book-main">
                        <A href={`/activities/${s.activityId}`}>{s.title}</A>
                        <span class="help block">
                          {nameOf(s.childId)} · {formatWhen(s.startsAt, locale())}
                          <Show when={s.status}> · {t(`children.status_${s.status as 'confirmed'}`)}</Show>
                        </span>
                        <span class="help block">{t('children.consentGiven', { date: formatDate(s.givenAt, locale()) })}</span>
                        <Show when={s.emergencyName} fallback={<span class="help block">{t('children.detailsErased')}</span>}>
                          <span class="help block">
                            {t('children.emergency', { name: s.emergencyName ?? '', phone: s.emergencyPhone ?? '' })}
                          </span>
                          <Show when={s.needsNote}>
                            <span class="help block">{t('children.needs', { note: s.needsNote ?? '' })}</span>
                          </Show>
                          <span class="help block">{t('children.keptUntil', { date: s.detailsUntil ?? '' })}</span>
                        </Show>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <p>
              <A href="/little-architects">{t('architects.title')}</A>
            </p>
          </>
        )}
      </Show>
    </section>
  );
}
