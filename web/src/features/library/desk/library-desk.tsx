import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { MemberGate } from '../../../components/member-gate';
import { useI18n } from '../../../i18n';
import { useLibraryRoles } from '../roles';
import { AddBook } from './add-book';
import { CopyPanel } from './copy-panel';

/** /library/desk: the librarian on duty lends, takes back and renews by scanning or typing, and catalogues new books. */
export default function LibraryDesk() {
  const { t } = useI18n();
  const { member, isLibrarian, isKeeper } = useLibraryRoles();
  return (
    <section class="library">
      <p>
        <A href="/library">← {t('library.title')}</A>
      </p>
      <h1>{t('libraryDesk.title')}</h1>
      <MemberGate next="/library/desk" />
      <Show when={member()}>
        <Show when={isLibrarian()} fallback={<p class="notice">{t('libraryDesk.notLibrarian')}</p>}>
          <p class="lead">{t('libraryDesk.intro')}</p>
          <CopyPanel />
        </Show>
        <Show when={isKeeper()}>
          <AddBook />
        </Show>
      </Show>
    </section>
  );
}
