import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n';

type Text = { zh: string; en: string };
export interface StructureData {
  parties: { key: string; title: Text; organisationName: string | null; remit: Text }[];
  bodies: {
    key: string;
    level: number;
    name: Text;
    description: Text;
    decisionRule: 'unanimity' | 'majority' | null;
    cadence: 'monthly' | null;
    parties: string[];
  }[];
  buildings: { id: number; name: string; contacts: number; contactsRequired: number }[];
  coverage: { buildings: number; covered: number; share: number };
}

/** The four parties and the four levels of coordination, with building-contact coverage. */
export function StructureView(props: { data: StructureData }) {
  const { t, pick } = useI18n();
  const partyTitle = (key: string) => {
    const party = props.data.parties.find((p) => p.key === key);
    return party ? pick(party.title) : key;
  };
  return (
    <div class="structure">
      <h3>{t('community.partiesTitle')}</h3>
      <ul class="grid" style={{ 'list-style': 'none', padding: 0 }}>
        <For each={props.data.parties}>
          {(p) => (
            <li class="card">
              <h3>{pick(p.title)}</h3>
              <p>
                <strong>{p.organisationName ?? t('community.notNamed')}</strong>
              </p>
              <p>{pick(p.remit)}</p>
            </li>
          )}
        </For>
      </ul>
      <ol style={{ 'list-style': 'none', padding: 0, display: 'grid', gap: '.75rem' }}>
        <For each={props.data.bodies}>
          {(b) => (
            <li class="card level">
              <span class="level-number" aria-hidden="true">
                {b.level}
              </span>
              <div>
                <h3>
                  <span class="visually-hidden">{t('community.level', { level: String(b.level) })} · </span>
                  {pick(b.name)}
                </h3>
                <p>{pick(b.description)}</p>
                <p>
                  <Show when={b.cadence === 'monthly'}>
                    <span class="tag">{t('community.monthly')}</span>
                  </Show>
                  <Show when={b.decisionRule === 'unanimity'}>
                    <span class="tag">{t('community.unanimity')}</span>
                  </Show>
                  <Show when={b.decisionRule === 'majority'}>
                    <span class="tag">{t('community.majority')}</span>
                  </Show>
                </p>
                <Show when={b.parties.length > 0}>
                  <p>{t('community.members_of_body', { parties: b.parties.map(partyTitle).join('、') })}</p>
                </Show>
                <Show when={b.key === 'building-groups'}>
                  <p>
                    {t('community.coverage', {
                      covered: String(props.data.coverage.covered),
                      total: String(props.data.coverage.buildings),
                    })}
                  </p>
                  <div class="coverage-bar" role="presentation">
                    <span style={{ width: `${props.data.coverage.share * 100}%` }} />
                  </div>
                  <ul class="buildings">
                    <For each={props.data.buildings}>
                      {(building) => (
                        <li>
                          {building.name}
                          <br />
                          <span class="tag" classList={{ warn: building.contacts < building.contactsRequired }}>
                            {t('community.contacts', { count: String(building.contacts), required: String(building.contactsRequired) })}
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </div>
            </li>
          )}
        </For>
      </ol>
    </div>
  );
}
