import { z } from '@hono/zod-openapi';

/** A resident's own details, as they may read and correct them. */
export const myDetailsSchema = z
  .object({
    id: z.number().int(),
    displayName: z.string(),
    buildingId: z.number().int().nullable(),
    household: z.string().nullable(),
    /** Kept only for a resident first registered on their behalf (代为登记). */
    phone: z.string().nullable(),
    /** Whether a phone is kept for this resident at all. */
    phoneKept: z.boolean(),
  })
  .openapi('MyDetails');
export type MyDetails = z.infer<typeof myDetailsSchema>;

/** A correction of one's own details: only the fields given change. */
export const myDetailsChangeSchema = z
  .object({
    displayName: z.string().trim().min(1).max(40).optional(),
    buildingId: z.number().int().positive().nullable().optional(),
    household: z
      .string()
      .trim()
      .max(20)
      .regex(/^[0-9A-Za-z\-#室号单元栋楼 ]*$/u, 'Use the flat number, e.g. 3-201')
      .optional(),
    phone: z
      .string()
      .trim()
      .max(20)
      .regex(/^[0-9+\- ]*$/, 'Digits, spaces, + and - only')
      .nullable()
      .optional(),
  })
  .refine((change) => Object.values(change).some((v) => v !== undefined), { message: 'Give at least one detail to correct' });
export type MyDetailsChange = z.infer<typeof myDetailsChangeSchema>;

export const leaveBodySchema = z.object({
  /** Whether to erase the personal data held about me, everywhere, for good. */
  deleteData: z.boolean(),
  /** The resident confirms on the screen that they mean it. */
  confirmed: z.literal(true),
});

/**
 * Why the member may not leave now, or null. The last association administrator would leave the community with
 * nobody to run it: another is appointed first.
 */
export function leaveProblem(memberId: number, activeAdminIds: readonly number[]): string | null {
  const admins = new Set(activeAdminIds);
  if (admins.has(memberId) && admins.size === 1) return 'You are the only association administrator: appoint another before you leave';
  return null;
}

/** The words a resident types to confirm leaving with deletion: their choice is for good. */
export const deletionPhrase = { zh: '删除我的数据', en: 'delete my data' } as const;

/** Whether the typed words confirm deletion (spaces and letter case do not matter). */
export function confirmsDeletion(typed: string): boolean {
  const norm = typed.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm === deletionPhrase.zh || norm === deletionPhrase.en;
}

/** The name of the downloaded file: the community's slug and the day in the community's time zone. */
export const exportFileName = (slug: string, day: string) => `huzhu-${slug}-my-data-${day}.json`;
