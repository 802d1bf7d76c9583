import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorMessage } from '../../components/error-message';
import { MarkdownView } from '../../components/markdown-view';
import { useMembership } from '../../components/member-gate';
import { useI18n } from '../../i18n';
import { ApiError, api, request } from '../../lib/api';
import { formatWhen } from '../../lib/format';

/** 隐私告知 管理: how many members agreed to which version and item, and the draft of the next version, then publish. */
export default function PrivacyAdmin() {
  const { t } = useI18n();
  const { isAdmin } = useMembership();
  return (
    <section class="privacy-admin">
      <h1>{t('privacy.admin.title')}</h1>
      <p class="lead">{t('privacy.admin.intro', { community: '{{community}}', contact: '{{contact}}' })}</p>
      <p>
        <A href="/privacy">{t('privacy.mine.readNotice')}</A>
      </p>
      <Show when={isAdmin()} fallback={<p class="alert">{t('errors.forbidden')}</p>}>
        <Figures />
        <DraftEditor />
      </Show>
    </section>
  );
}

function Figures() {
  const { t } = useI18n();
  const [figures] = createResource(() => request(api.api.privacy.figures.$get()));
  return (
    <div class="card">
      <h2>{t('privacy.admin.figures')}</h2>
      <ErrorMessage error={figures.error} />
      <Show when={figures()}>
        {(f) => (
          <>
            <p>{t('privacy.admin.current', { n: f().currentVersion })}</p>
            <dl class="figures" data-testid="privacy-figures">
              <dt>{t('privacy.admin.activeMembers')}</dt>
              <dd>{f().activeMembers}</dd>
              <dt>{t('privacy.admin.agreedCurrent')}</dt>
              <dd>{f().agreedCurrent}</dd>
              <For each={f().agreedEarlier}>
                {(v) => (
                  <>
                    <dt>{t('privacy.admin.agreedEarlier', { n: v.version })}</dt>
                    <dd>{v.members}</dd>
                  </>
                )}
              </For>
              <dt>{t('privacy.admin.neverAgreed')}</dt>
              <dd>{f().neverAgreed}</dd>
              <For each={f().items}>
                {(i) => (
                  <>
                    <dt>{t('privacy.admin.itemCount', { item: t(`privacy.item.${i.item}`) })}</dt>
                    <dd>{i.members}</dd>
                  </>
                )}
              </For>
            </dl>
          </>
        )}
      </Show>
    </div>
  );
}

function DraftEditor() {
  const { t, locale } = useI18n();
  const [draft, { refetch, mutate }] = createResource(() => request(api.api.privacy.draft.$get()));
  const [error, setError] = createSignal<unknown>();
  const [note, setNote] = createSignal('');
  const [preview, setPreview] = createSignal(false);
  const fieldError = (field: string) => {
    const e = error();
    return e instanceof ApiError ? e.details?.[field]?.[0] : undefined;
  };

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    mutate(
      await request(
        api.api.privacy.draft.$put({
          json: {
            textZh: text('textZh'),
            textEn: text('textEn'),
            contact: text('contact'),
            summaryZh: text('summaryZh'),
            summaryEn: text('summaryEn'),
          },
        }),
      ),
    );
  }

  async function run(form: HTMLFormElement, publish: boolean) {
    setError(undefined);
    setNote('');
    try {
      await save(form);
      if (publish) {
        const published = await request(api.api.privacy.draft.publish.$post());
        setNote(t('privacy.admin.published', { n: published.version }));
        await refetch();
      } else setNote(t('privacy.admin.saved'));
    } catch (err) {
      setError(err);
    }
  }

  const field = (name: 'textZh' | 'textEn' | 'contact' | 'summaryZh' | 'summaryEn', rows?: number) => {
    const id = `privacy-${name}`;
    const value = () => draft()?.[name] ?? '';
    return (
      <div class="field" classList={{ invalid: Boolean(fieldError(name)) }}>
        <label for={id}>{t(`privacy.admin.${name}`)}</label>
        <Show when={rows} fallback={<input id={id} name={name} type="text" value={value()} required={name !== 'summaryEn'} />}>
          <textarea id={id} name={name} rows={rows} value={value()} required={name === 'summaryZh' || name.startsWith('text')} />
        </Show>
        <Show when={fieldError(name)}>
          <span class="field-error">{fieldError(name)}</span>
        </Show>
      </div>
    );
  };

  return (
    <Show when={draft()} fallback={<ErrorMessage error={draft.error} />}>
      {(d) => (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            const submitter = (e as SubmitEvent).submitter as HTMLButtonElement | null;
            void run(e.currentTarget, submitter?.value === 'publish');
          }}
        >
          <h2>{t('privacy.admin.draft', { n: d().nextVersion })}</h2>
          <p class="help">
            {d().saved && d().updatedAt
              ? t('privacy.admin.draftSaved', { date: formatWhen(d().updatedAt ?? '', locale()) })
              : t('privacy.admin.draftUnsaved')}
          </p>
          {field('summaryZh', 3)}
          {field('summaryEn', 3)}
          {field('contact')}
          {field('textZh', 16)}
          {field('textEn', 16)}
          <ErrorMessage error={error()} />
          <Show when={note()}>
            <p class="notice" role="status">
              {note()}
            </p>
          </Show>
          <div class="actions">
            <button type="submit" class="button secondary" name="action" value="save">
              {t('privacy.admin.save')}
            </button>
            <button type="submit" class="button" name="action" value="publish">
              {t('privacy.admin.publish', { n: d().nextVersion })}
            </button>
            <button type="button" class="button secondary" aria-expanded={preview()} onClick={() => setPreview(!preview())}>
              {t('privacy.admin.preview')}
            </button>
          </div>
          <Show when={preview()}>
            <MarkdownView source={locale() === 'en' ? d().textEn : d().textZh} />
          </Show>
        </form>
      )}
    </Show>
  );
}
