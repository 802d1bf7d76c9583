import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareButton } from '../../web/src/components/share-button';
import { withProviders } from './render';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'share');
  Reflect.deleteProperty(navigator, 'clipboard');
});

const stub = (name: 'share' | 'clipboard', value: unknown) =>
  Object.defineProperty(navigator, name, { value, configurable: true, writable: true });

describe('ShareButton', () => {
  it("opens the phone's share sheet with the title and link where the browser has one", async () => {
    const share = vi.fn(async () => undefined);
    const writeText = vi.fn(async () => undefined);
    stub('share', share);
    stub('clipboard', { writeText });
    render(withProviders(() => <ShareButton title="周六羽毛球" url="http://demo.localhost/activities/4" />));
    fireEvent.click(screen.getByRole('button', { name: '分享' }));
    await waitFor(() => expect(share).toHaveBeenCalledWith({ title: '周六羽毛球', url: 'http://demo.localhost/activities/4' }));
    expect(writeText).not.toHaveBeenCalled();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('copies the link and says so where there is no share sheet, in the chosen language', async () => {
    const writeText = vi.fn(async () => undefined);
    stub('clipboard', { writeText });
    render(withProviders(() => <ShareButton title="Badminton" url="http://demo.localhost/clubs/2" />, 'en'));
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Link copied: paste it into a group chat'));
    expect(writeText).toHaveBeenCalledWith('http://demo.localhost/clubs/2');
  });

  it('says how to copy by hand when the clipboard refuses', async () => {
    stub('clipboard', { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) });
    render(withProviders(() => <ShareButton title="周六羽毛球" />));
    fireEvent.click(screen.getByRole('button', { name: '分享' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('没能复制'));
  });
});
