import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import FundStatement from '../../web/src/features/ledger/fund-statement';
import { Advances } from '../../web/src/features/ledger/record-money/advances';
import { IncomeForm } from '../../web/src/features/ledger/record-money/income-form';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

const site = { host: 'community', platformHost: 'localhost', authMode: 'dev', clerkPublishableKey: null, community: null };
const adminMe = {
  userId: 'demo-admin',
  name: '周明',
  platformRoles: [],
  member: { id: 1, displayName: '周明', roles: [{ role: 'association-admin' }] },
};
const residentMe = { userId: 'demo-resident', name: '王小雨', platformRoles: [], member: { id: 3, displayName: '王小雨', roles: [] } };
let me: unknown = adminMe;

const funds = [
  { key: 'hub', name: '互助会基金 / Association fund', clubId: null, clubName: null },
  { key: 'club:3', name: '网球社基金 / Tennis fund', clubId: 3, clubName: '网球社' },
];

const statement = {
  fund: { key: 'hub', name: '互助会基金 / Association fund', clubId: null },
  period: { from: '2026-01-01', to: '2027-01-01' },
  openingFen: 0,
  income: [{ category: 'seed-fund', amountFen: 500000 }],
  spending: [],
  movements: [{ category: 'advance', amountFen: -30000 }],
  incomeFen: 500000,
  spendingFen: 0,
  movementsFen: -30000,
  surplusFen: 500000,
  closingFen: 470000,
  entries: [
    {
      id: 11,
      occurredOn: '2026-03-01',
      category: 'seed-fund',
      memo: '启动资金：发起人',
      activityId: null,
      reversesId: null,
      amountFen: 500000,
    },
    { id: 12, occurredOn: '2026-03-02', category: 'advance', memo: '预支给网球社', activityId: null, reversesId: null, amountFen: -30000 },
  ],
  entriesForMembers: false,
};

let posts: { path: string; body: unknown; type: string | null }[] = [];

