import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, Show } from 'solid-js';
import { ErrorMessage } from '../../../components/error-message';
import { useI18n } from '../../../i18n';
import { ApiError, api, request } from '../../../lib/api';
import { useSite } from '../../../lib/site-context';
import { Provisioning } from './provisioning';
import { StepFields } from './step-fields';
import {
  createWizardForm,
  fetchStatus,
  fieldErrorCodes,
  parseBuildingList,
  type Status,
  type Step,
  signUpRefusal,
  stepOfField,
  steps,
  stepTitle,
} from './wizard';

/** Starting a community: a five-step wizard, then its setup followed live until the new site is ready. */
export default function StartCommunity() {
  const { t } = useI18n();
  const { me } = useSite();
  const store = createWizardForm();
  const [form] = store;
  const [step, setStep] = createSignal<Step>('basics');
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string[]>>({});
  const [error, setError] = createSignal<unknown>();
  const [status, setStatus] = createSignal<Status>();
  const [submitting, setSubmitting] = createSignal(false);
  let poll: ReturnType<typeof setInterval> | undefined;
  onCleanup(() => clearInterval(poll));

  const errorFor = (field: string) => Object.entries(fieldErrors()).find(([k]) => k === field || k.startsWith(`${field}.`))?.[1]?.[0];
  const index = () => steps.indexOf(step());

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
      if (e instanceof ApiError && fieldErrorCodes.includes(e.code) && e.details) {
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
              <Show when={signUpRefusal(error())} fallback={<ErrorMessage error={error()} />}>
                {(refusal) => (
                  <p class="alert" role="alert">
                    {t(refusal().key, refusal().params)}
                  </p>
                )}
              </Show>
              <fieldset>
                <legend id="wizard-step-title">{t(stepTitle[step()])}</legend>
                <StepFields step={step()} store={store} errorFor={errorFor} />
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
          {(current) => <Provisioning status={current()} submitting={submitting()} error={error()} onResume={() => void resume()} />}
        </Show>
      </Show>
    </section>
  );
}
