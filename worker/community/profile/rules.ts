/** How people become members: at once, or once a building contact or an administrator approves them. */
export const joinPolicies = ['open', 'approval'] as const;
export type JoinPolicy = (typeof joinPolicies)[number];

/** The community's time zone until it sets its own. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
