import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { ledgerAccounts, ledgerPostings, ledgerTransactions, mediaFiles } from '../../db/tenant-schema';
import { audit } from '../../platform/audit';
import { AppError } from '../../errors';
import type { AppContext, AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { uploadHeaders } from '../../http/security-headers';
import { validationHook } from '../../http/validation';
import { getActivity } from '../activities/service';
import { hasHappened } from '../activities/rules';

const _residents = { host: 'community', allow: 'member' } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const MAX_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const RECEIPT_TYPES = [...IMAGE_TYPES, 'application/pdf'];
const fileSchema = z.object({
  id: z.number().int(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  url: z.string(),
});
export const binaryBody = (types: string[]) => ({
  body: { content: Object.fromEntries(types.map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }])), required: true },
});

/** Reads an upload, checking its type and size before anything is stored. */
export async function readUpload(c: AppContext, allowed: string[]) {
  const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!allowed.includes(contentType))
    throw new AppError('validation_failed', `Upload one of: ${allowed.join(', ')}`, {
      'content-type': [`Must be one of ${allowed.join(', ')}`],
    });
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BYTES) throw new AppError('validation_failed', 'Files are at most 5 MB', { body: ['At most 5 MB'] });
  const bytes = await c.req.arrayBuffer();
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_BYTES)
    throw new AppError('validation_failed', 'Files are at most 5 MB and not empty', { body: ['Between 1 byte and 5 MB'] });
  return { contentType, bytes };
}

/** Stores the object first and records it second; an orphaned object is harmless, a record without one is not. */
export async function store(
  c: AppContext,
  kind: 'activity-photo' | 'space-photo' | 'receipt',
  link: { activityId?: number; transactionId?: number },
  upload: { contentType: string; bytes: ArrayBuffer },
) {
  const tenant = tenantOf(c);
  const objectKey = `${tenant.community.id}/${kind}/${crypto.randomUUID()}`;
  await c.env.MEDIA.put(objectKey, upload.bytes, { httpMetadata: { contentType: upload.contentType } });
  const [row] = await tenant.db
    .insert(mediaFiles)
    .values({
      kind,
      activityId: link.activityId ?? null,
      transactionId: link.transactionId ?? null,
      objectKey,
      contentType: upload.contentType,
      size: upload.bytes.byteLength,
      uploadedBy: memberOf(c).id,
    })
    .returning({ id: mediaFiles.id });
  return row!.id;
}

const uploadPhoto = defineRoute(
  { host: 'community', allow: ['activity-responsible', 'participant', 'association-admin'] },
  {
    method: 'post',
    path: '/api/activities/{id}/photos',
    operationId: 'media.uploadPhoto',
    summary: 'Add a photo to an activity that has happened (its responsible person or a participant); JPEG, PNG or WebP, up to 5 MB',
    request: { params: idParam, ...binaryBody(IMAGE_TYPES) },
    responses: { 201: json(z.object({ id: z.number().int() }), 'Stored'), ...errorResponses(400, 401, 403, 404, 409) },
  },
);

const listPhotos = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/activities/{id}/photos',
    operationId: 'media.listPhotos',
    summary: "An activity's photos",
    request: { params: idParam },
    responses: { 200: json(z.object({ photos: z.array(fileSchema) }), 'Photos'), ...errorResponses(404) },
  },
);

const photo = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/photos/{id}',
    operationId: 'media.getPhoto',
    summary: "One photo: an activity's or a space's",
    request: { params: idParam },
    responses: { 200: { description: 'The image', content: { 'image/jpeg': { schema: z.string() } } }, ...errorResponses(404) },
  },
);

const uploadReceipt = defineRoute(
  { host: 'community', allow: 'association-admin' },
  {
    method: 'post',
    path: '/api/ledger/transactions/{id}/receipts',
    operationId: 'media.uploadReceipt',
    summary: 'Keep a receipt for a ledger entry (administrators); receipts stay private to administrators',
    request: { params: idParam, ...binaryBody(RECEIPT_TYPES) },
    responses: { 201: json(z.object({ id: z.number().int() }), 'Kept'), ...errorResponses(400, 401, 403, 404) },
  },
);

