import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { useI18n } from '../../i18n';

export interface ProgramView {
  key: string;
  name: { zh: string; en: string };
  description: { zh: string; en: string };
  enabled: boolean;
}

/** The community's mutual-aid programs as cards, each opening the program's page. */
export function ProgramList(props: { programs: ProgramView[] }) {
  const { pick } = useI18n();
  return (
    <ul class="grid" style={{ 'list-style': 'none', padding: 0, margin: 0 }} data-testid="programs">
      <For each={props.programs.filter((p) => p.enabled)}>
        {(p) => (
          <li class="card" data-program={p.key}>
            <h3>
              <A href={`/programs/${p.key}`}>{pick(p.name)}</A>
            </h3>
            <p>{pick(p.description)}</p>
          </li>
        )}
      </For>
    </ul>
  );
}
