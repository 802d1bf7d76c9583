import { createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { createAction } from '../../lib/action';
import { api, request } from '../../lib/api';
import { dayOf, parseYuan, today } from '../../lib/format';

/** Recording an exchange visit this community held, optionally as one of its activities. */
export function VisitForm(props: { id: string; activities: { id: number; title: string; startsAt: string }[]; reload: () => unknown }) {
  const { t } = useI18n();
  const [title, setTitle] = createSignal('');
  const [activityId, setActivityId] = createSignal('');
  const [day, setDay] = createSignal(today());
  const [place, setPlace] = createSignal('');
  const [residents, setResidents] = createSignal('0');
  const action = createAction(() => {
    setTitle('');
    setPlace('');
    return props.reload();
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = activityId() ? Number(activityId()) : undefined;
    void action.run(
      () =>
        request(
          api.api.partnerships[':id'].visits.$post({
            param: { id: props.id },
            json: {
              title: title().trim(),
              occurredOn: day(),
              place: place().trim(),
              residents: Number(residents()) || 0,
              activityId: chosen,
            },
          }),
        ),
      t('partnerships.recorded'),
    );
  };
  return (
    <form class="card no-print" onSubmit={submit} aria-labelledby="record-visit">
      <h3 id="record-visit">{t('partnerships.recordVisit')}</h3>
      <ErrorMessage error={action.error()} detail />
      <Show when={action.message()}>
        <p role="status">{action.message()}</p>
      </Show>
      <div class="field">
        <label for="visit-activity">{t('partnerships.visitActivityLabel')}</label>
        <select id="visit-activity" value={activityId()} onChange={(e) => setActivityId(e.currentTarget.value)}>
          <option value="">{t('partnerships.noActivity')}</option>
          <For each={props.activities}>{(a) => <option value={String(a.id)}>{`${dayOf(a.startsAt)} ${a.title}`}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="visit-title">{t('partnerships.visitTitleLabel')}</label>
        <input id="visit-title" required={!activityId()} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="visit-day">{t('partnerships.dayLabel')}</label>
        <input id="visit-day" type="date" required value={day()} onInput={(e) => setDay(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="visit-place">{t('partnerships.visitPlaceLabel')}</label>
        <input id="visit-place" value={place()} onInput={(e) => setPlace(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="visit-residents">{t('partnerships.residentsLabel')}</label>
        <input
          id="visit-residents"
          type="number"
          min="0"
          inputmode="numeric"
          value={residents()}
          onInput={(e) => setResidents(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button" disabled={action.busy()}>
        {t('partnerships.recordVisit')}
      </button>
    </form>
  );
}

/**
 * Recording a designated donation this community gives. The form makes the shared reference once and keeps it until
 * the donation is recorded, so pressing the button again after a lost answer cannot record it twice.
 */
export function DonationForm(props: { id: string; reload: () => unknown }) {
  const { t } = useI18n();
  const [kind, setKind] = createSignal<'money' | 'goods'>('money');
  const [title, setTitle] = createSignal('');
  const [amount, setAmount] = createSignal('');
  const [day, setDay] = createSignal(today());
  const [reference, setReference] = createSignal(crypto.randomUUID());
  const action = createAction(() => {
    setTitle('');
    setAmount('');
    setReference(crypto.randomUUID());
    return props.reload();
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const fen = amount().trim() ? parseYuan(amount()) : 0;
    if (fen === null || (kind() === 'money' && fen === 0)) {
      action.setError(new Error(t('partnerships.badAmount')));
      return;
    }
    void action.run(
      () =>
        request(
          api.api.partnerships[':id'].donations.$post({
            param: { id: props.id },
            json: { kind: kind(), title: title().trim(), occurredOn: day(), amountFen: fen, reference: reference() },
          }),
        ),
      t('partnerships.recorded'),
    );
  };
  return (
    <form class="card no-print" onSubmit={submit} aria-labelledby="record-donation">
      <h3 id="record-donation">{t('partnerships.recordDonation')}</h3>
      <p class="help">{t('partnerships.donationHelp')}</p>
      <ErrorMessage error={action.error()} detail />
      <Show when={action.message()}>
        <p role="status">{action.message()}</p>
      </Show>
      <div class="field">
        <label for="donation-kind">{t('partnerships.donationKindLabel')}</label>
        <select id="donation-kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value === 'goods' ? 'goods' : 'money')}>
          <option value="money">{t('partnerships.money')}</option>
          <option value="goods">{t('partnerships.goods')}</option>
        </select>
      </div>
      <div class="field">
        <label for="donation-title">{t('partnerships.donationTitleLabel')}</label>
        <input id="donation-title" required value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="donation-amount">{kind() === 'money' ? t('partnerships.amountLabel') : t('partnerships.valueLabel')}</label>
        <input
          id="donation-amount"
          inputmode="decimal"
          required={kind() === 'money'}
          value={amount()}
          onInput={(e) => setAmount(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="donation-day">{t('partnerships.dayLabel')}</label>
        <input id="donation-day" type="date" required value={day()} onInput={(e) => setDay(e.currentTarget.value)} />
      </div>
      <button type="submit" class="button" disabled={action.busy()}>
        {t('partnerships.recordDonation')}
      </button>
    </form>
  );
}
