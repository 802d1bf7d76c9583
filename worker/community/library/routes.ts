import { OpenAPIHono, z } from '@hono/zod-openapi';
import { isLibrarian } from '../../auth/roles';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { communitySettings } from '../profile/service';
import { readInTimeZone } from '../profile/time-zone-guess';
import { libraryFigures } from './figures';
import { cardNumberOf, lastMonths, loanHistoryVisible } from './rules';
import { reservationStatuses } from './schema';
import {
  borrowerRecord,
  cancelReservation,
  cardOf,
  copyByMark,
  findBorrowers,
  lend,
  libraryRules,
  renewLoan,
  replaceCard,
  reserve,
  returnLoan,
  todayIn,
} from './service';

const _anyone = { host: 'community', allow: 'public' } as const;
const residents = { host: 'community', allow: 'member' } as const;
const librarians = { host: 'community', allow: 'librarian' } as const;
const _keepers = { host: 'community', allow: ['librarian', 'association-admin'] } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const ok = json(z.object({ ok: z.literal(true) }), 'Done');

const borrowerSchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
  buildingName: z.string().nullable(),
  household: z.string().nullable(),
  onLoan: z.number().int(),
});

const borrowers = defineRoute(librarians, {
  method: 'get',
  path: '/api/library/borrowers',
  operationId: 'library.findBorrowers',
  summary: "Find a borrower by name, or by the library card's number (typed, or the card's QR code as scanned)",
  request: { query: z.object({ q: z.string().trim().max(40).optional(), card: z.string().trim().max(40).optional() }) },
  responses: { 200: json(z.object({ borrowers: z.array(borrowerSchema) }), 'Borrowers'), ...errorResponses(400, 401, 403) },
});

const loanSchema = z.object({
  id: z.number().int(),
  titleId: z.number().int(),
  title: z.string(),
  author: z.string(),
  shelfMark: z.string(),
  lentOn: z.string(),
  dueOn: z.string(),
  renewals: z.number().int(),
  returnedOn: z.string().nullable(),
  reserved: z.boolean(),
});
const reservationSchema = z.object({
  id: z.number().int(),
  titleId: z.number().int(),
  title: z.string(),
  status: z.enum(reservationStatuses),
  createdAt: z.string(),
  heldUntil: z.string().nullable(),
  shelfMark: z.string().nullable(),
  /** Place in the queue while waiting (1 is next); 0 once a copy is kept. */
  position: z.number().int(),
});
const recordSchema = z.object({ loans: z.array(loanSchema), reservations: z.array(reservationSchema) });

const mine = defineRoute(residents, {
  method: 'get',
  path: '/api/library/me',
  operationId: 'library.getMine',
  summary: 'My loans (open ones first) and reservations',
  responses: { 200: json(recordSchema, 'My record'), ...errorResponses(401, 403) },
});

const borrowerLoans = defineRoute(residents, {
  method: 'get',
  path: '/api/library/borrowers/{id}/loans',
  operationId: 'library.getBorrowerRecord',
  summary: "A borrower's loans and reservations: for the borrower and librarians only (anyone else: 404)",
  request: { params: idParam },
  responses: { 200: json(recordSchema, 'Record'), ...errorResponses(401, 403, 404) },
});

