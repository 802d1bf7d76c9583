import { A } from '@solidjs/router';
import { createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ErrorMessage } from '../../../components/error-message';
import { ProvisioningProgress } from '../provisioning-progress';
import { useI18n } from '../../../i18n';
import { ApiError, api, request } from '../../../lib/api';
import { useSite } from '../../../lib/site-context';
import { suggestSlug } from '../slug';

const steps = ['basics', 'place', 'buildings', 'parties', 'template'] as const;
type Step = (typeof steps)[number];
const stepOfField: Record<string, Step> = {
  nameZh: 'basics',
  nameEn: 'basics',
  slug: 'basics',
  city: 'place',
  district: 'place',
  households: 'place',
  buildings: 'buildings',
  parties: 'parties',
  founderName: 'template',
  template: 'template',
};
const stepTitle = {
  basics: 'wizard.stepBasics',
  place: 'wizard.stepPlace',
  buildings: 'wizard.stepBuildings',
  parties: 'wizard.stepParties',
  template: 'wizard.stepTemplate',
} as const;

type Status = Awaited<ReturnType<typeof fetchStatus>>;
async function fetchStatus(slug: string) {
  return request(api.api.communities[':slug'].$get({ param: { slug } }));
}

function parseBuildingList(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export default function StartCommunity() {
  const { t, pick } = useI18n();
  const { me } = useSite();
  const [form, setForm] = createStore({
    nameZh: '',
    nameEn: '',
    slug: '',
    city: '',
    district: '',
    households: '',
    buildingsMode: 'count' as 'count' | 'list',
    buildingCount: '10',
    buildingList: '',
    residentsCommittee: '',
    ownersCommittee: '',
    propertyCompany: '',
    founderName: '',
  });
  const [step, setStep] = createSignal<Step>('basics');
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string[]>>({});
  const [error, setError] = createSignal<unknown>();
  const [status, setStatus] = createSignal<Status>();
  const [submitting, setSubmitting] = createSignal(false);
  let poll: ReturnType<typeof setInterval> | undefined;
  onCleanup(() => clearInterval(poll));

  const buildingNames = () =>
    form.buildingsMode === 'list'
      ? parseBuildingList(form.buildingList)
      : Array.from({ length: Math.min(500, Number(form.buildingCount) || 0) }, (_, i) => `${i + 1}栋`);
  const communityHost = () => `${form.slug || '…'}.${location.host.replace(/^127\.0\.0\.1/, 'localhost')}`;
  const errorFor = (field: string) => Object.entries(fieldErrors()).find(([k]) => k === field || k.startsWith(`${field}.`))?.[1]?.[0];
  const index = () => steps.indexOf(step());

  function input(
    field: keyof typeof form,
    label: string,
    opts: { type?: string; help?: string; required?: boolean; autocomplete?: string } = {},
  ) {
    const id = `wizard-${field}`;
    const apiField =
      field.startsWith('buildingCount') || field.startsWith('buildingList')
        ? 'buildings'
        : ['residentsCommittee', 'ownersCommittee', 'propertyCompany'].includes(field)
          ? `parties.${field}`
          : field;
    return (
      <div class="field" classList={{ invalid: !!errorFor(apiField) }}>
        <label for={id}>{label}</label>
        <input
          id={id}
          type={opts.type ?? 'text'}
          inputmode={opts.type === 'number' ? 'numeric' : undefined}
          required={opts.required}
          autocomplete={opts.autocomplete ?? 'off'}
          aria-invalid={!!errorFor(apiField)}
          aria-describedby={`${id}-help ${id}-error`}
          value={String(form[field])}
          onInput={(e) => setForm(field, e.currentTarget.value as never)}
        />
        <Show when={opts.help}>
          <span class="help" id={`${id}-help`}>
            {opts.help}
          </span>
        </Show>
        <Show when={errorFor(apiField)}>
          <span class="field-error" id={`${id}-error`}>
            {errorFor(apiField)}
          </span>
        </Show>
      </div>
    );
  }

  async function submit() {
    setSubmitting(true);
    setError(undefined);
    setFieldErrors({});
    const slug = form.slug;
    const body = {
      nameZh: form.nameZh.trim(),
      nameEn: form.nameEn.trim() || undefined,
      slug,
      city: form.city.trim(),
      district: form.district.trim() || undefined,
      households: Number(form.households),
      buildings: form.buildingsMode === 'list' ? parseBuildingList(form.buildingList) : Number(form.buildingCount),
      parties: {
        residentsCommittee: form.residentsCommittee.trim() || undefined,
        ownersCommittee: form.ownersCommittee.trim() || undefined,
        propertyCompany: form.propertyCompany.trim() || undefined,
      },
      template: 'cuizhuyuan@1' as const,
      founderName: form.founderName.trim() || undefined,
    };
    // Follow the real steps while the request runs.
    poll = setInterval(() => fetchStatus(slug).then(setStatus, () => undefined), 120);
    try {
      const result = await request(api.api.communities.$post({ json: body }));
      clearInterval(poll);
      setStatus(result);
      if (result.status === 'active') goToCommunity(result.url);
    } catch (e) {
      clearInterval(poll);
      setStatus(undefined);
      setError(e);
      if (e instanceof ApiError && e.details) {
        setFieldErrors(e.details);
        const first = Object.keys(e.details)[0]?.split('.')[0];
        if (first && stepOfField[first]) setStep(stepOfField[first]);
      }
    } finally {
      setSubmitting(false);
    }
  }

  async function resume() {
    const current = status();
    if (!current) return;
    setError(undefined);
    try {
      const result = await request(api.api.communities[':slug'].resume.$post({ param: { slug: current.slug } }));
      setStatus(result);
      if (result.status === 'active') goToCommunity(result.url);
    } catch (e) {
      setError(e);
    }
  }

  function goToCommunity(url: string) {
    const user = me();
    const handOff = user
      ? `sign-in?as=${encodeURIComponent(user.userId)}&name=${encodeURIComponent(form.founderName.trim() || user.name || user.userId)}&next=%2Fadmin`
      : 'admin';
    setTimeout(() => location.assign(`${url}${handOff}`), 900);
  }

  return (
    <section>
      <h1>{t('wizard.title')}</h1>
      <p class="lead">{t('wizard.intro')}</p>
      <Show
        when={me()}
        fallback={
          <p class="notice">
            <A href="/sign-in?next=%2Fstart">{t('wizard.needSignIn')}</A>
          </p>
        }
      >
        <Show
          when={status()}
          fallback={
            <form
              novalidate
              aria-labelledby="wizard-step-title"
              onSubmit={(e) => {
                e.preventDefault();
                if (index() < steps.length - 1) setStep(steps[index() + 1] as Step);
                else void submit();
              }}
            >
              <ol class="steps compact" aria-label={t('wizard.title')}>
                <For each={steps}>
                  {(s, i) => (
                    <li classList={{ done: i() < index(), current: s === step() }} aria-current={s === step() ? 'step' : undefined}>
                      <span class="dot" aria-hidden="true">
                        {i() < index() ? '✓' : i() + 1}
                      </span>
                      {t(stepTitle[s])}
                    </li>
                  )}
                </For>
              </ol>
              <ErrorMessage error={error()} />
              <fieldset>
                <legend id="wizard-step-title">{t(stepTitle[step()])}</legend>
                <Switch>
                  <Match when={step() === 'basics'}>
                    {input('nameZh', t('wizard.nameZh'), { required: true })}
                    {input('nameEn', t('wizard.nameEn'))}
                    {input('slug', t('wizard.slug'), { required: true, help: t('wizard.slugHelp') })}
                    <p class="help">{t('wizard.slugPreview', { url: communityHost() })}</p>
                    <button
                      type="button"
                      class="button secondary"
                      disabled={!form.nameZh && !form.nameEn}
                      onClick={async () => setForm('slug', await suggestSlug(form.nameEn || form.nameZh))}
                    >
                      {t('wizard.slugSuggest')}
                    </button>
                  </Match>
                  <Match when={step() === 'place'}>
                    {input('city', t('wizard.city'), { required: true })}
                    {input('district', t('wizard.district'))}
                    {input('households', t('wizard.households'), { type: 'number', required: true })}
                  </Match>
                  <Match when={step() === 'buildings'}>
                    <div class="field" role="radiogroup" aria-label={t('wizard.buildingsMode')}>
                      <label class="radio">
                        <input
                          type="radio"
                          name="buildings-mode"
                          checked={form.buildingsMode === 'count'}
                          onChange={() => setForm('buildingsMode', 'count')}
                        />
                        {t('wizard.buildingsByCount')}
                      </label>
                      <label class="radio">
                        <input
                          type="radio"
                          name="buildings-mode"
                          checked={form.buildingsMode === 'list'}
                          onChange={() => setForm('buildingsMode', 'list')}
                        />
                        {t('wizard.buildingsByList')}
                      </label>
                    </div>
                    <Show
                      when={form.buildingsMode === 'list'}
                      fallback={input('buildingCount', t('wizard.buildingCount'), { type: 'number', required: true })}
                    >
                      <div class="field" classList={{ invalid: !!errorFor('buildings') }}>
                        <label for="wizard-buildingList">{t('wizard.buildingList')}</label>
                        <textarea
                          id="wizard-buildingList"
                          value={form.buildingList}
                          onInput={(e) => setForm('buildingList', e.currentTarget.value)}
                        />
                        <Show when={errorFor('buildings')}>
                          <span class="field-error">{errorFor('buildings')}</span>
                        </Show>
                      </div>
                    </Show>
                    <p class="help">
                      {t('wizard.buildingsPreview', {
                        count: String(buildingNames().length),
                        names: buildingNames().slice(0, 6).join('、') + (buildingNames().length > 6 ? '…' : ''),
                      })}
                    </p>
                  </Match>
                  <Match when={step() === 'parties'}>
                    <p class="help">{t('wizard.partiesHelp')}</p>
                    {input('residentsCommittee', t('wizard.residentsCommittee'))}
                    {input('ownersCommittee', t('wizard.ownersCommittee'))}
                    {input('propertyCompany', t('wizard.propertyCompany'))}
                  </Match>
                  <Match when={step() === 'template'}>
                    <div class="field" role="radiogroup" aria-label={t('wizard.template')}>
                      <label class="radio">
                        <input type="radio" name="template" checked />
                        <span>
                          <strong>{t('wizard.templateCuizhuyuan')}</strong>
                          <br />
                          <span class="help">{t('wizard.templateCuizhuyuanBody')}</span>
                        </span>
                      </label>
                    </div>
                    {input('founderName', t('wizard.founderName'), { autocomplete: 'name' })}
                  </Match>
                </Switch>
              </fieldset>
              <div class="actions">
                <Show when={index() > 0}>
                  <button type="button" class="button secondary" onClick={() => setStep(steps[index() - 1] as Step)}>
                    {t('app.back')}
                  </button>
                </Show>
                <button type="submit" class="button" disabled={submitting()}>
                  {index() < steps.length - 1 ? t('app.next') : submitting() ? t('wizard.creating') : t('wizard.create')}
                </button>
              </div>
            </form>
          }
        >
          {(current) => (
            <section aria-live="polite">
              <h2>{t('wizard.progressTitle', { name: pick(current().name) })}</h2>
              <ProvisioningProgress steps={current().steps} step={current().step} />
              <ErrorMessage error={error()} />
              <Switch>
                <Match when={current().status === 'active'}>
                  <p class="notice">{t('wizard.done')}</p>
                  <a class="button" href={current().url}>
                    {current().url}
                  </a>
                </Match>
                <Match when={!submitting() && current().status === 'provisioning'}>
                  <p class="alert">{t('wizard.stalled')}</p>
                  <button type="button" class="button" onClick={resume}>
                    {t('wizard.resume')}
                  </button>
                </Match>
              </Switch>
            </section>
          )}
        </Show>
      </Show>
    </section>
  );
}
