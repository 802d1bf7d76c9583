import { cleanup, render } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextDiff } from '../../web/src/features/handbooks/text-diff';
import { jsonResponse, withProviders } from './render';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TextDiff', () => {
  it('marks added and removed lines', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ error: { code: 'unauthenticated', message: '' } }, 401)),
    );
    const { container } = render(
      withProviders(() => <TextDiff before={'第一行\n旧的第二行\n第三行\n'} after={'第一行\n新的第二行\n第三行\n'} />),
    );
    expect(container.querySelector('del')?.textContent).toBe('删除: 旧的第二行\n');
    expect(container.querySelector('ins')?.textContent).toBe('新增: 新的第二行\n');
    expect([...container.querySelectorAll('pre')].map((p) => p.textContent)).toEqual(['第一行\n', '第三行\n']);
  });

  it('says so when nothing changed', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ error: { code: 'unauthenticated', message: '' } }, 401)),
    );
    const { container } = render(withProviders(() => <TextDiff before="同样" after="同样" />));
    expect(container.textContent).toContain('两个版本内容相同');
  });
});

describe('foldUnchanged', () => {
  it('folds long unchanged stretches, keeping two lines of context around a change', async () => {
    const { foldUnchanged } = await import('../../web/src/features/handbooks/text-diff');
    const lines = Array.from({ length: 20 }, (_, i) => `第${i + 1}行\n`);
    const after = [...lines];
    after[10] = '改过的第11行\n';
    const parts = foldUnchanged(lines.join(''), after.join(''));
    expect(parts.map((p) => p.kind)).toEqual(['skipped', 'same', 'removed', 'added', 'same', 'skipped']);
    expect(parts[0]).toEqual({ kind: 'skipped', lines: 8 });
    expect(parts[1]).toEqual({ kind: 'same', value: '第9行\n第10行\n' });
  });
});