const listReceipts = defineRoute(
  { host: 'community', allow: 'association-admin' },
  {
    method: 'get',
    path: '/api/ledger/funds/{key}/receipts',
    operationId: 'media.listReceipts',
    summary: "The receipts kept for a fund's entries, so the statement can show which entries have one (administrators)",
    request: { params: z.object({ key: z.string().regex(/^(hub|club:\d+)$/) }) },
    responses: {
      200: json(z.object({ receipts: z.array(fileSchema.extend({ transactionId: z.number().int() })) }), 'Receipts'),
      ...errorResponses(400, 401, 403),
    },
  },
);

const receipt = defineRoute(
  { host: 'community', allow: 'association-admin' },
  {
    method: 'get',
    path: '/api/receipts/{id}',
    operationId: 'media.getReceipt',
    summary: 'One receipt (administrators only: receipts may carry names and phone numbers)',
    request: { params: idParam },
    responses: {
      200: { description: 'The receipt', content: { 'application/pdf': { schema: z.string() } } },
      ...errorResponses(401, 403, 404),
    },
  },
);

async function serve(c: AppContext, id: number, kind: 'photo' | 'receipt') {
  const kinds = kind === 'receipt' ? (['receipt'] as const) : (['activity-photo', 'space-photo'] as const);
  const [row] = await tenantOf(c)
    .db.select()
    .from(mediaFiles)
    .where(and(eq(mediaFiles.id, id), inArray(mediaFiles.kind, [...kinds])));
  if (!row) throw new AppError('not_found', 'No such file');
  const object = await c.env.MEDIA.get(row.objectKey);
  if (!object) throw new AppError('not_found', 'The file is missing');
  return new Response(object.body, {
    headers: {
      ...uploadHeaders(row.contentType, `${kind === 'receipt' ? 'receipt' : 'photo'}-${row.id}`),
      'cache-control': kind === 'receipt' ? 'private, no-store' : 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
    },
  });
}

export const mediaRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(uploadPhoto, async (c) => {
    const { db } = tenantOf(c);
    const _me = memberOf(c);
    const activity = await getActivity(db, c.req.valid('param').id);
    if (!hasHappened(activity.state)) throw new AppError('conflict', 'Photos are added after the activity has happened');
    return c.json({ id: await store(c, 'activity-photo', { activityId: activity.id }, await readUpload(c, IMAGE_TYPES)) }, 201);
  })
  .openapi(listPhotos, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    await getActivity(db, id);
    const rows = await db
      .select()
      .from(mediaFiles)
      .where(and(eq(mediaFiles.activityId, id), eq(mediaFiles.kind, 'activity-photo')))
      .orderBy(asc(mediaFiles.id));
    return c.json(
      {
        photos: rows.map((r) => ({
          id: r.id,
          contentType: r.contentType,
          size: r.size,
          createdAt: r.createdAt,
          url: `/api/photos/${r.id}`,
        })),
      },
      200,
    );
  })
  .openapi(photo, async (c) => serve(c, c.req.valid('param').id, 'photo') as never)
  .openapi(uploadReceipt, async (c) => {
    const { id } = c.req.valid('param');
    const [tx] = await tenantOf(c).db.select({ id: ledgerTransactions.id }).from(ledgerTransactions).where(eq(ledgerTransactions.id, id));
    if (!tx) throw new AppError('not_found', 'No such ledger entry');
    const receiptId = await store(c, 'receipt', { transactionId: id }, await readUpload(c, RECEIPT_TYPES));
    await audit(c, 'ledger.receipt-attached', { transactionId: id, receiptId });
    return c.json({ id: receiptId }, 201);
  })
  .openapi(listReceipts, async (c) => {
    const rows = await tenantOf(c)
      .db.selectDistinct({
        id: mediaFiles.id,
        transactionId: ledgerPostings.transactionId,
        contentType: mediaFiles.contentType,
        size: mediaFiles.size,
        createdAt: mediaFiles.createdAt,
      })
      .from(mediaFiles)
      .innerJoin(ledgerPostings, eq(ledgerPostings.transactionId, mediaFiles.transactionId))
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerPostings.accountId))
      .where(and(eq(mediaFiles.kind, 'receipt'), eq(ledgerAccounts.key, c.req.valid('param').key)))
      .orderBy(asc(mediaFiles.id));
    return c.json({ receipts: rows.map((r) => ({ ...r, url: `/api/receipts/${r.id}` })) }, 200);
  })
  .openapi(receipt, async (c) => serve(c, c.req.valid('param').id, 'receipt') as never);
