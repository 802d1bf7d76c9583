/**
 * How one chapter stands when a new template version arrives, from three texts: the template text the
 * community last took in (base), the new template text (upstream) and the community's own (mine).
 */
export type ChapterUpgradeStatus =
  /** New in the template: it is added. */
  | 'added'
  /** Unchanged upstream: nothing to do. */
  | 'unchanged'
  /** Changed upstream, untouched here: can be taken in one click. */
  | 'update'
  /** Changed both upstream and here, to the same text: only the base moves. */
  | 'same-change'
  /** Changed both upstream and here differently: the community chooses. */
  | 'conflict'
  /** Dropped from the template: the community's chapter stays. */
  | 'removed-upstream';

export interface ChapterTexts {
  title: string;
  body: string;
}

export function classifyChapter(base: ChapterTexts | null, upstream: ChapterTexts | null, mine: ChapterTexts | null): ChapterUpgradeStatus {
  if (!mine) return 'added';
  if (!upstream) return 'removed-upstream';
  const same = (a: ChapterTexts, b: ChapterTexts) => a.title === b.title && a.body === b.body;
  if (base && same(base, upstream)) return 'unchanged';
  const editedHere = !base || !same(base, mine);
  if (!editedHere) return 'update';
  return same(mine, upstream) ? 'same-change' : 'conflict';
}

export type UpgradeChoice = 'take-upstream' | 'keep-mine' | 'merged';

/** What a chapter's text becomes, given the status and the community's choice. Null: leave it as it is. */
export function resolveChapter(
  status: ChapterUpgradeStatus,
  upstream: ChapterTexts | null,
  mine: ChapterTexts | null,
  choice: UpgradeChoice | undefined,
  merged?: ChapterTexts,
): ChapterTexts | null {
  switch (status) {
    case 'added':
      return upstream;
    case 'unchanged':
    case 'removed-upstream':
    case 'same-change':
      return null;
    case 'update':
      return choice === 'keep-mine' ? null : upstream;
    case 'conflict':
      if (choice === 'take-upstream') return upstream;
      if (choice === 'merged' && merged) return merged;
      if (choice === 'keep-mine') return null;
      throw new Error('a conflict needs a choice');
  }
  return mine;
}
