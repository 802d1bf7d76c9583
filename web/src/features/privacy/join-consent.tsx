import { For, Show } from 'solid-js';
import { type SensitiveItem, sensitiveItems } from '../../../../worker/community/privacy/rules';
import { MarkdownView } from '../../components/markdown-view';
import { useI18n } from '../../i18n';

export interface JoinConsentProps {
  /** The notice in force, once read. */
  notice: { version: number; textZh: string; textEn: string } | undefined;
  agreed: boolean;
  onAgreed: (agreed: boolean) => void;
  items: readonly SensitiveItem[];
  onItems: (items: SensitiveItem[]) => void;
  /** Shown under the box when someone tried to join without ticking it. */
  missing?: boolean;
}

/**
 * The privacy part of the join form: a short summary, the full notice to unfold, the required box
 * 「我已阅读并同意《隐私告知》」, and the three sensitive items as separate, optional opt-ins.
 */
export function JoinConsent(props: JoinConsentProps) {
  const { t, locale } = useI18n();
  const toggle = (item: SensitiveItem, on: boolean) =>
    props.onItems(sensitiveItems.filter((i) => (i === item ? on : props.items.includes(i))));
  return (
    <fieldset class="join-consent">
      <legend>{t('privacy.title')}</legend>
      <p id="join-privacy-summary">{t('privacy.join.summary')}</p>
      <Show when={props.notice}>
        {(notice) => (
          <details>
            <summary>{t('privacy.join.readFull', { n: notice().version })}</summary>
            <MarkdownView source={locale() === 'en' ? notice().textEn : notice().textZh} />
          </details>
        )}
      </Show>
      <label class="radio">
        <input
          id="join-privacy-agree"
          type="checkbox"
          required
          aria-describedby="join-privacy-summary"
          aria-invalid={props.missing ? 'true' : undefined}
          checked={props.agreed}
          onChange={(e) => props.onAgreed(e.currentTarget.checked)}
        />
        {t('privacy.join.agree')}
      </label>
      <Show when={props.missing}>
        <p class="alert" role="alert">
          {t('privacy.join.required')}
        </p>
      </Show>
      <p class="help">{t('privacy.join.itemsTitle')}</p>
      <For each={sensitiveItems}>
        {(item) => (
          <div>
            <label class="radio">
              <input
                id={`join-item-${item}`}
                type="checkbox"
                aria-describedby={`join-item-${item}-help`}
                checked={props.items.includes(item)}
                onChange={(e) => toggle(item, e.currentTarget.checked)}
              />
              {t(`privacy.item.${item}`)}
            </label>
            <p class="help" id={`join-item-${item}-help`}>
              {t(`privacy.itemHelp.${item}`)}
            </p>
          </div>
        )}
      </For>
    </fieldset>
  );
}
