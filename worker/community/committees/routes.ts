import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { members } from '../members/schema';
import { audit } from '../../platform/audit';
import { committeeCases, getCommittee } from './service';
import { committeeMembers, committees } from './schema';

const residents = { host: 'community', allow: 'member' } as const;
const coordinators = { host: 'community', allow: 'coordinator' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const idParam = z.object({ id: z.coerce.number().int().positive() });
const committeeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['standing', 'ad-hoc']),
  remit: z.string(),
  proposes: z.boolean(),
  supervises: z.boolean(),
  assists: z.boolean(),
  endsOn: z.string().nullable(),
  /** When it was closed; a closed committee holds no new meetings and takes no new members. */
  closedAt: z.string().nullable(),
  members: z.array(
    z.object({
      id: z.number().int(),
      memberId: z.number().int().nullable(),
      name: z.string(),
      external: z.boolean(),
      expertise: z.string(),
      role: z.enum(['chair', 'member']),
    }),
  ),
  /** Issues referred to it for study, with its recommendation once given. */
  studies: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      state: z.string(),
      recommendation: z.string().nullable(),
      recommendedAt: z.string().nullable(),
    }),
  ),
  /** Adopted decisions it was assigned to help carry out. */
  assisting: z.array(z.object({ id: z.number().int(), title: z.string(), state: z.string(), decisionText: z.string().nullable() })),
});

const listCommittees = defineRoute(residents, {
  method: 'get',
  path: '/api/committees',
  operationId: 'committees.list',
  summary:
    'Professional committees and ad hoc groups with their members (outside experts included), the issues they study and the decisions they assist',
  responses: { 200: json(z.object({ committees: z.array(committeeSchema) }), 'Committees'), ...errorResponses(401, 403) },
});

const addCommittee = defineRoute(
  coordinators,
  {
    method: 'post',
    path: '/api/committees',
    operationId: 'committees.create',
    summary: 'Set up a standing committee or an ad hoc group (coordinators); an ad hoc group has an end date',
    request: jsonBody(
      z.object({
        name: z.string().trim().min(2).max(40),
        kind: z.enum(['standing', 'ad-hoc']),
        remit: z.string().trim().min(4).max(1000),
        proposes: z.boolean().default(true),
        supervises: z.boolean().default(false),
        assists: z.boolean().default(false),
        endsOn: z.iso.date().optional(),
      }),
    ),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Set up'), ...errorResponses(400, 401, 403, 409) },
  },
  { affects: ['metrics'] },
);

