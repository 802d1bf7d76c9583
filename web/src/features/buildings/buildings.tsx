import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MemberGate } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { coverageLevel, formatDateTime, useCoordinationRoles } from '../../lib/coordination';
import { PendingMembers } from '../members/pending-members';
import { BuildingNoticeLink } from '../print/print-links';

/** The invitation QR code as SVG markup (the qrcode package loads only when a code is opened). */
async function qrSvg(url: string): Promise<string> {
  const QRCode = (await import('qrcode')).default;
  return QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** One building's invitation link and its QR code, drawn when opened. */
function InviteCode(props: { buildingId: number; name: string }) {
  const { t } = useI18n();
  const [open, setOpen] = createSignal(false);
  const url = () => `${location.origin}/join?building=${props.buildingId}`;
  const [qr] = createResource(() => (open() ? url() : undefined), qrSvg);
  return (
    <details class="invite" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('buildings.inviteShow')}</summary>
      <figure class="qr">
        <Show when={qr.state === 'ready' ? qr() : undefined} fallback={<p>{qr.error ? t('errors.internal') : t('app.loading')}</p>}>
          {(svg) => <div class="qr-code" role="img" aria-label={t('buildings.qrAlt', { name: props.name })} innerHTML={svg()} />}
        </Show>
        <figcaption>
          {t('buildings.inviteCaption')}
          <span class="url">{url()}</span>
        </figcaption>
      </figure>
    </details>
  );
}

