import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The block the Worker puts in an activity's page for visitors (worker/share/page-data.ts). */
function carry(key: string, data: unknown) {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = 'page-data';
  script.dataset.key = key;
  script.textContent = JSON.stringify(data);
  document.head.appendChild(script);
}

beforeEach(() => {
  vi.resetModules();
  localStorage.clear();
  document.getElementById('page-data')?.remove();
});
afterEach(() => document.getElementById('page-data')?.remove());

describe("a page's first data", () => {
  it('takes what the page carries for a visitor, once, without asking the network', async () => {
    carry('activity:42', { id: 42, title: '周末观鸟' });
    const { loadOnce, startLoading } = await import('../../web/src/lib/first-data');
    const load = vi.fn(async () => ({ id: 42, title: 'from the network' }));
    startLoading('activity:42', load);
    expect(await loadOnce('activity:42', load)).toEqual({ id: 42, title: '周末观鸟' });
    expect(load).not.toHaveBeenCalled();
    expect(document.getElementById('page-data')).toBeNull();
    // Every later read asks the network.
    startLoading('activity:42', load);
    expect(await loadOnce('activity:42', load)).toEqual({ id: 42, title: 'from the network' });
  });

  it('asks the network for another key than the one carried', async () => {
    carry('activity:42', { id: 42 });
    const { loadOnce, startLoading } = await import('../../web/src/lib/first-data');
    const load = vi.fn(async () => ({ id: 7 }));
    startLoading('activity:7', load);
    expect(await loadOnce('activity:7', load)).toEqual({ id: 7 });
    expect(document.getElementById('page-data')).not.toBeNull();
  });

  it("never takes a visitor's answer for someone signed in here, by token or with Clerk", async () => {
    for (const signedIn of [
      () => localStorage.setItem('huzhu.session', 'token'),
      () => localStorage.setItem('huzhu.clerk-signed-in', '1'),
    ]) {
      vi.resetModules();
      localStorage.clear();
      signedIn();
      carry('activity:42', { id: 42, title: 'visitor view' });
      const { loadOnce, startLoading } = await import('../../web/src/lib/first-data');
      const load = vi.fn(async () => ({ id: 42, title: 'member view' }));
      startLoading('activity:42', load);
      expect(await loadOnce('activity:42', load)).toEqual({ id: 42, title: 'member view' });
      document.getElementById('page-data')?.remove();
    }
  });
});