const lendRoute = defineRoute(librarians, {
  method: 'post',
  path: '/api/library/loans',
  operationId: 'library.lend',
  summary:
    'Lend a copy (by id or shelf mark) to a member (by id or library card number); refused with 409 when the copy is out or kept for another reservation, or the borrower is at the limit',
  request: jsonBody(
    z
      .object({
        copyId: z.number().int().positive().optional(),
        shelfMark: z.string().trim().min(1).max(20).optional(),
        memberId: z.number().int().positive().optional(),
        cardNumber: z.string().trim().max(40).optional(),
      })
      .superRefine((b, ctx) => {
        if (!b.copyId && !b.shelfMark) ctx.addIssue({ code: 'custom', path: ['copyId'], message: 'Name the copy' });
        if (!b.memberId && !b.cardNumber) ctx.addIssue({ code: 'custom', path: ['memberId'], message: 'Name the borrower' });
      }),
  ),
  responses: {
    201: json(z.object({ id: z.number().int(), dueOn: z.string() }), 'Lent'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const returnRoute = defineRoute(librarians, {
  method: 'post',
  path: '/api/library-loans/{id}/return',
  operationId: 'library.returnLoan',
  summary: 'Take a book back; if someone reserved the title, the copy is kept for them and they are notified (`heldFor`)',
  request: { params: idParam },
  responses: {
    200: json(
      z.object({
        heldFor: z.object({ reservationId: z.number().int(), name: z.string(), heldUntil: z.string().nullable() }).nullable(),
      }),
      'Returned',
    ),
    ...errorResponses(401, 403, 404, 409),
  },
});

const renewRoute = defineRoute(
  { host: 'community', allow: ['librarian', 'owner'] },
  {
    method: 'post',
    path: '/api/library-loans/{id}/renewal',
    operationId: 'library.renew',
    summary:
      'Renew a loan for another loan period from today: once, and not while someone has reserved the title (the borrower or a librarian)',
    request: { params: idParam },
    responses: { 200: json(z.object({ id: z.number().int(), dueOn: z.string() }), 'Renewed'), ...errorResponses(401, 403, 404, 409) },
  },
);

const reserveRoute = defineRoute(residents, {
  method: 'post',
  path: '/api/library/titles/{id}/reservations',
  operationId: 'library.reserve',
  summary: 'Reserve a book that has no copy on the shelf; when one comes back it is kept for you for a few days and you are notified',
  request: { params: idParam },
  responses: { 201: json(z.object({ id: z.number().int() }), 'Reserved'), ...errorResponses(401, 403, 404, 409) },
});

const cancelRoute = defineRoute(
  { host: 'community', allow: 'owner' },
  {
    method: 'post',
    path: '/api/library-reservations/{id}/cancellation',
    operationId: 'library.cancelReservation',
    summary: 'Cancel my reservation; a copy kept for it passes to the next in the queue',
    request: { params: idParam },
    responses: { 200: ok, ...errorResponses(401, 403, 404, 409) },
  },
);

const card = defineRoute(residents, {
  method: 'get',
  path: '/api/library/card',
  operationId: 'library.getCard',
  summary: 'My library card: its number, and the text its QR code carries (issued on first use)',
  responses: {
    200: json(z.object({ cardNumber: z.string(), qrText: z.string(), issuedAt: z.string() }), 'Card'),
    ...errorResponses(401, 403),
  },
});

const newCard = defineRoute(residents, {
  method: 'post',
  path: '/api/library/card',
  operationId: 'library.replaceCard',
  summary: 'A new card number for a lost card; the old number stops working',
  responses: {
    201: json(z.object({ cardNumber: z.string(), qrText: z.string(), issuedAt: z.string() }), 'New card'),
    ...errorResponses(401, 403, 409),
  },
});

const figures = defineRoute(residents, {
  method: 'get',
  path: '/api/library/figures',
  operationId: 'library.getFigures',
  summary: "The library's figures for the last twelve months on the community's calendar (members)",
  responses: {
    200: json(
      z.object({
        months: z.array(z.string()),
        figures: z.array(
          z.object({
            key: z.string(),
            labelZh: z.string(),
            labelEn: z.string(),
            unit: z.enum(['count', 'hours', 'fen', 'percent']),
            values: z.record(z.string(), z.number()),
          }),
        ),
      }),
      'Figures',
    ),
    ...errorResponses(401, 403),
  },
});

const cardView = (row: { cardNumber: string; issuedAt: string }) => ({
  cardNumber: row.cardNumber,
  qrText: `HZLIB:${row.cardNumber}`,
  issuedAt: row.issuedAt,
});

/** Loans and returns at the desk, reservations, library cards and the library's figures (the catalogue: catalogue-routes.ts). */
export const libraryRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(borrowers, async (c) => {
    const query = c.req.valid('query');
    if (query.card !== undefined) {
      const number = cardNumberOf(query.card);
      if (!number) throw new AppError('validation_failed', 'This is not a library card number', { card: ['Ten digits'] });
      return c.json({ borrowers: await findBorrowers(tenantOf(c).db, { card: number }) }, 200);
    }
    return c.json({ borrowers: await findBorrowers(tenantOf(c).db, { q: query.q ?? '' }) }, 200);
  })
  .openapi(mine, async (c) => c.json(await borrowerRecord(tenantOf(c).db, memberOf(c).id, Date.now()), 200))
  .openapi(borrowerLoans, async (c) => {
    const me = memberOf(c);
    const { id } = c.req.valid('param');
    if (!loanHistoryVisible({ memberId: me.id, librarian: isLibrarian(me) }, id)) throw new AppError('not_found', 'No such borrower');
    return c.json(await borrowerRecord(tenantOf(c).db, id, Date.now()), 200);
  })
  .openapi(lendRoute, async (c) => {
    const { db } = tenantOf(c);
    const body = c.req.valid('json');
    const copyId = body.copyId ?? (await copyByMark(db, body.shelfMark ?? '')).id;
    let memberId = body.memberId;
    if (!memberId) {
      const number = cardNumberOf(body.cardNumber ?? '');
      if (!number) throw new AppError('validation_failed', 'This is not a library card number', { cardNumber: ['Ten digits'] });
      const [holder] = await findBorrowers(db, { card: number });
      if (!holder) throw new AppError('not_found', 'No member has this card');
      memberId = holder.id;
    }
    const { timeZone } = await communitySettings(db);
    return c.json(await lend(db, memberOf(c).id, { copyId, memberId }, await libraryRules(db), Date.now(), timeZone), 201);
  })
  .openapi(returnRoute, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    return c.json(await returnLoan(db, c.req.valid('param').id, await libraryRules(db), Date.now(), timeZone), 200);
  })
  .openapi(renewRoute, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    return c.json(await renewLoan(db, c.req.valid('param').id, await libraryRules(db), Date.now(), timeZone), 200);
  })
  .openapi(reserveRoute, async (c) => c.json(await reserve(tenantOf(c).db, memberOf(c).id, c.req.valid('param').id, Date.now()), 201))
  .openapi(cancelRoute, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    await cancelReservation(db, c.req.valid('param').id, await libraryRules(db), Date.now(), timeZone);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(card, async (c) => c.json(cardView(await cardOf(tenantOf(c).db, memberOf(c).id)), 200))
  .openapi(newCard, async (c) => c.json(cardView(await replaceCard(tenantOf(c).db, memberOf(c).id)), 201))
  .openapi(figures, async (c) => {
    const { db, community } = tenantOf(c);
    const now = Date.now();
    const readsIn = (timeZone: string) => {
      const months = lastMonths(todayIn(now, timeZone), 12);
      return { months, reads: libraryFigures.reads(db, months, timeZone) };
    };
    const { settings, rows } = await readInTimeZone(db, community.id, (timeZone) => readsIn(timeZone).reads.statements);
    const { months, reads } = readsIn(settings.timeZone);
    return c.json({ months, figures: reads.figures(rows) }, 200);
  });