/** Buildings with their contacts and coverage; residents volunteer, coordinators confirm, contacts share the invitation. */
export default function Buildings() {
  const { t, locale } = useI18n();
  const { member, isCoordinator, isContact } = useCoordinationRoles();
  const [data, { refetch }] = createResource(() => request(api.api.buildings.$get()));
  const [pending, { refetch: refetchPending }] = createResource(
    () => (isCoordinator() ? member()?.id : undefined),
    () => request(api.api['contact-applications'].$get()),
  );
  const offers = () => (pending.state === 'ready' || pending.state === 'refreshing' ? pending().applications : []);

  const [error, setError] = createSignal<unknown>();
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  async function run(call: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(undefined);
    setMessage('');
    try {
      await call();
      setMessage(done);
      await Promise.all([refetch(), isCoordinator() ? refetchPending() : undefined]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  // Offering is answered on the building's own card, where the button was pressed.
  const [offered, setOffered] = createSignal<number[]>([]);
  const [offerError, setOfferError] = createSignal<{ id: number; error: unknown }>();
  async function volunteer(id: number) {
    setBusy(true);
    setOfferError(undefined);
    try {
      await request(api.api.buildings[':id']['contact-applications'].$post({ param: { id: String(id) } }));
      setOffered((ids) => [...ids, id]);
    } catch (e) {
      setOfferError({ id, error: e });
    } finally {
      setBusy(false);
    }
  }
  const decideOffer = (id: number, confirm: boolean, name: string, building: string) =>
    run(
      () => request(api.api['contact-applications'][':id'].decision.$post({ param: { id: String(id) }, json: { confirm } })),
      t(confirm ? 'buildings.confirmedNotice' : 'buildings.declinedNotice', { name, building }),
    );

  const isContactOf = (contacts: { id: number }[]) => contacts.some((c) => c.id === member()?.id);

  return (
    <section class="buildings-page coordination">
      <h1>{t('buildings.title')}</h1>
      <p class="lead">{t('buildings.intro')}</p>
      <Show when={isCoordinator() || isContact()}>
        <p>
          <A class="button secondary" href="/assisted">
            {t('assisted.title')}
          </A>
        </p>
      </Show>
      <ErrorMessage error={data.error} />
      <Show when={message()}>
        <p class="notice" role="status">
          {message()}
        </p>
      </Show>
      <ErrorMessage error={error()} detail />

      <Show when={offers().length > 0}>
        <section class="card pending" aria-labelledby="offers-title">
          <h2 id="offers-title">{t('buildings.offersTitle')}</h2>
          <p class="help">{t('buildings.offersHelp')}</p>
          <ul class="rows">
            <For each={offers()}>
              {(o) => (
                <li>
                  <span>
                    {t('buildings.offerLine', { name: o.displayName, building: o.buildingName })}
                    <span class="help block">{formatDateTime(o.createdAt, locale())}</span>
                  </span>
                  <button
                    type="button"
                    class="button"
                    disabled={busy()}
                    aria-label={t('buildings.confirmNamed', { name: o.displayName, building: o.buildingName })}
                    onClick={() => void decideOffer(o.id, true, o.displayName, o.buildingName)}
                  >
                    {t('buildings.confirm')}
                  </button>
                  <button
                    type="button"
                    class="button secondary"
                    disabled={busy()}
                    aria-label={t('buildings.declineNamed', { name: o.displayName, building: o.buildingName })}
                    onClick={() => void decideOffer(o.id, false, o.displayName, o.buildingName)}
                  >
                    {t('buildings.decline')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <Show when={data()}>
        {(d) => (
          <>
            <section class="card coverage-summary" aria-labelledby="coverage-title">
              <h2 id="coverage-title">{t('buildings.coverageTitle')}</h2>
              <p>{t('community.coverage', { covered: String(d().coverage.covered), total: String(d().coverage.buildings) })}</p>
              <div class="coverage-bar" role="presentation">
                <span style={{ width: `${d().coverage.share * 100}%` }} />
              </div>
              <ul class="legend plain" aria-label={t('buildings.legend')}>
                <li>
                  <span class="swatch cov-none" aria-hidden="true" /> {t('buildings.level_none')}
                </li>
                <li>
                  <span class="swatch cov-partial" aria-hidden="true" /> {t('buildings.level_partial')}
                </li>
                <li>
                  <span class="swatch cov-full" aria-hidden="true" /> {t('buildings.level_full')}
                </li>
              </ul>
            </section>
            <MemberGate next="/buildings" />
            {/* A building's contacts approve the neighbours who apply to join naming it. */}
            <For each={d().buildings.filter((b) => isContactOf(b.contacts))}>
              {(b) => <PendingMembers buildingId={b.id} buildingName={b.name} />}
            </For>
            <ul class="building-grid plain">
              <For each={d().buildings}>
                {(b) => {
                  const level = () => coverageLevel(b.contacts.length, b.contactsRequired);
                  return (
                    <li id={`building-${b.id}`} class={`card building-card cov-${level()}`} data-building={b.id}>
                      <h2>{b.name}</h2>
                      <p>
                        <span class={`tag coverage-tag cov-${level()}`}>
                          {t('community.contacts', { count: String(b.contacts.length), required: String(b.contactsRequired) })}
                        </span>
                        <span class="visually-hidden">{t(`buildings.level_${level()}`)}</span>
                      </p>
                      <Show when={b.contacts.length > 0} fallback={<p class="help">{t('buildings.noContacts')}</p>}>
                        <Show
                          when={b.contacts.every((c) => c.displayName !== null)}
                          fallback={<p class="help">{t('clubs.namesForMembers')}</p>}
                        >
                          <ul class="people">
                            <For each={b.contacts}>{(c) => <li>{c.displayName}</li>}</For>
                          </ul>
                        </Show>
                      </Show>
                      <Show when={member()}>
                        <Show when={!isContactOf(b.contacts)} fallback={<p class="help">{t('buildings.youAreContact')}</p>}>
                          <div class="actions">
                            <button
                              type="button"
                              class="button secondary"
                              disabled={busy() || offered().includes(b.id)}
                              aria-label={t(offered().includes(b.id) ? 'buildings.offeredNamed' : 'buildings.volunteerNamed', {
                                name: b.name,
                              })}
                              onClick={() => void volunteer(b.id)}
                            >
                              {offered().includes(b.id) ? t('buildings.offeredShort') : t('buildings.volunteer')}
                            </button>
                          </div>
                          <Show when={offered().includes(b.id)}>
                            <p class="notice" role="status">
                              {t('buildings.offered', { name: b.name })}
                            </p>
                          </Show>
                          <ErrorMessage error={offerError()?.id === b.id ? offerError()?.error : undefined} detail />
                        </Show>
                      </Show>
                      <p class="help" data-grid-worker>
                        {t('buildings.gridWorker')}：{b.gridWorker ?? t('buildings.gridWorkerNone')}
                      </p>
                      <Show when={isCoordinator()}>
                        <form
                          class="inline-form"
                          onSubmit={(e) => {
                            e.preventDefault();
                            const value = String(new FormData(e.currentTarget).get('gridWorker') ?? '').trim();
                            void request(
                              api.api.buildings[':id'].$patch({ param: { id: String(b.id) }, json: { gridWorker: value || null } }),
                            ).then(() => refetch());
                          }}
                        >
                          <label for={`grid-${b.id}`}>{t('buildings.gridWorkerEdit')}</label>
                          <input id={`grid-${b.id}`} name="gridWorker" type="text" maxlength="60" value={b.gridWorker ?? ''} />
                          <button type="submit" class="button secondary">
                            {t('settings.save')}
                          </button>
                        </form>
                      </Show>
                      <InviteCode buildingId={b.id} name={b.name} />
                      <BuildingNoticeLink building={b} />
                    </li>
                  );
                }}
              </For>
            </ul>
          </>
        )}
      </Show>
    </section>
  );
}
