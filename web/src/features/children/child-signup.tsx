import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { loadChildren } from './my-children';

/** On an open children's activity: a guardian picks their child, gives consent, an emergency contact and any needs. */
export function ChildSignup(props: { activityId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [data] = createResource(loadChildren);
  const [childId, setChildId] = createSignal('');
  const [emergencyName, setEmergencyName] = createSignal('');
  const [emergencyPhone, setEmergencyPhone] = createSignal('');
  const [needsNote, setNeedsNote] = createSignal('');
  const [consent, setConsent] = createSignal(false);
  const action = createAction(() => props.onDone());
  const childName = () => data()?.children.find((c) => String(c.id) === childId())?.name ?? '';

  return (
    <section class="card" aria-labelledby="child-signup-title">
      <h2 id="child-signup-title">{t('children.signUpTitle')}</h2>
      <Show when={action.message()}>
        <p class="notice" role="status">
          {action.message()}
        </p>
      </Show>
      <ErrorMessage error={action.error()} detail />
      <Show
        when={(data()?.children.length ?? 0) > 0}
        fallback={
          <p class="help">
            <A href="/children">{t('children.addChildFirst')}</A>
          </p>
        }
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!consent()) return;
            const name = childName();
            void action.run(
              () =>
                request(
                  api.api.activities[':id']['child-signups'].$post({
                    param: { id: props.activityId },
                    json: {
                      childId: Number(childId()),
                      consent: true,
                      emergencyName: emergencyName().trim(),
                      emergencyPhone: emergencyPhone().trim(),
                      needsNote: needsNote().trim(),
                    },
                  }),
                ),
              t('children.signedUp', { name }),
            );
          }}
        >
          <div class="field">
            <label for="child-pick">{t('children.child')}</label>
            <select id="child-pick" required value={childId()} onChange={(e) => setChildId(e.currentTarget.value)}>
              <option value="">{t('children.pickChild')}</option>
              <For each={data()?.children ?? []}>{(c) => <option value={String(c.id)}>{c.name}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="child-emergency-name">{t('children.emergencyName')}</label>
            <input
              id="child-emergency-name"
              required
              maxlength="20"
              value={emergencyName()}
              onInput={(e) => setEmergencyName(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="child-emergency-phone">{t('children.emergencyPhone')}</label>
            <input
              id="child-emergency-phone"
              type="tel"
              required
              maxlength="20"
              value={emergencyPhone()}
              onInput={(e) => setEmergencyPhone(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="child-needs">{t('children.needsNote')}</label>
            <textarea id="child-needs" maxlength="300" value={needsNote()} onInput={(e) => setNeedsNote(e.currentTarget.value)} />
          </div>
          <label class="radio">
            <input type="checkbox" required checked={consent()} onChange={(e) => setConsent(e.currentTarget.checked)} />
            {t('children.consent')}
          </label>
          <p class="help">{t('children.privacy')}</p>
          <button type="submit" class="button" disabled={action.busy() || !consent()}>
            {t('children.signUp')}
          </button>
        </form>
      </Show>
    </section>
  );
}

/** The organiser's links from the activity page to the safety step and the parent rota. */
export function ChildrenOrganiserLinks(props: { activityId: string }) {
  const { t } = useI18n();
  return (
    <nav class="card" aria-label={t('children.organiserLinks')}>
      <A class="button secondary" href={`/activities/${props.activityId}/safety`}>
        {t('children.safetyLink')}
      </A>{' '}
      <A class="button secondary" href={`/activities/${props.activityId}/rota`}>
        {t('children.rotaLink')}
      </A>
    </nav>
  );
}
