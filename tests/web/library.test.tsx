import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BookList, type Title } from '../../web/src/features/library/book-list';
import { MyLibrary } from '../../web/src/features/library/my-library';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

vi.setConfig({ testTimeout: 20_000 });

let calls: string[] = [];
let answer: (path: string) => Response;

beforeEach(() => {
  calls = [];
  answer = () => jsonResponse({ id: 9, dueOn: '2030-02-01' }, 200);
  storeSessionToken('test-token');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://community.localhost'), init);
      const path = new URL(request.url).pathname;
      if (request.method !== 'GET') calls.push(`${request.method} ${path}`);
      return answer(path);
    }),
  );
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  vi.unstubAllGlobals();
});

const title = (over: Partial<Title>): Title => ({
  id: 1,
  title: '城南旧事',
  author: '林海音',
  isbn: '9787020022205',
  category: 'literature',
  thankedDonor: null,
  copies: 1,
  available: 1,
  waiting: 0,
  nextDue: null,
  ...over,
});

describe('the catalogue list', () => {
  it('offers to reserve only a title whose copies are all out, and says when one is due back', async () => {
    const onReserved = vi.fn();
    answer = () => jsonResponse({ id: 3 }, 201);
    render(
      withProviders(() => (
        <BookList
          titles={[title({}), title({ id: 2, title: '活着', available: 0, nextDue: '2030-01-10', thankedDonor: '3栋 刘阿姨' })]}
          canReserve
          onReserved={onReserved}
        />
      )),
    );
    expect(screen.getByText('在架 1 本')).toBeTruthy();
    expect(screen.getByText(/最早 2030-01-10 归还/)).toBeTruthy();
    expect(screen.getByText('感谢 3栋 刘阿姨 捐赠')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '预约《城南旧事》' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '预约《活着》' }));
    await waitFor(() => expect(onReserved).toHaveBeenCalled());
    expect(calls).toEqual(['POST /api/library/titles/2/reservations']);
    expect(screen.getByRole('status').textContent).toContain('已预约');
  });

  it('has no reserve button for visitors', () => {
    render(withProviders(() => <BookList titles={[title({ available: 0 })]} canReserve={false} onReserved={() => {}} />));
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('my loans', () => {
  const record = {
    loans: [
      {
        id: 5,
        titleId: 1,
        title: '城南旧事',
        author: '',
        shelfMark: 'L-0001',
        lentOn: '2030-01-01',
        dueOn: '2030-01-31',
        renewals: 0,
        returnedOn: null,
        reserved: false,
      },
      {
        id: 6,
        titleId: 2,
        title: '活着',
        author: '',
        shelfMark: 'L-0002',
        lentOn: '2030-01-01',
        dueOn: '2030-01-31',
        renewals: 0,
        returnedOn: null,
        reserved: true,
      },
    ],
    reservations: [
      {
        id: 8,
        titleId: 3,
        title: '围城',
        status: 'waiting' as const,
        createdAt: '2030-01-02T00:00:00Z',
        heldUntil: null,
        shelfMark: null,
        position: 2,
      },
    ],
  };

  it('renews a loan once and says the new due day; a reserved one cannot be renewed', async () => {
    const onChanged = vi.fn();
    render(withProviders(() => <MyLibrary record={record} onChanged={onChanged} />));
    expect(screen.getByText('有人预约，不能续借')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '续借《活着》' })).toBeNull();
    expect(screen.getByText('排第 2 位')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '续借《城南旧事》' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls).toEqual(['POST /api/library-loans/5/renewal']);
    expect(screen.getByRole('status').textContent).toContain('2030-02-01');
  });

  it('shows the server’s refusal, in English too', async () => {
    answer = () => jsonResponse({ error: { code: 'conflict', message: 'A loan is renewed only once' } }, 409);
    render(withProviders(() => <MyLibrary record={record} onChanged={() => {}} />, 'en'));
    fireEvent.click(screen.getByRole('button', { name: 'Renew “城南旧事”' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('A loan is renewed only once'));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the reservation of “围城”' }));
    await waitFor(() => expect(calls).toContain('POST /api/library-reservations/8/cancellation'));
  });
});
