import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate, useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';
import { localInputToIso } from '../../lib/format';

export interface BookableSpace {
  id: number;
  capacity: number;
  opensAt: string;
  closesAt: string;
}

const MAX_LENGTH = 12 * 3600_000;

/**
 * Books a space, once or weekly, for the member or a club they lead. The server judges opening hours on the
 * community's clock and names a clash; the form checks what it can first (the end after the start, the capacity).
 */
export function BookingForm(props: { space: BookableSpace; onBooked: () => unknown }) {
  const { t } = useI18n();
  const { member } = useMembership();
  const [overview] = createResource(
    () => (member() ? 'me' : undefined),
    () => request(api.api.me.overview.$get()).catch(() => null),
  );
  const myClubs = () => (overview()?.clubs ?? []).filter((c) => c.status === 'active' && c.role === 'leader');

  const [purpose, setPurpose] = createSignal('');
  const [startsAt, setStartsAt] = createSignal('');
  const [endsAt, setEndsAt] = createSignal('');
  const [people, setPeople] = createSignal('');
  const [weeks, setWeeks] = createSignal('1');
  const [clubId, setClubId] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [done, setDone] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const details = () => (error() instanceof ApiError ? ((error() as ApiError).details ?? {}) : {});
  const invalid = (field: string) => field in details();
  const clashes = () => (error() instanceof ApiError && (error() as ApiError).code === 'conflict' ? (details().clashes ?? []) : []);
  const hours = () => ({ opens: props.space.opensAt, closes: props.space.closesAt });
  const capacity = () => ({ capacity: String(props.space.capacity) });
  const overCapacity = () => Number(people()) > props.space.capacity;
  const timeProblem = () => {
    const start = localInputToIso(startsAt());
    const end = localInputToIso(endsAt());
    if (!start || !end) return false;
    const length = Date.parse(end) - Date.parse(start);
    return length <= 0 || length > MAX_LENGTH;
  };
  // The server names both ends when the booking falls outside the opening hours.
  const outsideHours = () => invalid('startsAt') && invalid('endsAt');

  async function book(event: SubmitEvent) {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    const start = localInputToIso(startsAt());
    const end = localInputToIso(endsAt());
    if (!start || !end || timeProblem() || overCapacity()) return;
    setBusy(true);
    try {
      await request(
        api.api.spaces[':id'].bookings.$post({
          param: { id: String(props.space.id) },
          json: {
            purpose: purpose().trim(),
            startsAt: start,
            endsAt: end,
            people: Number(people()),
            weeks: Number(weeks()),
            clubId: clubId() ? Number(clubId()) : undefined,
          },
        }),
      );
      setDone(true);
      setPurpose('');
      await props.onBooked();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="book-title">
      <h2 id="book-title">{t('spaces.bookTitle')}</h2>
      <p class="help">{t('spaces.bookIntro', { ...hours(), ...capacity() })}</p>
      <MemberGate next={`/spaces/${props.space.id}`} />
      <Show when={member()}>
        <Show when={done()}>
          <p class="notice" role="status">
            {t('spaces.bookedNotice')}
          </p>
        </Show>
        <ErrorMessage error={error()} detail={clashes().length === 0} />
        <Show when={clashes().length > 0}>
          <div class="alert" role="alert" data-testid="booking-clashes">
            {t('spaces.clashTitle')}
            <ul>
              <For each={clashes()}>{(c) => <li>{c}</li>}</For>
            </ul>
          </div>
        </Show>
        <form class="card" onSubmit={book} data-testid="booking-form">
          <div class="field" classList={{ invalid: invalid('purpose') }}>
            <label for="b-purpose">{t('spaces.purpose')}</label>
            <input
              id="b-purpose"
              type="text"
              required
              minlength="2"
              maxlength="120"
              value={purpose()}
              onInput={(e) => setPurpose(e.currentTarget.value)}
              aria-describedby="b-purpose-help"
            />
            <span class="help" id="b-purpose-help">
              {t('spaces.purposeHelp')}
            </span>
          </div>
          <div class="field-row">
            <div class="field" classList={{ invalid: invalid('startsAt') }}>
              <label for="b-start">{t('spaces.startsAt')}</label>
              <input id="b-start" type="datetime-local" required value={startsAt()} onInput={(e) => setStartsAt(e.currentTarget.value)} />
            </div>
            <div class="field" classList={{ invalid: invalid('endsAt') || timeProblem() }}>
              <label for="b-end">{t('spaces.endsAt')}</label>
              <input
                id="b-end"
                type="datetime-local"
                required
                min={startsAt()}
                value={endsAt()}
                onInput={(e) => setEndsAt(e.currentTarget.value)}
                aria-invalid={invalid('endsAt') || timeProblem()}
                aria-describedby="b-end-error"
              />
              <span class="field-error" id="b-end-error">
                <Show when={timeProblem()}>{t('spaces.endAfterStart')}</Show>
                <Show when={outsideHours()}>{t('spaces.outsideHours', hours())}</Show>
              </span>
            </div>
          </div>
          <div class="field-row">
            <div class="field" classList={{ invalid: invalid('people') || overCapacity() }}>
              <label for="b-people">{t('spaces.peopleLabel')}</label>
              <input
                id="b-people"
                type="number"
                inputmode="numeric"
                required
                min="1"
                max={String(props.space.capacity)}
                step="1"
                value={people()}
                onInput={(e) => setPeople(e.currentTarget.value)}
                aria-invalid={invalid('people') || overCapacity()}
                aria-describedby="b-people-help"
              />
              <span class="help" id="b-people-help">
                <Show when={invalid('people') || overCapacity()} fallback={t('spaces.peopleHelp', capacity())}>
                  <span class="field-error">{t('spaces.overCapacity', capacity())}</span>
                </Show>
              </span>
            </div>
            <div class="field" classList={{ invalid: invalid('weeks') }}>
              <label for="b-weeks">{t('spaces.weeks')}</label>
              <input
                id="b-weeks"
                type="number"
                inputmode="numeric"
                required
                min="1"
                max="26"
                step="1"
                value={weeks()}
                onInput={(e) => setWeeks(e.currentTarget.value)}
                aria-describedby="b-weeks-help"
              />
              <span class="help" id="b-weeks-help">
                {t('spaces.weeksHelp')}
              </span>
            </div>
          </div>
          <Show when={myClubs().length > 0}>
            <div class="field">
              <label for="b-club">{t('spaces.bookFor')}</label>
              <select id="b-club" value={clubId()} onChange={(e) => setClubId(e.currentTarget.value)}>
                <option value="">{t('spaces.forMyself')}</option>
                <For each={myClubs()}>{(c) => <option value={String(c.id)}>{c.name}</option>}</For>
              </select>
            </div>
          </Show>
          <button type="submit" class="button" disabled={busy()}>
            {t('spaces.submit')}
          </button>
        </form>
      </Show>
    </section>
  );
}
