/** The header the router sets on every request it forwards: the name of the shard it chose (worker/router/). */
export const SHARD_HEADER = 'x-huzhu-shard';

/**
 * An operator's run (metric snapshots, backups) covers every shard: the router forwards the request to each shard
 * with the same run id, to the first shard as the run's `lead` (it records the run, counting every shard's
 * communities) and to the others as `join` (they only queue their own part). The router removes any copy a client
 * sent, and a shard honours them only when the router sent the request (worker/tenancy/shared-run.ts).
 */
export const RUN_ID_HEADER = 'x-huzhu-run-id';
export const RUN_PART_HEADER = 'x-huzhu-run-part';

export type RunPart = 'lead' | 'join';
