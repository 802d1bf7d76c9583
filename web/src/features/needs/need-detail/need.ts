import type { InferResponseType } from 'hono/client';
import { api, request } from '../../../lib/api';

const one = api.api.needs[':id'].$get;
export type NeedDetailData = InferResponseType<typeof one, 200>;

export const loadNeed = (id: string) => request(one({ param: { id } }));
