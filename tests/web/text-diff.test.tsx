import { cleanup, render } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextDiff } from '../../web/src/components/text-diff';
import { jsonResponse, withProviders } from './render';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TextDiff', () => {
  it('marks added and removed lines', () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ error: { code: 'unauthenticated', message: '' } }, 401)));
    const { container } = render(withProviders(() => <TextDiff before={'第一行\n旧的第二行\n第三行\n'} after={'第一行\n新的第二行\n第三行\n'} />));
    expect(container.querySelector('del')?.textContent).toBe('旧的第二行\n');
    expect(container.querySelector('ins')?.textContent).toBe('新的第二行\n');
    expect([...container.querySelectorAll('pre')].map((p) => p.textContent)).toEqual(['第一行\n', '第三行\n']);
  });

  it('says so when nothing changed', () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ error: { code: 'unauthenticated', message: '' } }, 401)));
    const { container } = render(withProviders(() => <TextDiff before="同样" after="同样" />));
    expect(container.textContent).toContain('两个版本内容相同');
  });
});