const addCommitteeMember = defineRoute(
  coordinators,
  {
    method: 'post',
    path: '/api/committees/{id}/members',
    operationId: 'committees.addMember',
    summary: 'Add a resident, or an outside expert by name, to a committee (coordinators)',
    request: {
      params: idParam,
      ...jsonBody(
        z.object({
          memberId: z.number().int().positive().optional(),
          externalName: z.string().trim().min(1).max(40).optional(),
          expertise: z.string().trim().max(80).optional(),
          role: z.enum(['chair', 'member']).default('member'),
        }),
      ),
    },
    responses: { 201: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const memberParam = z.object({ id: z.coerce.number().int().positive(), seatId: z.coerce.number().int().positive() });

const removeCommitteeMember = defineRoute(coordinators, {
  method: 'delete',
  path: '/api/committees/{id}/members/{seatId}',
  operationId: 'committees.removeMember',
  summary: 'Remove a resident or an outside expert from a committee (coordinators)',
  request: { params: memberParam },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
});

const closeCommittee = defineRoute(
  coordinators,
  {
    method: 'post',
    path: '/api/committees/{id}/close',
    operationId: 'committees.close',
    summary: 'Close a committee or working group (coordinators): its record stays, it holds no new meetings',
    request: { params: idParam },
    responses: { 200: json(z.object({ closedAt: z.string() }), 'Closed'), ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

/** Professional committees and ad hoc working groups, with their members and outside experts. */
export const committeeRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(listCommittees, async (c) => {
    const { db } = tenantOf(c);
    const [rows, people] = await db.batch([
      db.select().from(committees).orderBy(asc(committees.name)),
      db
        .select({
          id: committeeMembers.id,
          committeeId: committeeMembers.committeeId,
          memberId: committeeMembers.memberId,
          displayName: members.displayName,
          externalName: committeeMembers.externalName,
          expertise: committeeMembers.expertise,
          role: committeeMembers.role,
        })
        .from(committeeMembers)
        .leftJoin(members, eq(members.id, committeeMembers.memberId)),
    ]);
    const cases = await committeeCases(db);
    return c.json(
      {
        committees: rows.map((r) => ({
          ...r,
          members: people
            .filter((p) => p.committeeId === r.id)
            .map((p) => ({
              id: p.id,
              memberId: p.memberId,
              name: p.displayName ?? p.externalName ?? '—',
              external: p.externalName !== null,
              expertise: p.expertise,
              role: p.role,
            })),
          studies: cases.studies(r.id),
          assisting: cases.assisting(r.id),
        })),
      },
      200,
    );
  })
  .openapi(addCommittee, async (c) => {
    const body = c.req.valid('json');
    if (body.kind === 'ad-hoc' && !body.endsOn)
      throw new AppError('validation_failed', 'An ad hoc group has an end date', { endsOn: ['Required for an ad hoc group'] });
    const rows = await tenantOf(c)
      .db.insert(committees)
      .values({ ...body, endsOn: body.endsOn ?? null })
      .onConflictDoNothing()
      .returning({ id: committees.id });
    if (!rows[0]) throw new AppError('conflict', 'A committee with this name exists', { name: ['Already exists'] });
    return c.json({ id: rows[0].id }, 201);
  })
  .openapi(addCommitteeMember, async (c) => {
    const { db } = tenantOf(c);
    const body = c.req.valid('json');
    const { id } = c.req.valid('param');
    if (Boolean(body.memberId) === Boolean(body.externalName))
      throw new AppError('validation_failed', 'Name a resident or an outside expert', { memberId: ['Give memberId or externalName'] });
    const [committee] = await db.select({ id: committees.id, closedAt: committees.closedAt }).from(committees).where(eq(committees.id, id));
    if (!committee) throw new AppError('not_found', 'No such committee');
    if (committee.closedAt !== null) throw new AppError('conflict', 'This committee is closed', { id: ['Closed'] });
    if (body.memberId) {
      const [m] = await db
        .select({ id: members.id })
        .from(members)
        .where(and(eq(members.id, body.memberId), eq(members.status, 'active')));
      if (!m) throw new AppError('not_found', 'No such member');
    }
    await db.insert(committeeMembers).values({
      committeeId: id,
      memberId: body.memberId ?? null,
      externalName: body.externalName ?? null,
      expertise: body.expertise ?? '',
      role: body.role,
    });
    return c.json({ ok: true as const }, 201);
  })
  .openapi(removeCommitteeMember, async (c) => {
    const { id, seatId } = c.req.valid('param');
    const [removed] = await tenantOf(c)
      .db.delete(committeeMembers)
      .where(and(eq(committeeMembers.id, seatId), eq(committeeMembers.committeeId, id)))
      .returning({ memberId: committeeMembers.memberId, externalName: committeeMembers.externalName });
    if (!removed) throw new AppError('not_found', 'No such committee member');
    await audit(c, 'committee.member-removed', { committeeId: id, ...removed });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(closeCommittee, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    const closedAt = new Date().toISOString();
    const [row] = await db
      .update(committees)
      .set({ closedAt })
      .where(and(eq(committees.id, id), isNull(committees.closedAt)))
      .returning({ id: committees.id });
    if (!row) {
      await getCommittee(db, id);
      throw new AppError('conflict', 'This committee is already closed');
    }
    await audit(c, 'committee.closed', { committeeId: id });
    return c.json({ closedAt }, 200);
  });
