import { describe, expect, it, vi } from 'vitest';
import { runLibraryDay } from '../../worker/community/library/daily';
import { runRetention } from '../../worker/community/retention/service';
import { isbn13CheckDigit } from '../../worker/community/library/rules';
import { as, byId, type Person, resident, sharedCommunity } from './community-fixtures';
import { bodyOf, errorOf, expectStatus, read, tenantD1, tenantDb } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const c = sharedCommunity();
const DAY = 86400_000;

let isbnCounter = 100000 + Math.floor(Math.random() * 800000);
/** A fresh valid ISBN-13 for each book, so tests never collide in the shared catalogue. */
function freshIsbn() {
  const first12 = `978711${String(isbnCounter++).padStart(6, '0')}`;
  return first12 + isbn13CheckDigit(first12);
}

async function librarian(name = '馆员'): Promise<Person> {
  const person = await resident(c().host, name);
  const res = await read(
    as(c().host, c().admin).members[':memberId'].roles.$put({
      param: { memberId: String(person.id) },
      json: { roles: [{ role: 'librarian' }] },
    }),
  );
  expectStatus(res, 200);
  return person;
}

async function book(by: Person, copies = 1, title = '城南旧事') {
  const res = await read(
    as(c().host, by).library.titles.$post({
      json: {
        title,
        author: '林海音',
        isbn: freshIsbn(),
        publisher: '人民文学出版社',
        year: 2003,
        category: 'literature',
        copies: Array.from({ length: copies }, () => ({ condition: 'good' as const })),
      },
    }),
  );
  return bodyOf(res, 201);
}

const lend = (by: Person, copyId: number, memberId: number) => read(as(c().host, by).library.loans.$post({ json: { copyId, memberId } }));
const giveBack = (by: Person, loanId: number) => read(as(c().host, by)['library-loans'][':id'].return.$post(byId(loanId)));
const renew = (by: Person, loanId: number) => read(as(c().host, by)['library-loans'][':id'].renewal.$post(byId(loanId)));
const reserve = (by: Person, titleId: number) => read(as(c().host, by).library.titles[':id'].reservations.$post(byId(titleId)));
const mine = async (who: Person) => bodyOf(await read(as(c().host, who).library.me.$get()), 200);
const notes = async (who: Person) => bodyOf(await read(as(c().host, who).me.notifications.$get()), 200).notifications;

describe('the catalogue', () => {
  it('a librarian catalogues a donated book with checked ISBN; residents and visitors find it with its availability', async () => {
    const lib = await librarian();
    const isbn10 = '7020022200'; // 7-02-002220-0 → 978-7-02-002220-5
    const created = await read(
      as(c().host, lib).library.titles.$post({
        json: {
          title: '红楼梦',
          author: '曹雪芹',
          isbn: isbn10,
          publisher: '人民文学出版社',
          year: 1996,
          category: 'literature',
          donorName: '3栋 刘阿姨',
          donorThanked: true,
          copies: [{ condition: 'good' }, { condition: 'worn', shelfMark: 'L-HLM-2' }],
        },
      }),
    );
    const { id, copyIds } = bodyOf(created, 201);
    expect(copyIds).toHaveLength(2);

    const again = await read(
      as(c().host, lib).library.titles.$post({
        json: { title: '红楼梦', isbn: '978-7-02-002220-5', category: 'literature', copies: [{}] },
      }),
    );
    expect(again.status).toBe(409);
    expect(errorOf(again.json).details).toMatchObject({ titleId: id });
    const wrong = await read(
      as(c().host, lib).library.titles.$post({ json: { title: '错书', isbn: '9787020022207', category: 'other', copies: [{}] } }),
    );
    expect(wrong.status).toBe(400);

    // Anyone searches, by title, author or the ISBN as printed; the donor is thanked because they agreed.
    for (const q of ['红楼', '曹雪芹', '9787020022205', '7-02-002220-0']) {
      const found = bodyOf(await read(as(c().host).library.catalogue.$get({ query: { q } })), 200);
      expect(
        found.titles.map((t) => t.id),
        q,
      ).toContain(id);
    }
    const detail = bodyOf(await read(as(c().host).library.titles[':id'].$get(byId(id))), 200);
    expect(detail).toMatchObject({ isbn: '9787020022205', copies: 2, available: 2, thankedDonor: '3栋 刘阿姨' });
    expect(detail.copyList.map((x) => x.shelfMark)).toContain('L-HLM-2');
    expect(detail.copyList.find((x) => x.shelfMark !== 'L-HLM-2')?.shelfMark).toMatch(/^L-\d{4}$/);

    // A donor who did not agree is not named.
    const quiet = await read(
      as(c().host, lib).library.titles.$post({
        json: { title: '呼兰河传', isbn: freshIsbn(), category: 'literature', donorName: '不愿具名', copies: [{}] },
      }),
    );
    const quietDetail = bodyOf(await read(as(c().host).library.titles[':id'].$get(byId(bodyOf(quiet, 201).id))), 200);
    expect(quietDetail.thankedDonor).toBeNull();
    expect(JSON.stringify(quietDetail)).not.toContain('不愿具名');
  });
});

