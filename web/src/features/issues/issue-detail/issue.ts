import { api, request } from '../../../lib/api';

export const loadIssue = (id: string) => request(api.api.issues[':id'].$get({ param: { id } }));
export type Issue = Awaited<ReturnType<typeof loadIssue>>;

export const loadCommittees = async () => (await request(api.api.committees.$get())).committees;
export type Committee = Awaited<ReturnType<typeof loadCommittees>>[number];
