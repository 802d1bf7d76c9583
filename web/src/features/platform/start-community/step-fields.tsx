import { Match, Show, Switch } from 'solid-js';
import { useI18n } from '../../../i18n';
import { suggestSlug } from '../slug';
import { parseBuildingList, type Step, type WizardStore } from './wizard';
import { WizardField } from './wizard-field';

/** The fields of one step: names and address, place and size, buildings, the four parties, the model and the founder. */
export function StepFields(props: { step: Step; store: WizardStore; errorFor: (apiField: string) => string | undefined }) {
  const { t } = useI18n();
  const [form, setForm] = props.store;
  const buildingNames = () =>
    form.buildingsMode === 'list'
      ? parseBuildingList(form.buildingList)
      : Array.from({ length: Math.min(500, Number(form.buildingCount) || 0) }, (_, i) => `${i + 1}栋`);
  const communityHost = () => `${form.slug || '…'}.${location.host.replace(/^127\.0\.0\.1/, 'localhost')}`;
  const field = { store: props.store, errorFor: props.errorFor };
  return (
    <Switch>
      <Match when={props.step === 'basics'}>
        <WizardField {...field} field="nameZh" label={t('wizard.nameZh')} required />
        <WizardField {...field} field="nameEn" label={t('wizard.nameEn')} />
        <WizardField {...field} field="slug" label={t('wizard.slug')} required help={t('wizard.slugHelp')} />
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
      <Match when={props.step === 'place'}>
        <WizardField {...field} field="city" label={t('wizard.city')} required />
        <WizardField {...field} field="district" label={t('wizard.district')} />
        <WizardField {...field} field="households" label={t('wizard.households')} type="number" required />
      </Match>
      <Match when={props.step === 'buildings'}>
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
          fallback={<WizardField {...field} field="buildingCount" label={t('wizard.buildingCount')} type="number" required />}
        >
          <div class="field" classList={{ invalid: !!props.errorFor('buildings') }}>
            <label for="wizard-buildingList">{t('wizard.buildingList')}</label>
            <textarea id="wizard-buildingList" value={form.buildingList} onInput={(e) => setForm('buildingList', e.currentTarget.value)} />
            <Show when={props.errorFor('buildings')}>
              <span class="field-error">{props.errorFor('buildings')}</span>
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
      <Match when={props.step === 'parties'}>
        <p class="help">{t('wizard.partiesHelp')}</p>
        <WizardField {...field} field="residentsCommittee" label={t('wizard.residentsCommittee')} />
        <WizardField {...field} field="ownersCommittee" label={t('wizard.ownersCommittee')} />
        <WizardField {...field} field="propertyCompany" label={t('wizard.propertyCompany')} />
      </Match>
      <Match when={props.step === 'template'}>
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
        <WizardField {...field} field="founderName" label={t('wizard.founderName')} autocomplete="name" />
      </Match>
    </Switch>
  );
}
