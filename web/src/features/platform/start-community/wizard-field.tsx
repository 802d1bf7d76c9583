import { Show } from 'solid-js';
import type { WizardStore } from './wizard';

/** One text or number field of the wizard, with its help and the API's complaint about it. */
export function WizardField(props: {
  store: WizardStore;
  field: keyof WizardStore[0];
  label: string;
  type?: string;
  help?: string;
  required?: boolean;
  autocomplete?: string;
  errorFor: (apiField: string) => string | undefined;
}) {
  const [form, setForm] = props.store;
  const id = `wizard-${props.field}`;
  // The API names the building fields "buildings" and the parties "parties.<key>".
  const apiField =
    props.field.startsWith('buildingCount') || props.field.startsWith('buildingList')
      ? 'buildings'
      : ['residentsCommittee', 'ownersCommittee', 'propertyCompany'].includes(props.field)
        ? `parties.${props.field}`
        : props.field;
  return (
    <div class="field" classList={{ invalid: !!props.errorFor(apiField) }}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        inputmode={props.type === 'number' ? 'numeric' : undefined}
        required={props.required}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={!!props.errorFor(apiField)}
        aria-describedby={`${id}-help ${id}-error`}
        value={String(form[props.field])}
        onInput={(e) => setForm(props.field, e.currentTarget.value as never)}
      />
      <Show when={props.help}>
        <span class="help" id={`${id}-help`}>
          {props.help}
        </span>
      </Show>
      <Show when={props.errorFor(apiField)}>
        <span class="field-error" id={`${id}-error`}>
          {props.errorFor(apiField)}
        </span>
      </Show>
    </div>
  );
}
