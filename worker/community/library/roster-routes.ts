import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { communitySettings } from '../profile/service';
import { readInTimeZone } from '../profile/time-zone-guess';
import { claimSlot, confirmClaim, monthRosterFrom, monthRosterReads, offerClaim, publishSlots, takeClaim } from './roster';
import { dutyClaimStatuses } from './schema';

const residents = { host: 'community', allow: 'member' } as const;
const keepers = { host: 'community', allow: ['librarian', 'association-admin'] } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const month = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const roster = defineRoute(residents, {
  method: 'get',
  path: '/api/library/roster',
  operationId: 'library.getRoster',
  summary: "The library's duty slots of a month (YYYY-MM) with who holds each place (members)",
  request: { query: z.object({ month }) },
  responses: {
    200: json(
      z.object({
        slots: z.array(
          z.object({
            id: z.number().int(),
            startsAt: z.string(),
            endsAt: z.string(),
            date: z.string(),
            from: z.string(),
            to: z.string(),
            places: z.number().int(),
            claims: z.array(z.object({ id: z.number().int(), name: z.string(), status: z.enum(dutyClaimStatuses), mine: z.boolean() })),
          }),
        ),
      }),
      'Roster',
    ),
    ...errorResponses(400, 401, 403),
  },
});

const publish = defineRoute(keepers, {
  method: 'post',
  path: '/api/library/duty-slots',
  operationId: 'library.publishSlots',
  summary:
    "Publish this or next month's duty slots from a weekly pattern (weekday 0 = Sunday; hours on the community's clock); slots already published are kept",
  request: jsonBody(
    z.object({
      month,
      pattern: z
        .array(z.object({ weekday: z.number().int().min(0).max(6), startsAt: hhmm, endsAt: hhmm }))
        .min(1)
        .max(14),
      places: z.number().int().min(1).max(6).default(2),
    }),
  ),
  responses: { 201: json(z.object({ created: z.number().int() }), 'Published'), ...errorResponses(400, 401, 403) },
});

const claim = defineRoute(residents, {
  method: 'post',
  path: '/api/library/duty-slots/{id}/claims',
  operationId: 'library.claimSlot',
  summary: 'Volunteer for a duty slot while it has a free place',
  request: { params: idParam },
  responses: { 201: json(z.object({ id: z.number().int() }), 'Claimed'), ...errorResponses(401, 403, 404, 409) },
});

const offer = defineRoute(
  { host: 'community', allow: 'owner' },
  {
    method: 'post',
    path: '/api/library-duty-claims/{id}/offer',
    operationId: 'library.offerDuty',
    summary: 'Offer my duty for a swap; I keep it until another volunteer takes it',
    request: { params: idParam },
    responses: { 200: ok, ...errorResponses(401, 403, 404, 409) },
  },
);

const take = defineRoute(residents, {
  method: 'post',
  path: '/api/library-duty-claims/{id}/takeover',
  operationId: 'library.takeDuty',
  summary: 'Take over a duty someone offered for a swap; they are notified',
  request: { params: idParam },
  responses: { 200: ok, ...errorResponses(401, 403, 404, 409) },
});

const confirm = defineRoute(keepers, {
  method: 'post',
  path: '/api/library-duty-claims/{id}/confirmation',
  operationId: 'library.confirmDuty',
  summary:
    "Confirm a duty that was served (librarians, administrators; not one's own): it becomes the volunteer's confirmed hours for the library program",
  request: { params: idParam },
  responses: { 200: json(z.object({ minutes: z.number().int() }), 'Confirmed'), ...errorResponses(401, 403, 404, 409) },
});

/** The librarians' duty roster: slots published a month ahead, claimed, swapped, and confirmed into volunteer hours. */
export const libraryRosterRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(roster, async (c) => {
    const { db, community } = tenantOf(c);
    const { month } = c.req.valid('query');
    const { settings, rows } = await readInTimeZone(db, community.id, (timeZone) => monthRosterReads(db, month, timeZone));
    return c.json({ slots: monthRosterFrom(rows, settings.timeZone, memberOf(c).id) }, 200);
  })
  .openapi(publish, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    return c.json(await publishSlots(db, memberOf(c).id, c.req.valid('json'), timeZone, Date.now()), 201);
  })
  .openapi(claim, async (c) => c.json(await claimSlot(tenantOf(c).db, memberOf(c).id, c.req.valid('param').id, Date.now()), 201))
  .openapi(offer, async (c) => {
    await offerClaim(tenantOf(c).db, c.req.valid('param').id, Date.now());
    return c.json({ ok: true as const }, 200);
  })
  .openapi(take, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    await takeClaim(db, memberOf(c).id, c.req.valid('param').id, Date.now(), timeZone);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(confirm, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    return c.json(await confirmClaim(db, memberOf(c).id, c.req.valid('param').id, timeZone, Date.now()), 200);
  });
