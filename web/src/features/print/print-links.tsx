import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { announcedStates } from '../../../../worker/community/activities/rules';
import { useI18n } from '../../i18n';
import { useCoordinationRoles } from '../../lib/coordination';

/**
 * What an activity's page offers to print: its poster once it is announced (or to its organisers before), and the
 * sign-in sheet to those the API shows it to (organisers, coordinators, building contacts).
 */
export function ActivityPrintLinks(props: { activity: { id: number; state: string; isOrganiser: boolean } }) {
  const { t } = useI18n();
  const { isCoordinator, isContact } = useCoordinationRoles();
  const poster = () =>
    props.activity.state !== 'cancelled' &&
    (props.activity.isOrganiser || (announcedStates as readonly string[]).includes(props.activity.state));
  const sheet = () => props.activity.state !== 'cancelled' && (props.activity.isOrganiser || isCoordinator() || isContact());
  return (
    <Show when={poster() || sheet()}>
      <nav class="actions print-links no-print" aria-label={t('print.links')}>
        <Show when={poster()}>
          <A class="button secondary" href={`/activities/${props.activity.id}/poster`}>
            {t('print.poster')}
          </A>
        </Show>
        <Show when={sheet()}>
          <A class="button secondary" href={`/activities/${props.activity.id}/sign-in-sheet`}>
            {t('print.sheet')}
          </A>
        </Show>
      </nav>
    </Show>
  );
}

/** The adopted decision's poster, from the issue's page. */
export function DecisionPrintLink(props: { issue: { id: number; outcome: string | null; decisionText: string | null } }) {
  const { t } = useI18n();
  return (
    <Show when={props.issue.outcome === 'adopted' && props.issue.decisionText}>
      <p class="no-print">
        <A class="button secondary" href={`/issues/${props.issue.id}/decision-poster`}>
          {t('print.decisionPoster')}
        </A>
      </p>
    </Show>
  );
}

/** A building's monthly notice, for its contacts and the coordinators. */
export function BuildingNoticeLink(props: { building: { id: number; name: string; contacts: { id: number }[] } }) {
  const { t } = useI18n();
  const { member, isCoordinator } = useCoordinationRoles();
  const contactHere = () => props.building.contacts.some((c) => c.id === member()?.id);
  return (
    <Show when={isCoordinator() || contactHere()}>
      <p class="no-print">
        <A
          class="button secondary"
          href={`/buildings/${props.building.id}/notice`}
          aria-label={t('print.noticeNamed', { name: props.building.name })}
        >
          {t('print.notice')}
        </A>
      </p>
    </Show>
  );
}