beforeEach(() => {
  posts = [];
  me = adminMe;
  storeSessionToken('test-token');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
      const path = decodeURIComponent(new URL(request.url).pathname);
      if (request.method === 'POST') {
        const type = request.headers.get('content-type');
        const body = type?.includes('json') ? await request.json() : (await request.arrayBuffer()).byteLength;
        posts.push({ path, body, type });
        return jsonResponse({ id: 99 }, 201);
      }
      if (path === '/api/site') return jsonResponse(site);
      if (path === '/api/me') return jsonResponse(me);
      if (path === '/api/ledger/advances')
        return jsonResponse({ advances: [{ clubId: 3, clubName: '网球社', advancedFen: 30000, repaidFen: 10000, outstandingFen: 20000 }] });
      if (path === '/api/ledger/funds/hub/statement') return jsonResponse(statement);
      if (path === '/api/ledger/funds/hub/receipts')
        return jsonResponse({
          receipts: [
            {
              id: 5,
              transactionId: 11,
              contentType: 'application/pdf',
              size: 3,
              createdAt: '2026-03-01T00:00:00Z',
              url: '/api/receipts/5',
            },
          ],
        });
      return jsonResponse({ error: { code: 'not_found', message: '' } }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('IncomeForm', () => {
  it('records an anonymous donation without any name, in fen, with its category', async () => {
    render(withProviders(() => <IncomeForm funds={funds} />));
    fireEvent.click(screen.getByLabelText('捐赠'));
    fireEvent.click(screen.getByLabelText('匿名捐赠（摘要里不写姓名）'));
    expect(screen.queryByLabelText('捐赠人姓名')).toBeNull();
    fireEvent.input(screen.getByLabelText('金额（元）'), { target: { value: '300.5' } });
    fireEvent.click(screen.getByRole('button', { name: '记账' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.path).toBe('/api/ledger/money');
    expect(posts[0]!.body).toMatchObject({ kind: 'donation', fund: 'hub', amountFen: 30050, donor: { anonymous: true } });
    expect(JSON.stringify(posts[0]!.body)).not.toContain('name');
    expect(await screen.findByText('已记账。')).toBeTruthy();
  });

  it("records a named donation with the donor's name, a grant with its grantor, into the chosen fund", async () => {
    render(withProviders(() => <IncomeForm funds={funds} />));
    fireEvent.click(screen.getByLabelText('捐赠'));
    fireEvent.input(screen.getByLabelText('捐赠人姓名'), { target: { value: '王大伯' } });
    fireEvent.input(screen.getByLabelText('金额（元）'), { target: { value: '200' } });
    fireEvent.click(screen.getByRole('button', { name: '记账' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.body).toMatchObject({ kind: 'donation', donor: { anonymous: false, name: '王大伯' }, amountFen: 20000 });

    fireEvent.click(screen.getByLabelText('资助'));
    fireEvent.change(screen.getByLabelText('记入基金'), { target: { value: 'club:3' } });
    fireEvent.input(screen.getByLabelText('资助方'), { target: { value: '雨花街道办事处' } });
    fireEvent.input(screen.getByLabelText('金额（元）'), { target: { value: '1000' } });
    fireEvent.click(screen.getByRole('button', { name: '记账' }));
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1]!.body).toMatchObject({ kind: 'grant', grantor: '雨花街道办事处', fund: 'club:3', amountFen: 100000 });
  });

  it('refuses an amount that is not money, naming the field, and sends nothing', async () => {
    render(withProviders(() => <IncomeForm funds={funds} />));
    fireEvent.input(screen.getByLabelText('资金来源'), { target: { value: '发起人共同出资' } });
    fireEvent.input(screen.getByLabelText('金额（元）'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: '记账' }));
    expect(await screen.findByText('请输入大于零的金额，最多两位小数。')).toBeTruthy();
    expect(screen.getByLabelText('金额（元）').getAttribute('aria-invalid')).toBe('true');
    expect(posts).toEqual([]);
  });
});

describe('Advances', () => {
  it('shows what each club owes and records a repayment, refusing more than is outstanding', async () => {
    render(withProviders(() => <Advances clubs={[{ clubId: 3, clubName: '网球社' }]} />));
    const row = (await screen.findByText('网球社', { selector: 'th' })).closest('tr')!;
    expect(row.textContent).toContain('¥200.00');
    fireEvent.click(within(row).getByRole('button', { name: '记归还：网球社' }));
    const form = screen.getByRole('form', { name: '网球社归还预支' });
    fireEvent.input(within(form).getByLabelText('金额（元）'), { target: { value: '250' } });
    fireEvent.click(within(form).getByRole('button', { name: '确认归还' }));
    expect(await screen.findByText('归还不能超过未还的 ¥200.00。')).toBeTruthy();
    expect(posts).toEqual([]);
    fireEvent.input(within(form).getByLabelText('金额（元）'), { target: { value: '150' } });
    fireEvent.click(within(form).getByRole('button', { name: '确认归还' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({ path: '/api/ledger/advances/3/repayments', body: { amountFen: 15000 } });
  });

  it('records a new advance to a club', async () => {
    render(withProviders(() => <Advances clubs={[{ clubId: 3, clubName: '网球社' }]} />));
    const form = await screen.findByRole('form', { name: '预支给社团' });
    fireEvent.input(within(form).getByLabelText('金额（元）'), { target: { value: '80' } });
    fireEvent.click(within(form).getByRole('button', { name: '记预支' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({ path: '/api/ledger/advances', body: { clubId: 3, amountFen: 8000 } });
  });
});

describe('FundStatement for administrators', () => {
  it('lists advances apart from income and spending, reverses an entry with a reason after confirming, and attaches a receipt', async () => {
    window.history.replaceState(null, '', '/accounts/hub');
    render(withProviders(() => <FundStatement />, 'zh-CN', '/accounts/:key'));
    // The statement loads again once the reader is known to be a member; wait for the administrator's view.
    await screen.findByRole('button', { name: '查看凭证 1' });
    const movements = screen.getByRole('heading', { name: '期初与往来' }).closest('section')!;
    expect(within(movements).getByText('预支').closest('tr')?.textContent).toContain('−¥300.00');
    const entries = screen.getByRole('table', { name: '收支记录' });
    const seedRow = within(entries).getByText('启动资金：发起人').closest('tr')!;
    expect(within(seedRow).getByRole('button', { name: '查看凭证 1' })).toBeTruthy();

    fireEvent.click(within(seedRow).getByRole('button', { name: '冲销' }));
    const confirm = within(seedRow).getByRole('button', { name: '确认冲销' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.input(within(seedRow).getByLabelText('冲销原因'), { target: { value: '金额记错' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({ path: '/api/ledger/transactions/11/reversal', body: { memo: '金额记错' } });

    const advanceRow = within(entries).getByText('预支给网球社').closest('tr')!;
    fireEvent.change(within(advanceRow).getByLabelText('上传凭证'), {
      target: { files: [new File([new Uint8Array([37, 80, 68, 70])], 'r.pdf', { type: 'application/pdf' })] },
    });
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1]).toMatchObject({ path: '/api/ledger/transactions/12/receipts', type: 'application/pdf' });
    expect(posts[1]!.body).toBeGreaterThan(0);
  });

  it('offers a member who is not an administrator neither reversal nor receipts', async () => {
    me = residentMe;
    window.history.replaceState(null, '', '/accounts/hub');
    render(withProviders(() => <FundStatement />, 'zh-CN', '/accounts/:key'));
    await screen.findByText('启动资金：发起人');
    expect(screen.queryByRole('button', { name: '冲销' })).toBeNull();
    expect(screen.queryByLabelText('上传凭证')).toBeNull();
  });
});
