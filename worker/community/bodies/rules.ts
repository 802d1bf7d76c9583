/** The four coordination bodies of the four-level structure, and how each decides. */
export const bodyKeys = ['joint-meeting', 'professional-committees', 'building-groups', 'federation'] as const;
export type BodyKey = (typeof bodyKeys)[number];
