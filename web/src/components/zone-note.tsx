import { Show } from 'solid-js';
import { useI18n } from '../i18n';
import { communityTimeZone, deviceClockDiffers } from '../lib/format';

/** The zone's name in the reader's language ("北京时间", "Eastern Time"), from Intl where the runtime knows one. */
function zoneName(timeZone: string, locale: string, beijingTime: string): string {
  if (timeZone === 'Asia/Shanghai') return beijingTime;
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/**
 * A short note, once per page, that times are the community's, shown only when this device's clock reads otherwise
 * (a member travelling, a browser set to UTC): the times on the page are right, but not the reader's own clock.
 */
export function ZoneNote() {
  const { t, locale } = useI18n();
  const zone = communityTimeZone;
  return (
    <Show when={deviceClockDiffers(zone())}>
      <p class="zone-note no-print" role="note" data-testid="zone-note">
        {t('app.timesIn', { name: zoneName(zone(), locale(), t('app.beijingTime')), zone: zone() })}
      </p>
    </Show>
  );
}
