import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { members } from '../members/schema';
import { bookCategories, copyConditions, reservationStatuses } from './schema';
import { addCopy, addTitle, copyByMark, libraryRules, searchCatalogue, titleDetail, updateLibraryRules } from './service';

const anyone = { host: 'community', allow: 'public' } as const;
const _residents = { host: 'community', allow: 'member' } as const;
const librarians = { host: 'community', allow: 'librarian' } as const;
const keepers = { host: 'community', allow: ['librarian', 'association-admin'] } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const _ok = json(z.object({ ok: z.literal(true) }), 'Done');

const titleSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  author: z.string(),
  isbn: z.string().nullable(),
  publisher: z.string(),
  year: z.number().int().nullable(),
  category: z.enum(bookCategories),
  thankedDonor: z.string().nullable(),
  copies: z.number().int(),
  available: z.number().int(),
  waiting: z.number().int(),
  nextDue: z.string().nullable(),
});

const settingsSchema = z.object({
  loanDays: z.number().int().min(7).max(90),
  maxLoans: z.number().int().min(1).max(20),
  holdDays: z.number().int().min(1).max(14),
  eraseAfterMonths: z.number().int().min(1).max(36),
});

const search = defineRoute(anyone, {
  method: 'get',
  path: '/api/library/catalogue',
  operationId: 'library.search',
  summary: 'Search the catalogue by title, author or ISBN, with how many copies are on the shelf (anyone; no borrower is named)',
  request: {
    query: z.object({
      q: z.string().trim().max(60).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(30),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: { 200: json(z.object({ total: z.number().int(), titles: z.array(titleSchema) }), 'Titles'), ...errorResponses(400) },
});

const getTitle = defineRoute(anyone, {
  method: 'get',
  path: '/api/library/titles/{id}',
  operationId: 'library.getTitle',
  summary: "A title with each copy's state; for a signed-in member, whether a copy is kept for them and their reservation",
  request: { params: idParam },
  responses: {
    200: json(
      titleSchema.extend({
        copyList: z.array(
          z.object({
            id: z.number().int(),
            shelfMark: z.string(),
            condition: z.enum(copyConditions),
            state: z.enum(['available', 'on-loan', 'held']),
            dueOn: z.string().nullable(),
            heldForMe: z.boolean(),
          }),
        ),
        myReservation: z.object({ id: z.number().int(), status: z.enum(reservationStatuses), heldUntil: z.string().nullable() }).nullable(),
      }),
      'Title',
    ),
    ...errorResponses(400, 404),
  },
});

const getSettings = defineRoute(anyone, {
  method: 'get',
  path: '/api/library/settings',
  operationId: 'library.getSettings',
  summary:
    "The library's rules: loan days, books per reader, days a returned copy is kept for a reservation, months before a loan forgets its borrower",
  responses: { 200: json(settingsSchema, 'Rules') },
});

const putSettings = defineRoute(keepers, {
  method: 'put',
  path: '/api/library/settings',
  operationId: 'library.updateSettings',
  summary: "Change the library's rules (librarians and association administrators)",
  request: jsonBody(settingsSchema),
  responses: { 200: json(settingsSchema, 'Rules'), ...errorResponses(400, 401, 403) },
});

const newCopySchema = z.object({
  shelfMark: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,20}$/)
    .optional(),
  condition: z.enum(copyConditions).default('good'),
});

const addTitleRoute = defineRoute(keepers, {
  method: 'post',
  path: '/api/library/titles',
  operationId: 'library.addTitle',
  summary:
    'Catalogue a book with its copies (librarians, administrators); the ISBN is checked, an ISBN already catalogued is 409 naming the title (add a copy to it instead); shelf marks are given when left out',
  request: jsonBody(
    z.object({
      title: z.string().trim().min(1).max(120),
      author: z.string().trim().max(80).default(''),
      isbn: z.string().trim().max(20).optional(),
      publisher: z.string().trim().max(80).default(''),
      year: z.number().int().min(1800).max(2100).optional(),
      category: z.enum(bookCategories),
      donorName: z.string().trim().max(40).optional(),
      /** The donor agreed to be thanked in public. */
      donorThanked: z.boolean().default(false),
      copies: z.array(newCopySchema).min(1).max(20),
    }),
  ),
  responses: {
    201: json(z.object({ id: z.number().int(), copyIds: z.array(z.number().int()) }), 'Catalogued'),
    ...errorResponses(400, 401, 403, 409),
  },
});

const addCopyRoute = defineRoute(keepers, {
  method: 'post',
  path: '/api/library/titles/{id}/copies',
  operationId: 'library.addCopy',
  summary: 'Add a copy of a catalogued book (librarians, administrators)',
  request: { params: idParam, ...jsonBody(newCopySchema) },
  responses: {
    201: json(z.object({ id: z.number().int(), shelfMark: z.string() }), 'Added'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const findCopy = defineRoute(librarians, {
  method: 'get',
  path: '/api/library/copies',
  operationId: 'library.findCopy',
  summary: 'A copy by its shelf mark, with its title and who has it (librarians at the desk)',
  request: { query: z.object({ mark: z.string().trim().min(1).max(20) }) },
  responses: {
    200: json(
      z.object({
        id: z.number().int(),
        shelfMark: z.string(),
        condition: z.enum(copyConditions),
        titleId: z.number().int(),
        title: z.string(),
        author: z.string(),
        loanId: z.number().int().nullable(),
        dueOn: z.string().nullable(),
        borrower: z.string().nullable(),
        /** Who a returned copy is kept for, while the hold runs: only they may borrow it. */
        heldFor: z.string().nullable(),
      }),
      'Copy',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

/** The signed-in caller's member id if they are an active member here, for public routes that say a little more to members. */
async function viewerId(db: TenantDb, userId: string | undefined) {
  if (!userId) return null;
  const [row] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.userId, userId), eq(members.status, 'active')));
  return row?.id ?? null;
}

/** The catalogue (search, a title, adding titles and copies, finding a copy by its mark) and the library's rules. */
export const libraryCatalogueRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(search, async (c) => c.json(await searchCatalogue(tenantOf(c).db, c.req.valid('query'), Date.now()), 200))
  .openapi(getTitle, async (c) => {
    const { db } = tenantOf(c);
    const viewer = await viewerId(db, c.get('identity')?.userId);
    return c.json(await titleDetail(db, c.req.valid('param').id, viewer, Date.now()), 200);
  })
  .openapi(getSettings, async (c) => c.json(await libraryRules(tenantOf(c).db), 200))
  .openapi(putSettings, async (c) => c.json(await updateLibraryRules(tenantOf(c).db, c.req.valid('json')), 200))
  .openapi(addTitleRoute, async (c) => c.json(await addTitle(tenantOf(c).db, memberOf(c).id, c.req.valid('json')), 201))
  .openapi(addCopyRoute, async (c) => c.json(await addCopy(tenantOf(c).db, c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(findCopy, async (c) => c.json(await copyByMark(tenantOf(c).db, c.req.valid('query').mark), 200));
