import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useSite } from '../../lib/site-context';
import type { SensitiveItem } from '../../../../worker/community/privacy/rules';
import { JoinConsent } from '../privacy/join-consent';

export default function Join() {
  const { t, pick, locale } = useI18n();
  const { me, refetchMe } = useSite();
  const navigate = useNavigate();
  const [community] = createResource(() => request(api.api.community.$get()));
  const [displayName, setDisplayName] = createSignal('');
  const [buildingId, setBuildingId] = createSignal('');
  const [household, setHousehold] = createSignal('');
  // The notice in force: the person agrees to this version (隐私告知), and may opt in to sensitive items separately.
  // The request is kept so that a 加入 pressed before the notice has arrived waits for it instead of doing nothing.
  const noticeRequest = request(api.api.privacy.notice.$get());
  const [notice] = createResource(() => noticeRequest);
  const [agreed, setAgreed] = createSignal(false);
  const [items, setItems] = createSignal<SensitiveItem[]>([]);
  const [consentMissing, setConsentMissing] = createSignal(false);
  // A building's invitation link (/join?building=3, shared as a QR code in the building chat) preselects that building.
  const [search] = useSearchParams<{ building?: string }>();
  createEffect(
    on(
      () => community()?.buildings,
      (buildings) => {
        const wanted = search.building;
        if (wanted && !buildingId() && buildings?.some((b) => String(b.id) === wanted)) setBuildingId(wanted);
      },
    ),
  );
  const joinPath = () => (search.building ? `/join?building=${encodeURIComponent(search.building)}` : '/join');
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);

  async function join(e: SubmitEvent) {
    e.preventDefault();
    setConsentMissing(!agreed());
    if (!agreed() || busy()) return;
    setBusy(true);
    setError(undefined);
    try {
      const version = (notice() ?? (await noticeRequest)).version;
      const joined = await request(
        api.api.members.me.$post({
          json: {
            displayName: displayName().trim(),
            buildingId: buildingId() ? Number(buildingId()) : undefined,
            household: household().trim() || undefined,
            privacyNoticeVersion: version,
            sensitiveItems: items(),
          },
        }),
      );
      await refetchMe();
      // An applicant waiting for approval stays here, where the page now says so.
      if (joined.status === 'active') navigate('/', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const application = () => me()?.application ?? null;
  const approval = () => community()?.joinPolicy === 'approval';

  return (
    <section>
      <h1>{t('join.title', { name: community() ? pick(community()!.name) : '' })}</h1>
      <p class="lead">{t('join.intro')}</p>
      <Show
        when={me()}
        fallback={
          <p class="notice">
            <A href={`/sign-in?next=${encodeURIComponent(joinPath())}`}>{t('join.needSignIn')}</A>
          </p>
        }
      >
        <Show when={application()?.status === 'pending' ? application() : undefined} fallback={joinForm()}>
          {(waiting) => (
            <div class="card pending" role="status" data-testid="join-waiting">
              <h2>{t('join.pendingTitle')}</h2>
              <p>{t('join.pendingBody', { name: waiting().displayName, date: formatDate(waiting().appliedAt, locale()) })}</p>
            </div>
          )}
        </Show>
      </Show>
    </section>
  );

  function joinForm() {
    return (
      <>
        <Show when={application()?.status === 'declined'}>
          <p class="alert">{t('join.declined')}</p>
        </Show>
        <Show when={approval()}>
          <p class="notice">{t('join.approvalNote')}</p>
        </Show>
        <ErrorMessage error={error()} />
        <form class="card" onSubmit={join}>
          <div class="field">
            <label for="join-name">{t('join.displayName')}</label>
            <input
              id="join-name"
              type="text"
              required
              maxlength="40"
              value={displayName()}
              onInput={(e) => setDisplayName(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="join-building">{t('join.building')}</label>
            <select id="join-building" value={buildingId()} onChange={(e) => setBuildingId(e.currentTarget.value)}>
              <option value="">{t('join.noBuilding')}</option>
              <For each={community()?.buildings ?? []}>
                {(b) => (
                  <option value={String(b.id)} selected={String(b.id) === buildingId()}>
                    {b.name}
                  </option>
                )}
              </For>
            </select>
          </div>
          <div class="field">
            <label for="join-household">{t('join.household')}</label>
            <input
              id="join-household"
              type="text"
              maxlength="20"
              aria-describedby="join-household-help"
              value={household()}
              onInput={(e) => setHousehold(e.currentTarget.value)}
            />
            <p class="help" id="join-household-help">
              {t('join.householdHelp')}
            </p>
          </div>
          <JoinConsent
            notice={notice()}
            agreed={agreed()}
            onAgreed={(on) => {
              setAgreed(on);
              if (on) setConsentMissing(false);
            }}
            items={items()}
            onItems={setItems}
            missing={consentMissing()}
          />
          <button class="button" type="submit" disabled={busy()}>
            {approval() ? t('join.submitApplication') : t('join.submit')}
          </button>
        </form>
      </>
    );
  }
}
