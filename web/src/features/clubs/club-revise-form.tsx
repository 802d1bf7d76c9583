import { createSignal } from 'solid-js';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';

/**
 * While a club is proposed, its responsible person revises the proposal (name, purpose, when it meets); under the
 * consent rule a revision answers the objections and gives the administrators a new window.
 */
export function ClubReviseForm(props: {
  club: { id: number; name: string; purpose: string; meetingPattern: string | null };
  run: (call: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [name, setName] = createSignal(props.club.name);
  const [purpose, setPurpose] = createSignal(props.club.purpose);
  const [pattern, setPattern] = createSignal(props.club.meetingPattern ?? '');
  function submit(event: SubmitEvent) {
    event.preventDefault();
    void props.run(
      () =>
        request(
          api.api.clubs[':id'].$put({
            param: { id: String(props.club.id) },
            json: { name: name().trim(), purpose: purpose().trim(), meetingPattern: pattern().trim() || null },
          }),
        ),
      t('club.revised'),
    );
  }
  return (
    <form class="card" onSubmit={submit} aria-labelledby="club-revise-title">
      <h2 id="club-revise-title">{t('club.reviseTitle')}</h2>
      <div class="field">
        <label for="revise-name">{t('club.reviseName')}</label>
        <input id="revise-name" required minlength="2" maxlength="40" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="revise-purpose">{t('club.revisePurpose')}</label>
        <textarea
          id="revise-purpose"
          required
          minlength="4"
          maxlength="1000"
          rows="3"
          value={purpose()}
          onInput={(e) => setPurpose(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="revise-pattern">{t('club.revisePattern')}</label>
        <input id="revise-pattern" maxlength="100" value={pattern()} onInput={(e) => setPattern(e.currentTarget.value)} />
      </div>
      <button type="submit" class="button secondary">
        {t('club.reviseSubmit')}
      </button>
    </form>
  );
}
