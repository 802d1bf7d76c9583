import { describe, expect, it } from 'vitest';
import { classifyChapter, resolveChapter } from '../../worker/community/template/rules';

const v1 = { title: '标题', body: '第一版' };
const v2 = { title: '标题', body: '第二版' };
const mine = { title: '标题', body: '我们自己改的' };

describe('classifyChapter', () => {
  it('sees a new chapter, an unchanged one and one dropped upstream', () => {
    expect(classifyChapter(null, v2, null)).toBe('added');
    expect(classifyChapter(v1, v1, mine)).toBe('unchanged');
    expect(classifyChapter(v1, null, mine)).toBe('removed-upstream');
  });

  it('offers an untouched chapter for a one-click update', () => {
    expect(classifyChapter(v1, v2, v1)).toBe('update');
  });

  it('flags a chapter changed on both sides as a conflict, unless both made the same change', () => {
    expect(classifyChapter(v1, v2, mine)).toBe('conflict');
    expect(classifyChapter(v1, v2, v2)).toBe('same-change');
  });

  it('treats a changed title as a change', () => {
    expect(classifyChapter(v1, { ...v1, title: '新标题' }, v1)).toBe('update');
  });
});

describe('resolveChapter', () => {
  it('takes upstream for an update unless the community keeps its own', () => {
    expect(resolveChapter('update', v2, v1, undefined)).toEqual(v2);
    expect(resolveChapter('update', v2, v1, 'keep-mine')).toBeNull();
  });

  it('never overwrites a conflict without a choice', () => {
    expect(() => resolveChapter('conflict', v2, mine, undefined)).toThrow();
    expect(resolveChapter('conflict', v2, mine, 'keep-mine')).toBeNull();
    expect(resolveChapter('conflict', v2, mine, 'take-upstream')).toEqual(v2);
    expect(resolveChapter('conflict', v2, mine, 'merged', { title: '标题', body: '合并' })).toEqual({ title: '标题', body: '合并' });
  });

  it('leaves unchanged, same-change and removed chapters alone', () => {
    expect(resolveChapter('unchanged', v1, v1, undefined)).toBeNull();
    expect(resolveChapter('same-change', v2, v2, undefined)).toBeNull();
    expect(resolveChapter('removed-upstream', null, mine, undefined)).toBeNull();
  });
});
