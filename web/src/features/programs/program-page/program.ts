import type { InferResponseType } from 'hono/client';
import { api, request } from '../../../lib/api';

const getProgram = api.api.programs[':key'].$get;

/** A program's page as the API gives it. */
export type ProgramPage = InferResponseType<typeof getProgram, 200>;
export type ProgramSectionKey = ProgramPage['sections'][number]['key'];
export type ProgramFigure = ProgramPage['figures']['series'][number];

export const loadProgram = (key: string, locale: 'zh-CN' | 'en') => request(getProgram({ param: { key }, query: { locale } }));

/** Whether the signed-in reader administers the association. */
export const isAdminOf = (me: { member?: { roles: { role: string }[] } | null } | null | undefined) =>
  me?.member?.roles.some((r) => r.role === 'association-admin') ?? false;
