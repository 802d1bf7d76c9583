import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityPhotos } from '../../web/src/features/activities/activity-photos';
import { jsonResponse, withProviders } from './render';

let uploads: { type: string | null; size: number }[] = [];
let photos: { id: number; contentType: string; size: number; createdAt: string; url: string }[] = [];

beforeEach(() => {
  uploads = [];
  photos = [{ id: 1, contentType: 'image/png', size: 12, createdAt: '2026-11-28T00:00:00Z', url: '/api/photos/1' }];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = new URL(request.url).pathname;
      if (path === '/api/site')
        return jsonResponse({ host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null });
      if (path === '/api/activities/5/photos' && request.method === 'POST') {
        uploads.push({ type: request.headers.get('content-type'), size: (await request.arrayBuffer()).byteLength });
        photos.push({ id: 2, contentType: 'image/jpeg', size: 3, createdAt: '2026-11-28T00:00:00Z', url: '/api/photos/2' });
        return jsonResponse({ id: 2 }, 201);
      }
      if (path === '/api/activities/5/photos') return jsonResponse({ photos });
      return jsonResponse({ error: { code: 'unauthenticated', message: '' } }, 401);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ActivityPhotos', () => {
  it("shows the activity's photos with alt text, and uploads a chosen image with its type", async () => {
    render(withProviders(() => <ActivityPhotos activityId="5" title="读书会" canAdd />));
    expect(((await screen.findByAltText('“读书会”的照片 1')) as HTMLImageElement).getAttribute('src')).toBe('/api/photos/1');
    const input = screen.getByLabelText('添加照片') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([1, 2, 3])], 'a.jpg', { type: 'image/jpeg' })] } });
    await waitFor(() => expect(uploads.map((u) => u.type)).toEqual(['image/jpeg']));
    expect(uploads[0]!.size).toBeGreaterThan(0);
    expect(await screen.findByAltText('“读书会”的照片 2')).toBeTruthy();
  });

  it('offers no upload to someone who cannot add photos', async () => {
    render(withProviders(() => <ActivityPhotos activityId="5" title="读书会" canAdd={false} />));
    await screen.findByAltText('“读书会”的照片 1');
    expect(screen.queryByLabelText('添加照片')).toBeNull();
  });
});
