import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { publishDraft, readDraft, saveDraft } from './drafts';
import {
  agreementBodySchema,
  draftBodySchema,
  draftSchema,
  figuresSchema,
  itemBodySchema,
  myPrivacySchema,
  noticeHistorySchema,
  noticeSchema,
  sensitiveItems,
} from './schema';
import { agree, consentFigures, myPrivacy, noticeHistory, readNotice, setItem } from './service';

const anyone = { host: 'community', allow: 'public' } as const;
const members = { host: 'community', allow: 'member' } as const;
const admins = { host: 'community', allow: 'association-admin' } as const;
const versionParam = z.object({ version: z.coerce.number().int().positive() });
const itemParam = z.object({ item: z.enum(sensitiveItems) });

const current = defineRoute(anyone, {
  method: 'get',
  path: '/api/privacy/notice',
  operationId: 'privacy.notice',
  summary: "The community's privacy notice in force (隐私告知), readable by anyone, signed in or not",
  responses: { 200: json(noticeSchema, 'The current version'), ...errorResponses(404) },
});

const history = defineRoute(anyone, {
  method: 'get',
  path: '/api/privacy/notices',
  operationId: 'privacy.history',
  summary: 'Every published version of the privacy notice, newest first, with what changed',
  responses: { 200: json(noticeHistorySchema, 'The versions'), ...errorResponses(404) },
});

const oneVersion = defineRoute(anyone, {
  method: 'get',
  path: '/api/privacy/notices/{version}',
  operationId: 'privacy.version',
  summary: 'One published version of the privacy notice',
  request: { params: versionParam },
  responses: { 200: json(noticeSchema, 'The version'), ...errorResponses(400, 404) },
});

const mine = defineRoute(members, {
  method: 'get',
  path: '/api/privacy/me',
  operationId: 'privacy.mine',
  summary: 'My consent: the notice version I agreed to, whether a newer one waits for me, and my separate consents',
  responses: { 200: json(myPrivacySchema, 'My consent'), ...errorResponses(401, 403) },
});

const agreeRoute = defineRoute(members, {
  method: 'post',
  path: '/api/privacy/me/agreement',
  operationId: 'privacy.agree',
  summary: 'Agree to the current version of the notice (after a new one is published); 400 for any other version',
  request: jsonBody(agreementBodySchema),
  responses: { 200: json(myPrivacySchema, 'My consent now'), ...errorResponses(400, 401, 403) },
});

const itemRoute = defineRoute(members, {
  method: 'put',
  path: '/api/privacy/me/items/{item}',
  operationId: 'privacy.setItem',
  summary: 'Give or withdraw my separate consent to one sensitive item (children, care, phone); withdrawing erases nothing by itself',
  request: { params: itemParam, ...jsonBody(itemBodySchema) },
  responses: { 200: json(myPrivacySchema, 'My consent now'), ...errorResponses(400, 401, 403) },
});

const getDraft = defineRoute(admins, {
  method: 'get',
  path: '/api/privacy/draft',
  operationId: 'privacy.draft',
  summary: "The draft of the notice's next version, or the current texts to start from (association administrators)",
  responses: { 200: json(draftSchema, 'The draft'), ...errorResponses(401, 403) },
});

const putDraft = defineRoute(admins, {
  method: 'put',
  path: '/api/privacy/draft',
  operationId: 'privacy.saveDraft',
  summary: "Save the draft of the notice's next version, with a summary of what changes (association administrators)",
  request: jsonBody(draftBodySchema),
  responses: { 200: json(draftSchema, 'The draft'), ...errorResponses(400, 401, 403) },
});

const publish = defineRoute(admins, {
  method: 'post',
  path: '/api/privacy/draft/publish',
  operationId: 'privacy.publish',
  summary: 'Publish the saved draft as the next version; every member is then asked to read the changes and agree',
  responses: { 201: json(noticeSchema, 'The new version'), ...errorResponses(400, 401, 403, 409) },
});

const figures = defineRoute(admins, {
  method: 'get',
  path: '/api/privacy/figures',
  operationId: 'privacy.figures',
  summary: 'How many active members agreed to the current version, to earlier ones, and to each sensitive item (counts only)',
  responses: { 200: json(figuresSchema, 'Counts'), ...errorResponses(401, 403) },
});

/** The privacy notice and its versions, members' consent to it and to sensitive items, and the administrators' side. */
export const privacyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(current, async (c) => c.json(await readNotice(tenantOf(c).db), 200))
  .openapi(history, async (c) => c.json({ versions: await noticeHistory(tenantOf(c).db) }, 200))
  .openapi(oneVersion, async (c) => c.json(await readNotice(tenantOf(c).db, c.req.valid('param').version), 200))
  .openapi(mine, async (c) => c.json(await myPrivacy(tenantOf(c).db, memberOf(c).id), 200))
  .openapi(agreeRoute, async (c) => c.json(await agree(tenantOf(c).db, memberOf(c).id, c.req.valid('json').noticeVersion), 200))
  .openapi(itemRoute, async (c) => {
    const { item } = c.req.valid('param');
    return c.json(await setItem(tenantOf(c).db, memberOf(c).id, item, c.req.valid('json').given), 200);
  })
  .openapi(getDraft, async (c) => c.json(await readDraft(tenantOf(c).db), 200))
  .openapi(putDraft, async (c) => c.json(await saveDraft(tenantOf(c).db, memberOf(c).id, c.req.valid('json')), 200))
  .openapi(publish, async (c) => {
    const notice = await publishDraft(tenantOf(c).db, memberOf(c).id);
    await audit(c, 'privacy.published', { version: notice.version });
    return c.json(notice, 201);
  })
  .openapi(figures, async (c) => c.json(await consentFigures(tenantOf(c).db), 200));
