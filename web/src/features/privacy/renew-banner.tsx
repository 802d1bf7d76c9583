import { useLocation } from '@solidjs/router';
import { createMemo, createResource, lazy, Show } from 'solid-js';
import { withWords } from '../../i18n';
import { api, request } from '../../lib/api';
import { useSite } from '../../lib/site-context';

// Few members have a new notice to agree to at a time: the ask and its words load only for them.
const RenewAgreement = lazy(withWords(() => import('./renew-agreement').then((m) => ({ default: m.RenewAgreement })), ['privacy']));

/** On every page of a community (but 我的隐私, which shows it itself), for a member whose agreement is older than the notice. */
export function RenewBanner() {
  const { site, me } = useSite();
  const location = useLocation();
  const [mine, { mutate }] = createResource(
    () => (site()?.host === 'community' && me()?.member ? me()?.member?.id : undefined),
    () => request(api.api.privacy.me.$get()).catch(() => undefined),
  );
  // Once asked, the ask stays on screen after the member agrees, to thank them.
  const asked = createMemo<boolean>((was) => was || mine()?.needsAgreement === true, false);
  return (
    <Show when={location.pathname !== '/me/privacy' && asked() && mine()}>
      {(state) => <RenewAgreement state={state()} onAgreed={mutate} />}
    </Show>
  );
}
