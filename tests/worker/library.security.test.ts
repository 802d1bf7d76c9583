import { describe, expect, it, vi } from 'vitest';
import { isbn13CheckDigit } from '../../worker/community/library/rules';
import { as, byId, community, type Person, resident } from './community-fixtures';
import { bodyOf, expectStatus, rawCall, read } from './helpers';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

async function appoint(host: string, admin: Person, person: Person) {
  expectStatus(
    await read(
      as(host, admin).members[':memberId'].roles.$put({ param: { memberId: String(person.id) }, json: { roles: [{ role: 'librarian' }] } }),
    ),
    200,
  );
}

/** Two communities, each with a librarian, a borrower with a book out, and a neighbour. */
async function setup() {
  const [one, two] = [await community(), await community()];
  const people = async (c: typeof one) => {
    const librarian = await resident(c.host, '馆员');
    await appoint(c.host, c.admin, librarian);
    const borrower = await resident(c.host, '借书人');
    const neighbour = await resident(c.host, '邻居');
    const first12 = `97875${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const { id, copyIds } = bodyOf(
      await read(
        as(c.host, librarian).library.titles.$post({
          json: { title: '骆驼祥子', author: '老舍', isbn: first12 + isbn13CheckDigit(first12), category: 'literature', copies: [{}] },
        }),
      ),
      201,
    );
    const loan = bodyOf(
      await read(as(c.host, librarian).library.loans.$post({ json: { copyId: copyIds[0]!, memberId: borrower.id } })),
      201,
    );
    return { ...c, librarian, borrower, neighbour, titleId: id, copyId: copyIds[0]!, loanId: loan.id };
  };
  return [await people(one), await people(two)] as const;
}

describe('the library keeps to its community and its roles', () => {
  it('refuses every role that is not named, hides borrowers, and shows another community nothing', async () => {
    const [a, b] = await setup();

    // Visitors: the catalogue yes, no names; everything else asks to sign in.
    const catalogue = bodyOf(await read(as(a.host).library.catalogue.$get({ query: {} })), 200);
    expect(catalogue.titles.map((t) => t.title)).toEqual(['骆驼祥子']);
    expect(JSON.stringify(catalogue)).not.toContain('借书人');
    for (const path of ['/api/library/me', '/api/library/card', '/api/library/figures', '/api/library/roster?month=2025-01'])
      expect((await rawCall(a.host, path)).status, path).toBe(401);
    expect((await rawCall(a.host, '/api/library/loans', { body: { copyId: a.copyId, memberId: a.neighbour.id } })).status).toBe(401);

    // A member who is not a librarian: no desk, no catalogue changes, no one else's record.
    const n = a.neighbour;
    expect((await read(as(a.host, n).library.loans.$post({ json: { copyId: a.copyId, memberId: n.id } }))).status).toBe(403);
    expect((await read(as(a.host, n)['library-loans'][':id'].return.$post(byId(a.loanId)))).status).toBe(403);
    expect((await read(as(a.host, n)['library-loans'][':id'].renewal.$post(byId(a.loanId)))).status).toBe(403);
    expect((await read(as(a.host, n).library.titles.$post({ json: { title: 'x', category: 'other', copies: [{}] } }))).status).toBe(403);
    expect((await read(as(a.host, n).library.titles[':id'].copies.$post({ ...byId(a.titleId), json: {} }))).status).toBe(403);
    expect((await read(as(a.host, n).library.copies.$get({ query: { mark: 'L-0001' } }))).status).toBe(403);
    expect((await read(as(a.host, n).library.borrowers.$get({ query: { q: '借' } }))).status).toBe(403);
    expect((await read(as(a.host, n).library.borrowers[':id'].loans.$get(byId(a.borrower.id)))).status).toBe(404);
    expect(
      (await read(as(a.host, n).library.settings.$put({ json: { loanDays: 7, maxLoans: 9, holdDays: 1, eraseAfterMonths: 1 } }))).status,
    ).toBe(403);
    expect(
      (
        await read(
          as(a.host, n).library['duty-slots'].$post({
            json: { month: '2030-01', pattern: [{ weekday: 1, startsAt: '09:00', endsAt: '10:00' }] },
          }),
        )
      ).status,
    ).toBe(403);

    // An association administrator keeps the catalogue and the rules, but lends only as a librarian.
    expectStatus(
      await read(as(a.host, a.admin).library.settings.$put({ json: { loanDays: 30, maxLoans: 3, holdDays: 3, eraseAfterMonths: 6 } })),
      200,
    );
    expect((await read(as(a.host, a.admin).library.loans.$post({ json: { copyId: a.copyId, memberId: n.id } }))).status).toBe(403);

    // The other community's librarian: a's objects do not exist there, and nothing of a's shows.
    const lb = b.librarian;
    expect((await read(as(b.host, lb)['library-loans'][':id'].return.$post(byId(a.loanId + 1000)))).status).toBe(404);
    expect((await read(as(b.host, lb).library.loans.$post({ json: { copyId: a.copyId + 1000, memberId: b.neighbour.id } }))).status).toBe(
      404,
    );
    expect((await read(as(b.host, lb).library.borrowers.$get({ query: { q: '借书人' } }))).json).toMatchObject({
      borrowers: [{ id: b.borrower.id }],
    });
    // a's librarian token is not valid on b's host; a's people are not members there.
    expect((await read(as(b.host, a.librarian).library.loans.$post({ json: { copyId: b.copyId, memberId: b.neighbour.id } }))).status).toBe(
      401,
    );
    const bTitles = bodyOf(await read(as(b.host).library.catalogue.$get({ query: {} })), 200).titles;
    expect(bTitles).toHaveLength(1);
    expect((await read(as(b.host).library.titles[':id'].$get(byId(a.titleId + 1000)))).status).toBe(404);

    // The borrower renews their own loan; another's loan is not theirs.
    expectStatus(await read(as(a.host, a.borrower)['library-loans'][':id'].renewal.$post(byId(a.loanId))), 200);
    // Cancelling someone else's reservation, offering someone else's duty: refused.
    expect((await read(as(a.host, n)['library-reservations'][':id'].cancellation.$post(byId(1)))).status).toBe(403);
    expect((await read(as(a.host, n)['library-duty-claims'][':id'].offer.$post(byId(1)))).status).toBe(403);
    expect((await read(as(a.host, n)['library-duty-claims'][':id'].confirmation.$post(byId(1)))).status).toBe(403);
  });
});