describe('lending at the desk', () => {
  it('only librarians lend: a member gets 403 and nothing is lent', async () => {
    const lib = await librarian();
    const reader = await resident(c().host, '读者');
    const { copyIds } = await book(lib);
    const refused = await lend(reader, copyIds[0]!, reader.id);
    expect(refused.status).toBe(403);
    expect((await lend(c().admin, copyIds[0]!, reader.id)).status).toBe(403);
    expect((await mine(reader)).loans).toEqual([]);
    expectStatus(await lend(lib, copyIds[0]!, reader.id), 201);
    expect((await mine(reader)).loans).toHaveLength(1);
  });

  it('two librarians lending the last copy at once make exactly one loan', async () => {
    const [lib1, lib2] = [await librarian('馆员甲'), await librarian('馆员乙')];
    const [a, b] = [await resident(c().host, '甲'), await resident(c().host, '乙')];
    const { copyIds } = await book(lib1);
    const results = await Promise.all([lend(lib1, copyIds[0]!, a.id), lend(lib2, copyIds[0]!, b.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const d1 = await tenantD1(c().slug);
    const open = await d1
      .prepare('SELECT COUNT(*) AS n FROM library_loans WHERE copy_id = ? AND returned_at IS NULL')
      .bind(copyIds[0])
      .first<{ n: number }>();
    expect(open?.n).toBe(1);
  });

  it('holds to the limit in the write itself, even for loans asked for at once, and lends by card number', async () => {
    const lib = await librarian();
    const reader = await resident(c().host, '爱读书的人');
    const { copyIds } = await book(lib, 5);
    const results = await Promise.all(copyIds.map((id) => lend(lib, id, reader.id)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(2);

    // The admin raises the limit; the reader's card (as its QR code reads) borrows a fourth.
    expectStatus(
      await read(as(c().host, c().admin).library.settings.$put({ json: { loanDays: 21, maxLoans: 4, holdDays: 3, eraseAfterMonths: 6 } })),
      200,
    );
    try {
      const card = bodyOf(await read(as(c().host, reader).library.card.$get()), 200);
      expect(card.qrText).toBe(`HZLIB:${card.cardNumber}`);
      const found = bodyOf(await read(as(c().host, lib).library.borrowers.$get({ query: { card: card.qrText } })), 200);
      expect(found.borrowers.map((x) => x.id)).toEqual([reader.id]);
      const free = copyIds.filter((_, i) => results[i]!.status === 409);
      const lent = await read(as(c().host, lib).library.loans.$post({ json: { copyId: free[0]!, cardNumber: card.qrText } }));
      expectStatus(lent, 201);
      expect((await mine(reader)).loans.filter((l) => l.returnedOn === null)).toHaveLength(4);
    } finally {
      await read(as(c().host, c().admin).library.settings.$put({ json: { loanDays: 30, maxLoans: 3, holdDays: 3, eraseAfterMonths: 6 } }));
    }
  });

  it('renews once, by the borrower or a librarian, and not when someone has reserved the book', async () => {
    const lib = await librarian();
    const [a, b, other] = [await resident(c().host, '续借人'), await resident(c().host, '预约人'), await resident(c().host, '旁人')];
    const first = await book(lib);
    const loan = bodyOf(await lend(lib, first.copyIds[0]!, a.id), 201);
    expect((await renew(other, loan.id)).status).toBe(403);
    const renewed = bodyOf(await renew(a, loan.id), 200);
    expect(renewed.dueOn >= loan.dueOn).toBe(true);
    expect((await renew(lib, loan.id)).status).toBe(409);

    const second = await book(lib);
    const loan2 = bodyOf(await lend(lib, second.copyIds[0]!, a.id), 201);
    expectStatus(await reserve(b, second.id), 201);
    const refused = await renew(a, loan2.id);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.json)).toMatch(/waiting/);
  });
});

describe('reservations', () => {
  it('a title that is out is reserved; on return the copy is held for the reader, who is told, and only they may borrow it', async () => {
    const lib = await librarian();
    const [a, b, cc] = [await resident(c().host, '借书人'), await resident(c().host, '等书人'), await resident(c().host, '插队人')];
    const { id, copyIds } = await book(lib, 1, '小王子');
    expect((await reserve(b, id)).status).toBe(409); // on the shelf: just borrow it
    const loan = bodyOf(await lend(lib, copyIds[0]!, a.id), 201);
    expectStatus(await reserve(b, id), 201);
    expect((await reserve(b, id)).status).toBe(409);
    expect((await reserve(a, id)).status).toBe(409); // has it out

    const back = bodyOf(await giveBack(lib, loan.id), 200);
    expect(back.heldFor?.name).toBe('等书人');
    expect((await giveBack(lib, loan.id)).status).toBe(409);
    expect((await notes(b)).some((n) => n.textZh.includes('《小王子》已到馆'))).toBe(true);
    expect((await mine(b)).reservations).toEqual([expect.objectContaining({ titleId: id, status: 'held' })]);
    const shown = bodyOf(await read(as(c().host, b).library.titles[':id'].$get(byId(id))), 200);
    expect(shown.copyList[0]).toMatchObject({ state: 'held', heldForMe: true });
    expect(shown.available).toBe(0);

    expect((await lend(lib, copyIds[0]!, cc.id)).status).toBe(409);
    expectStatus(await lend(lib, copyIds[0]!, b.id), 201);
    expect((await mine(b)).reservations).toEqual([]);
  });

  it('a hold runs three days, then passes to the next reader, who is told; the first is no longer held for', async () => {
    const lib = await librarian();
    const [a, b, cc] = [await resident(c().host, '读者一'), await resident(c().host, '读者二'), await resident(c().host, '读者三')];
    const { id, copyIds } = await book(lib, 1, '活着');
    const loan = bodyOf(await lend(lib, copyIds[0]!, a.id), 201);
    expectStatus(await reserve(b, id), 201);
    expectStatus(await reserve(cc, id), 201);
    expect((await mine(cc)).reservations[0]?.position).toBe(2);
    bodyOf(await giveBack(lib, loan.id), 200);

    const db = await tenantDb(c().slug);
    await runLibraryDay(db, Date.now() + 2 * DAY);
    expect((await mine(b)).reservations[0]?.status).toBe('held');
    await runLibraryDay(db, Date.now() + 3 * DAY + 60_000);
    expect((await mine(b)).reservations).toEqual([]);
    expect((await mine(cc)).reservations).toEqual([expect.objectContaining({ status: 'held' })]);
    expect((await notes(cc)).filter((n) => n.textZh.includes('《活着》已到馆'))).toHaveLength(1);
    // Running the day again passes nothing on twice.
    await runLibraryDay(db, Date.now() + 3 * DAY + 120_000);
    expect((await notes(cc)).filter((n) => n.textZh.includes('《活着》已到馆'))).toHaveLength(1);
  });
});

describe("a borrower's history is private", () => {
  it('is theirs and the librarians’ to see; another member gets 404', async () => {
    const lib = await librarian();
    const [a, b] = [await resident(c().host, '隐私甲'), await resident(c().host, '隐私乙')];
    const { copyIds } = await book(lib, 1, '围城');
    expectStatus(await lend(lib, copyIds[0]!, a.id), 201);
    const record = (who: Person) => read(as(c().host, who).library.borrowers[':id'].loans.$get(byId(a.id)));
    expect(bodyOf(await record(a), 200).loans.map((l) => l.title)).toEqual(['围城']);
    expect(bodyOf(await record(lib), 200).loans).toHaveLength(1);
    expect((await record(b)).status).toBe(404);
    expect((await mine(b)).loans).toEqual([]);
    expect((await read(as(c().host, b).library.borrowers.$get({ query: { q: '隐私' } }))).status).toBe(403);
    // The public catalogue never names who has a book.
    const title = bodyOf(await read(as(c().host).library.catalogue.$get({ query: { q: '围城' } })), 200);
    expect(JSON.stringify(title)).not.toContain('隐私甲');
  });
});

describe('the daily pass', () => {
  it('reminds once per loan and stage: due soon, overdue, long overdue', async () => {
    const lib = await librarian();
    const a = await resident(c().host, '拖延的人');
    const { copyIds } = await book(lib, 1, '百年孤独');
    const loan = bodyOf(await lend(lib, copyIds[0]!, a.id), 201);
    const db = await tenantDb(c().slug);
    const d1 = await tenantD1(c().slug);
    const count = async () => (await notes(a)).filter((n) => n.textZh.includes('《百年孤独》')).length;
    await runLibraryDay(db);
    expect(await count()).toBe(0);
    const setDue = (daysFromToday: number) =>
      d1
        .prepare('UPDATE library_loans SET due_on = ? WHERE id = ?')
        .bind(new Date(Date.now() + daysFromToday * DAY).toISOString().slice(0, 10), loan.id)
        .run();
    await setDue(-3);
    await runLibraryDay(db);
    await runLibraryDay(db);
    expect(await count()).toBe(1);
    expect((await notes(a)).some((n) => n.textZh.includes('已过还书日'))).toBe(true);
    await setDue(-20);
    await runLibraryDay(db);
    await runLibraryDay(db);
    expect(await count()).toBe(2);
    expect((await notes(a)).some((n) => n.textZh.includes('已逾期两周'))).toBe(true);
  });

  it('erases the borrower of loans returned more than N months ago, and keeps the counts', async () => {
    const lib = await librarian();
    const a = await resident(c().host, '老读者');
    const { copyIds } = await book(lib, 1, '平凡的世界');
    const loan = bodyOf(await lend(lib, copyIds[0]!, a.id), 201);
    bodyOf(await giveBack(lib, loan.id), 200);
    const figuresBefore = bodyOf(await read(as(c().host, a).library.figures.$get()), 200);
    const loansBefore = figuresBefore.figures.find((f) => f.key === 'loans')!.values;
    const borrowersBefore = figuresBefore.figures.find((f) => f.key === 'borrowers')!.values;

    const db = await tenantDb(c().slug);
    await runRetention(db, Date.now() + 5 * 31 * DAY);
    expect((await mine(a)).loans).toHaveLength(1);
    await runRetention(db, Date.now() + 6 * 31 * DAY);
    expect((await mine(a)).loans).toEqual([]);
    const d1 = await tenantD1(c().slug);
    const row = await d1.prepare('SELECT member_id AS m FROM library_loans WHERE id = ?').bind(loan.id).first<{ m: number | null }>();
    expect(row?.m).toBeNull();
    const after = bodyOf(await read(as(c().host, a).library.figures.$get()), 200);
    expect(after.figures.find((f) => f.key === 'loans')!.values).toEqual(loansBefore);
    expect(after.figures.find((f) => f.key === 'borrowers')!.values).toEqual(borrowersBefore);
  });
});

describe('the duty roster', () => {
  it('publishes next month, volunteers claim, swap, and a served duty is confirmed into volunteer hours', async () => {
    const lib = await librarian('排班馆员');
    const [v1, v2, v3] = [await resident(c().host, '志愿者一'), await resident(c().host, '志愿者二'), await resident(c().host, '志愿者三')];
    const now = new Date();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
    expect(
      (
        await read(
          as(c().host, v1).library['duty-slots'].$post({
            json: { month: next, pattern: [{ weekday: 6, startsAt: '09:00', endsAt: '11:00' }] },
          }),
        )
      ).status,
    ).toBe(403);
    const published = await read(
      as(c().host, lib).library['duty-slots'].$post({
        json: { month: next, pattern: [{ weekday: 6, startsAt: '09:00', endsAt: '11:00' }], places: 1 },
      }),
    );
    expect(bodyOf(published, 201).created).toBeGreaterThanOrEqual(4);
    const far = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3, 1)).toISOString().slice(0, 7);
    expect(
      (
        await read(
          as(c().host, lib).library['duty-slots'].$post({
            json: { month: far, pattern: [{ weekday: 6, startsAt: '09:00', endsAt: '11:00' }] },
          }),
        )
      ).status,
    ).toBe(400);

    const roster = bodyOf(await read(as(c().host, v1).library.roster.$get({ query: { month: next } })), 200).slots;
    const slot = roster[0]!;
    const claim = bodyOf(await read(as(c().host, v1).library['duty-slots'][':id'].claims.$post(byId(slot.id))), 201);
    expect((await read(as(c().host, v2).library['duty-slots'][':id'].claims.$post(byId(slot.id)))).status).toBe(409);
    expect((await read(as(c().host, v2)['library-duty-claims'][':id'].offer.$post(byId(claim.id)))).status).toBe(403);
    expect((await read(as(c().host, v2)['library-duty-claims'][':id'].takeover.$post(byId(claim.id)))).status).toBe(409);
    expectStatus(await read(as(c().host, v1)['library-duty-claims'][':id'].offer.$post(byId(claim.id))), 200);
    expectStatus(await read(as(c().host, v2)['library-duty-claims'][':id'].takeover.$post(byId(claim.id))), 200);
    expect((await read(as(c().host, v3)['library-duty-claims'][':id'].takeover.$post(byId(claim.id)))).status).toBe(409);
    expect((await notes(v1)).some((n) => n.textZh.includes('志愿者二接下了你换出的书屋值班'))).toBe(true);
    const after = bodyOf(await read(as(c().host, v2).library.roster.$get({ query: { month: next } })), 200).slots[0]!;
    expect(after.claims).toEqual([expect.objectContaining({ name: '志愿者二', status: 'held', mine: true })]);

    // Not served yet: it cannot be confirmed.
    expect((await read(as(c().host, lib)['library-duty-claims'][':id'].confirmation.$post(byId(claim.id)))).status).toBe(409);
    // A duty served yesterday (written as the past it stands for), confirmed by the lead into confirmed hours.
    const d1 = await tenantD1(c().slug);
    const start = new Date(Date.now() - DAY).toISOString();
    const end = new Date(Date.now() - DAY + 2 * 3600_000).toISOString();
    const past = await d1
      .prepare('INSERT INTO library_duty_slots (starts_at, ends_at, places) VALUES (?, ?, 2) RETURNING id')
      .bind(start, end)
      .first<{ id: number }>();
    const served = await d1
      .prepare("INSERT INTO library_duty_claims (slot_id, member_id, status) VALUES (?, ?, 'held') RETURNING id")
      .bind(past!.id, v3.id)
      .first<{ id: number }>();
    expect((await read(as(c().host, v1)['library-duty-claims'][':id'].confirmation.$post(byId(served!.id)))).status).toBe(403);
    expect(bodyOf(await read(as(c().host, lib)['library-duty-claims'][':id'].confirmation.$post(byId(served!.id))), 200).minutes).toBe(120);
    expect((await read(as(c().host, c().admin)['library-duty-claims'][':id'].confirmation.$post(byId(served!.id)))).status).toBe(409);
    const hours = bodyOf(await read(as(c().host, v3).volunteers.me.$get()), 200);
    expect(hours.confirmedMinutes).toBe(120);
    expect(hours.hours).toEqual([expect.objectContaining({ programKey: 'library', minutes: 120, confirmedAt: expect.any(String) })]);
  });
});

describe('figures', () => {
  it('gives twelve months of loans, borrowers, titles, on-time returns and volunteer hours', async () => {
    const lib = await librarian();
    const a = await resident(c().host, '按时还书的人');
    const { copyIds } = await book(lib, 1, '朝花夕拾');
    const loan = bodyOf(await lend(lib, copyIds[0]!, a.id), 201);
    bodyOf(await giveBack(lib, loan.id), 200);
    const res = bodyOf(await read(as(c().host, a).library.figures.$get()), 200);
    expect(res.months).toHaveLength(12);
    const month = res.months.at(-1)!;
    const byKey = Object.fromEntries(res.figures.map((f) => [f.key, f]));
    expect(Object.keys(byKey)).toEqual(['loans', 'borrowers', 'titles', 'on-time', 'volunteer-hours']);
    expect(byKey.loans!.values[month]).toBeGreaterThanOrEqual(1);
    expect(byKey.titles!.values[month]).toBeGreaterThanOrEqual(1);
    expect(byKey['on-time']!.unit).toBe('percent');
    expect(byKey['on-time']!.values[month]).toBeGreaterThan(0);
    expect((await read(as(c().host).library.figures.$get())).status).toBe(401);
  });
});
