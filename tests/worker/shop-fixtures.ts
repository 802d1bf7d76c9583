/** The charity shop's pieces for API tests: a volunteer appointed by the administrator, items taken in, sales. */
import type { InferRequestType } from 'hono/client';
import { type Api, expectStatus, read } from './helpers';
import { as, type Person, resident } from './community-fixtures';

export type Intake = InferRequestType<Api['shop']['items']['$post']>['json'];

/** A resident whom the administrator appoints as a shop volunteer on the members page's role controls. */
export async function shopVolunteer(host: string, admin: Person, name = '店员小林') {
  const person = await resident(host, name);
  const res = await read(
    as(host, admin).members[':memberId'].roles.$put({
      param: { memberId: String(person.id) },
      json: { roles: [{ role: 'shop-volunteer' }] },
    }),
  );
  expectStatus(res, 200);
  return person;
}

export const intakeBody = (overrides: Partial<Intake> = {}): Intake => ({
  title: '儿童羽绒服 120 码',
  category: 'clothing',
  condition: 'good',
  priceFen: 1000,
  donor: { kind: 'anonymous' },
  ...overrides,
});

export async function takeIn(host: string, volunteer: Person, overrides: Partial<Intake> = {}) {
  const res = await read(as(host, volunteer).shop.items.$post({ json: intakeBody(overrides) }));
  expectStatus(res, 201);
  return res.json;
}

export const sell = (host: string, who: Person | undefined, id: number, priceFen: number) =>
  read(as(host, who).shop.items[':id'].sale.$post({ param: { id: String(id) }, json: { priceFen } }));

export const dayOf = (host: string, who: Person | undefined, day: string) => read(as(host, who).shop.days[':day'].$get({ param: { day } }));

export const closeDay = (
  host: string,
  who: Person | undefined,
  day: string,
  json: { seenTotalFen: number; countedFen: number; note?: string },
) => read(as(host, who).shop.days[':day'].closing.$post({ param: { day }, json }));

/** Today in Asia/Shanghai, the test communities' time zone. */
export const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
