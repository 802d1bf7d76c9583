import { A } from '@solidjs/router';
import { createResource, For, type JSX, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n';
import { api, request } from '../../lib/api';
import { coverageLevel } from '../../lib/coordination';

/** Where each coordination body's work is seen in the app. */
const BODY_LINKS: Record<string, string> = {
  'joint-meeting': '/meetings',
  'professional-committees': '/committees',
  'building-groups': '/buildings',
  federation: '/clubs',
};

/**
 * The four-level structure as a picture: the four parties as the trunk above the joint meeting, then the
 * professional committees, the building groups with their contact coverage, and the federation of groups;
 * issues travel up from the buildings and decisions come back down. Stacks vertically on a phone.
 */
export default function Structure() {
  const { t, pick } = useI18n();
  const [community] = createResource(() => request(api.api.community.$get()));

  return (
    <section class="structure-page">
      <h1>{t('structure.title')}</h1>
      <p class="lead">{t('structure.intro')}</p>
      <ErrorMessage error={community.error} />
      <Show
        when={community()}
        fallback={
          <Show when={!community.error}>
            <p>{t('app.loading')}</p>
          </Show>
        }
      >
        {(c) => {
          const partyTitle = (key: string) => {
            const party = c().parties.find((p) => p.key === key);
            return party ? pick(party.title) : key;
          };
          const node = (href: string | undefined, children: JSX.Element) =>
            href ? (
              <A class="tree-node body-node linked" href={href}>
                {children}
              </A>
            ) : (
              <div class="tree-node body-node">{children}</div>
            );
          return (
            <figure class="org-tree" aria-labelledby="tree-caption">
              <figcaption id="tree-caption" class="visually-hidden">
                {t('structure.caption')}
              </figcaption>
              <div class="tree-trunk">
                <p class="trunk-label">{t('structure.trunk')}</p>
                <ul class="tree-parties plain">
                  <For each={c().parties}>
                    {(p) => (
                      <li class="tree-node party-node" data-party={p.key}>
                        <strong>{pick(p.title)}</strong>
                        <span class="org">{p.organisationName ?? t('community.notNamed')}</span>
                        <span class="remit">{pick(p.remit)}</span>
                      </li>
                    )}
                  </For>
                </ul>
              </div>
              <div class="tree-body">
                <ol class="tree-levels plain">
                  <For each={c().bodies}>
                    {(b) => (
                      <li class={`tree-level level-${b.level}`} data-body={b.key}>
                        {node(
                          BODY_LINKS[b.key],
                          <>
                            <span class="level-number" aria-hidden="true">
                              {b.level}
                            </span>
                            <span class="node-text">
                              <strong>
                                <span class="visually-hidden">{t('community.level', { level: String(b.level) })} · </span>
                                {pick(b.name)}
                              </strong>
                              <span class="node-tags">
                                <Show when={b.cadence === 'monthly'}>
                                  <span class="tag">{t('community.monthly')}</span>
                                </Show>
                                <Show when={b.decisionRule === 'unanimity'}>
                                  <span class="tag">{t('community.unanimity')}</span>
                                </Show>
                                <Show when={b.decisionRule === 'majority'}>
                                  <span class="tag">{t('community.majority')}</span>
                                </Show>
                              </span>
                              <Show when={b.parties.length > 0}>
                                <span class="node-detail">
                                  {t('community.members_of_body', { parties: b.parties.map(partyTitle).join('、') })}
                                </span>
                              </Show>
                              <span class="node-detail">{pick(b.description)}</span>
                              <Show when={BODY_LINKS[b.key]}>
                                <span class="node-go">
                                  {t(
                                    `structure.go_${b.key as 'joint-meeting' | 'professional-committees' | 'building-groups' | 'federation'}`,
                                  )}{' '}
                                  →
                                </span>
                              </Show>
                            </span>
                          </>,
                        )}
                        <Show when={b.key === 'building-groups'}>
                          <div class="tree-buildings">
                            <p>
                              {t('community.coverage', { covered: String(c().coverage.covered), total: String(c().coverage.buildings) })}
                            </p>
                            <div class="coverage-bar" role="presentation">
                              <span style={{ width: `${c().coverage.share * 100}%` }} />
                            </div>
                            <ul class="building-chips plain" aria-label={t('community.buildingsTitle')}>
                              <For each={c().buildings}>
                                {(building) => {
                                  const level = coverageLevel(building.contacts, building.contactsRequired);
                                  return (
                                    <li>
                                      <A class={`chip cov-${level}`} href={`/buildings#building-${building.id}`}>
                                        {building.name}
                                        <span class="chip-count">
                                          {building.contacts}/{building.contactsRequired}
                                        </span>
                                        <span class="visually-hidden">{t(`buildings.level_${level}`)}</span>
                                      </A>
                                    </li>
                                  );
                                }}
                              </For>
                            </ul>
                          </div>
                        </Show>
                      </li>
                    )}
                  </For>
                </ol>
                <A class="issue-flow" href="/issues">
                  <span class="flow up">
                    <span aria-hidden="true">↑</span> {t('structure.issuesUp')}
                  </span>
                  <strong>{t('structure.issuesLink')}</strong>
                  <span class="flow down">
                    {t('structure.decisionsDown')} <span aria-hidden="true">↓</span>
                  </span>
                </A>
              </div>
              <p class="help">{t('structure.legend')}</p>
            </figure>
          );
        }}
      </Show>
    </section>
  );
}
