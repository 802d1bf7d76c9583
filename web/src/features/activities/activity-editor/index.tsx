import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { MemberGate, useMembership } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import { ApiError, api, request } from '../../../lib/api';
import { editableStates } from '../../../lib/budget';
import { localInputToIso } from '../../../lib/format';
import { loadActivity } from '../activity-detail/activity';
import { BudgetBreakdown } from '../budget-breakdown';
import { createActivityForm } from './activity-form';
import { BasicsFieldset } from './basics-fieldset';
import { AudienceFieldset, CostLinesFieldset, FeeFieldset } from './budget-fieldsets';
import { createPlaceOptions } from './place-options';

const FALLBACK_SURPLUS_RATE = 8;

/** Proposing or changing an activity with its AA budget; the breakdown is computed live by the server's own rule. */
export default function ActivityEditor() {
  const params = useParams<{ id?: string }>();
  const [search] = useSearchParams<{ clubId?: string }>();
  const navigate = useNavigate();
  const { t } = useI18n();
  const { member } = useMembership();
  const editing = () => params.id !== undefined;

  const [facts] = createResource(() =>
    request(api.api.handbooks.$get({ query: { locale: 'zh-CN' } }))
      .then((r) => r.facts)
      .catch(() => null),
  );
  const [overview] = createResource(
    () => member()?.id,
    () => request(api.api.me.overview.$get()).catch(() => null),
  );
  const [existing] = createResource(() => params.id, loadActivity);
  const [community] = createResource(() => request(api.api.community.$get()).catch(() => null));
  const programs = () => (community()?.programs ?? []).filter((p) => p.enabled);
  const isClubActivity = () => (editing() ? Boolean(existing()?.clubId) : Boolean(form.clubId()));

  const form = createActivityForm({
    clubId: search.clubId ?? '',
    existing: () => (existing.state === 'ready' ? existing() : undefined),
    defaultRate: () => facts()?.surplusRatePercent ?? FALLBACK_SURPLUS_RATE,
  });
  const places = createPlaceOptions(form, { signedIn: () => Boolean(member()), activityId: () => params.id });
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [submitted, setSubmitted] = createSignal(false);

  const details = () => (error() instanceof ApiError ? ((error() as ApiError).details ?? {}) : {});
  const invalid = (field: string) => field in details();
  const myClubs = () => (overview()?.clubs ?? []).filter((c) => c.status === 'active');
  // A club given in the link that is not one of mine (or not active) cannot hold this activity.
  createEffect(() => {
    if (editing() || overview.state !== 'ready' || !form.clubId()) return;
    if (!myClubs().some((c) => String(c.id) === form.clubId())) form.setClubId('');
  });
  const locked = () => {
    const a = existing.state === 'ready' ? existing() : undefined;
    return a ? !a.isOrganiser || !editableStates.includes(a.state) : false;
  };

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    setError(undefined);
    const start = localInputToIso(form.startsAt());
    const end = localInputToIso(form.endsAt());
    const b = form.breakdown();
    const lower = form.lowerFeeValue();
    if (!start || !end || form.timeProblem() || !b || lower === null || places.overCapacity()) return;
    const [kind, chosenId] = form.placeChoice().split(':');
    const body = {
      clubId: form.clubId() ? Number(form.clubId()) : null,
      // A club's activity counts for its club's program; left out, the server keeps or derives it.
      programKey: isClubActivity() ? undefined : form.programKey() || null,
      title: form.title().trim(),
      description: form.description(),
      startsAt: start,
      endsAt: end,
      place: kind === 'space' || kind === 'booking' ? undefined : form.place().trim(),
      spaceId: kind === 'space' ? Number(chosenId) : null,
      bookingId: kind === 'booking' ? Number(chosenId) : null,
      capacity: Number(form.capacity()),
      waitlist: form.waitlist(),
      maxPlacesPerMember: Number(form.maxPlaces()),
      audience: form.audience(),
      expectedParticipants: b.expectedParticipants,
      surplusRatePercent: form.rate().trim() === '' ? undefined : b.surplusRatePercent,
      costLines: form.filledLines().map((l) => ({ label: l.label.trim(), amountFen: form.lineAmount(l) ?? 0 })),
      feeFen: lower,
      exceptionReason: form.exceptionReason().trim() || null,
    };
    setBusy(true);
    try {
      if (params.id) {
        await request(api.api.activities[':id'].$put({ param: { id: params.id }, json: body }));
        navigate(`/activities/${params.id}`);
      } else {
        const { id } = await request(api.api.activities.$post({ json: body }));
        navigate(`/activities/${id}`);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="activity-editor">
      <p class="no-print">
        <Show when={params.id} fallback={<A href={form.clubId() ? `/clubs/${form.clubId()}` : '/this-week'}>{t('app.back')}</A>}>
          <A href={`/activities/${params.id}`}>{t('activityEditor.backToActivity')}</A>
        </Show>
      </p>
      <h1>{editing() ? t('activityEditor.editTitle') : t('activityEditor.newTitle')}</h1>
      <p class="lead">{t('activityEditor.intro')}</p>
      <MemberGate next={location.pathname + location.search} />
      <ErrorMessage error={existing.error} />
      <Show when={locked()}>
        <p class="alert">{t('activityEditor.locked')}</p>
      </Show>
      <ErrorMessage error={error()} />
      <form onSubmit={save}>
        <div class="editor-columns">
          <div>
            <BasicsFieldset
              form={form}
              places={places}
              editing={editing()}
              myClubs={myClubs()}
              programs={programs()}
              clubActivity={isClubActivity()}
              submitted={submitted()}
              error={error()}
              invalid={invalid}
            />
            <AudienceFieldset form={form} />
            <CostLinesFieldset form={form} />
            <FeeFieldset form={form} invalid={invalid} />
          </div>
          <div class="editor-aside">
            <Show when={form.breakdown()} fallback={<p class="alert">{t('activityEditor.fixToCompute')}</p>}>
              {(b) => <BudgetBreakdown data={b()} live />}
            </Show>
          </div>
        </div>
        <div class="actions">
          <button class="button" type="submit" disabled={busy() || !member() || locked()}>
            {busy() ? t('activityEditor.saving') : editing() ? t('activityEditor.save') : t('activityEditor.create')}
          </button>
          <span class="help">{t('activityEditor.afterSave')}</span>
        </div>
      </form>
    </section>
  );
}
