import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { defaultWaitLimits, waitingStates } from '../../../../worker/community/issues/rules';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { ConsultantAccess } from '../consultants/consultant-access';
import { PartyRepresentatives } from '../parties/party-representatives';
import { DecisionSettings } from './decision-settings';
import { JoiningSettings } from './joining-settings';

const WAIT_STATES = waitingStates;
const DEFAULT_LIMITS = defaultWaitLimits as Record<(typeof WAIT_STATES)[number], number>;

/** Administrators set the facts and names the handbooks cite; renames flow into the text. */
export default function CommunitySettings() {
  const { t, pick, locale } = useI18n();
  const [data, { refetch }] = createResource(locale, (l) => request(api.api.handbooks.$get({ query: { locale: l } })));
  const [community] = createResource(() => request(api.api.community.$get()));
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal<string>();

  async function run(key: string, call: () => Promise<unknown>) {
    setError(undefined);
    setSaved(undefined);
    try {
      await call();
      setSaved(key);
      await refetch();
    } catch (e) {
      setError(e);
    }
  }

  const savedNote = (key: string) => (
    <Show when={saved() === key}>
      <span class="tag" role="status">
        {t('settings.saved')}
      </span>
    </Show>
  );

  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <p class="lead">{t('settings.intro')}</p>
      <p class="card">
        <A href="/admin/retention">{t('retention.link')}</A>：{t('retention.linkHelp')}
      </p>
      <ErrorMessage error={error() ?? data.error} />
      <Show when={!data.error && data()}>
        {(d) => (
          <>
            <form
              class="card"
              onSubmit={(e) => {
                e.preventDefault();
                const form = new FormData(e.currentTarget);
                const foundedOn = String(form.get('foundedOn') ?? '');
                void run('facts', () =>
                  request(
                    api.api.community.$patch({
                      json: {
                        nameEn: String(form.get('nameEn') ?? '').trim() || null,
                        households: Number(form.get('households')),
                        residents: form.get('residents') ? Number(form.get('residents')) : null,
                        foundedOn: foundedOn || null,
                        surplusRatePercent: Number(form.get('surplusRate')),
                      },
                    }),
                  ),
                );
              }}
            >
              <h2>{t('settings.facts')}</h2>
              <div class="field">
                <label for="s-name-en">{t('settings.nameEn')}</label>
                <input id="s-name-en" name="nameEn" type="text" value={d().facts.name.en ?? ''} />
              </div>
              <div class="field">
                <label for="s-households">{t('settings.households')}</label>
                <input id="s-households" name="households" type="number" min="1" required value={d().facts.households} />
              </div>
              <div class="field">
                <label for="s-residents">{t('settings.residents')}</label>
                <input id="s-residents" name="residents" type="number" min="1" value={d().facts.residents ?? ''} />
              </div>
              <div class="field">
                <label for="s-founded">{t('settings.foundedOn')}</label>
                <input id="s-founded" name="foundedOn" type="date" value={d().facts.foundedOn ?? ''} />
              </div>
              <div class="field">
                <label for="s-surplus">{t('settings.surplusRate')}</label>
                <input
                  id="s-surplus"
                  name="surplusRate"
                  type="number"
                  min="0"
                  max="50"
                  required
                  value={d().facts.surplusRatePercent ?? 8}
                />
              </div>
              <button class="button" type="submit">
                {t('settings.save')}
              </button>{' '}
              {savedNote('facts')}
            </form>

            <JoiningSettings />
            <DecisionSettings />

            <form
              class="card"
              onSubmit={(e) => {
                e.preventDefault();
                const form = new FormData(e.currentTarget);
                const limits = Object.fromEntries(WAIT_STATES.map((s) => [s, Number(form.get(s))]).filter(([, v]) => Number(v) > 0));
                void run('limits', () => request(api.api.community.$patch({ json: { issueWaitLimits: limits } })));
              }}
            >
              <h2>{t('settings.waitLimits')}</h2>
              <p class="help">{t('settings.waitLimitsHelp')}</p>
              <For each={WAIT_STATES}>
                {(state) => (
                  <div class="field">
                    <label for={`limit-${state}`}>{t(`issueState.${state}`)}</label>
                    <input id={`limit-${state}`} name={state} type="number" min="1" max="365" value={DEFAULT_LIMITS[state]} />
                  </div>
                )}
              </For>
              <button class="button" type="submit">
                {t('settings.save')}
              </button>{' '}
              {savedNote('limits')}
            </form>

            <h2>{t('settings.parties')}</h2>
            <div class="grid">
              <For each={(community.error ? undefined : community()?.parties) ?? []}>
                {(party) => (
                  <form
                    class="card"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const value = String(new FormData(e.currentTarget).get('name') ?? '').trim();
                      void run(`party-${party.key}`, () =>
                        request(
                          api.api.parties[':key'].$patch({
                            param: { key: party.key as 'association' },
                            json: { organisationName: value || null },
                          }),
                        ),
                      );
                    }}
                  >
                    <label for={`s-party-${party.key}`}>{pick(party.title)}</label>
                    <input id={`s-party-${party.key}`} name="name" type="text" value={d().facts.parties[party.key] ?? ''} />
                    <div class="actions">
                      <button class="button secondary" type="submit">
                        {t('settings.save')}
                      </button>{' '}
                      {savedNote(`party-${party.key}`)}
                    </div>
                  </form>
                )}
              </For>
            </div>

            <h2>{t('settings.programs')}</h2>
            <div class="grid">
              <For each={d().facts.programs}>
                {(program) => (
                  <form
                    class="card"
                    data-program-form={program.key}
                    onSubmit={(e) => {
                      e.preventDefault();
                      const form = new FormData(e.currentTarget);
                      void run(`program-${program.key}`, () =>
                        request(
                          api.api.programs[':key'].$patch({
                            param: { key: program.key },
                            json: {
                              name: { zh: String(form.get('zh') ?? '').trim(), en: String(form.get('en') ?? '').trim() },
                              enabled: form.get('enabled') === 'on',
                            },
                          }),
                        ),
                      );
                    }}
                  >
                    <div class="field">
                      <label for={`s-program-${program.key}-zh`}>{t('settings.nameZh')}</label>
                      <input id={`s-program-${program.key}-zh`} name="zh" type="text" required value={program.name.zh} />
                    </div>
                    <div class="field">
                      <label for={`s-program-${program.key}-en`}>{t('settings.nameEnShort')}</label>
                      <input id={`s-program-${program.key}-en`} name="en" type="text" required value={program.name.en} />
                    </div>
                    <label class="radio">
                      <input type="checkbox" name="enabled" checked={program.enabled} />
                      {t('settings.programEnabled')}
                    </label>
                    <div class="actions">
                      <button class="button secondary" type="submit">
                        {t('settings.save')}
                      </button>{' '}
                      {savedNote(`program-${program.key}`)}
                    </div>
                  </form>
                )}
              </For>
            </div>

            <h2>{t('settings.bodies')}</h2>
            <div class="grid">
              <For each={d().facts.bodies}>
                {(body) => (
                  <form
                    class="card"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const form = new FormData(e.currentTarget);
                      void run(`body-${body.key}`, () =>
                        request(
                          api.api.bodies[':key'].$patch({
                            param: { key: body.key as 'federation' },
                            json: { name: { zh: String(form.get('zh') ?? '').trim(), en: String(form.get('en') ?? '').trim() } },
                          }),
                        ),
                      );
                    }}
                  >
                    <p>
                      <strong>{pick(body.name)}</strong>
                    </p>
                    <div class="field">
                      <label for={`s-body-${body.key}-zh`}>{t('settings.nameZh')}</label>
                      <input id={`s-body-${body.key}-zh`} name="zh" type="text" required value={body.name.zh} />
                    </div>
                    <div class="field">
                      <label for={`s-body-${body.key}-en`}>{t('settings.nameEnShort')}</label>
                      <input id={`s-body-${body.key}-en`} name="en" type="text" required value={body.name.en} />
                    </div>
                    <button class="button secondary" type="submit">
                      {t('settings.save')}
                    </button>{' '}
                    {savedNote(`body-${body.key}`)}
                  </form>
                )}
              </For>
            </div>
          </>
        )}
      </Show>
      <Show when={community.latest}>{(c) => <PartyRepresentatives parties={c().parties} />}</Show>
      <ConsultantAccess />
    </section>
  );
}
