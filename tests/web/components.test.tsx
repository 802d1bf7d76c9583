import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorMessage } from '../../web/src/components/error-message';
import { ProgramList } from '../../web/src/features/home/program-list';
import { ProvisioningProgress } from '../../web/src/features/platform/provisioning-progress';
import { safeNext } from '../../web/src/features/platform/sign-in';
import { normaliseSlug, suggestSlug } from '../../web/src/features/platform/slug';
import { ApiError } from '../../web/src/lib/api';
import { jsonResponse, withProviders } from './render';

const site = { host: 'platform', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null };

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/api/site')) return jsonResponse(site);
      return jsonResponse({ error: { code: 'unauthenticated', message: 'Please sign in' } }, 401);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ProgramList', () => {
  const programs = [
    {
      key: 'library',
      name: { zh: '明志书屋', en: 'Mingzhi Community Library' },
      description: { zh: '公共图书馆', en: 'A library' },
      enabled: true,
    },
    { key: 'salon', name: { zh: '社区沙龙', en: 'Community Salon' }, description: { zh: '文化交流', en: 'Evenings' }, enabled: false },
  ];

  it('shows enabled programs in Chinese by default and hides disabled ones', () => {
    render(withProviders(() => <ProgramList programs={programs} />));
    expect(screen.getByText('明志书屋')).toBeTruthy();
    expect(screen.queryByText('社区沙龙')).toBeNull();
  });

  it('shows English names when the reader chose English', () => {
    render(withProviders(() => <ProgramList programs={programs} />, 'en'));
    expect(screen.getByText('Mingzhi Community Library')).toBeTruthy();
  });
});

describe('ProvisioningProgress', () => {
  it('marks the steps done up to the current one', () => {
    render(
      withProviders(() => <ProvisioningProgress steps={['created', 'database-claimed', 'migrated', 'seeded', 'active']} step="migrated" />),
    );
    const items = document.querySelectorAll('li[data-step]');
    expect([...items].map((li) => li.getAttribute('data-done'))).toEqual(['true', 'true', 'true', 'false', 'false']);
    expect(screen.getByText('分配独立数据库')).toBeTruthy();
  });
});

describe('ErrorMessage', () => {
  it('explains an API error by its code in the reader language', () => {
    render(withProviders(() => <ErrorMessage error={new ApiError(409, 'slug_taken', 'taken')} />));
    expect(screen.getByRole('alert').textContent).toBe('这个网址已经被使用了，请换一个。');
  });

  it('falls back to a general message for an unknown code', () => {
    render(withProviders(() => <ErrorMessage error={new ApiError(500, 'weird', 'x')} />, 'en'));
    expect(screen.getByRole('alert').textContent).toBe('Something went wrong on our side; please try again later.');
  });
});

describe('SiteHeader', () => {
  it('switches language and large text, and remembers both', async () => {
    const { SiteHeader } = await import('../../web/src/components/site-header');
    render(withProviders(() => <SiteHeader />));
    fireEvent.click(screen.getByRole('button', { name: '大字' }));
    expect(document.documentElement.classList.contains('large-text')).toBe(true);
    expect(localStorage.getItem('huzhu.largeText')).toBe('1');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(localStorage.getItem('huzhu.locale')).toBe('en');
    expect(screen.getByRole('button', { name: 'Normal text' })).toBeTruthy();
  });
});

describe('slug suggestion', () => {
  it('turns a Chinese name into pinyin', async () => {
    expect(await suggestSlug('翠竹园')).toBe('cuizhuyuan');
  });

  it('keeps only a–z, 0–9 and single hyphens', () => {
    expect(normaliseSlug('  Green  Park!! 2 ')).toBe('green-park-2');
    expect(normaliseSlug('---x---')).toBe('x');
  });
});

describe('sign-in redirect', () => {
  it('only follows local paths', () => {
    expect(safeNext('/admin')).toBe('/admin');
    expect(safeNext('//evil.example.org')).toBe('/');
    expect(safeNext('https://evil.example.org')).toBe('/');
    expect(safeNext(undefined)).toBe('/');
  });
});
