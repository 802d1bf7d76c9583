/** The header the router sets on every request it forwards: the name of the shard it chose (worker/router/). */
export const SHARD_HEADER = 'x-huzhu-shard';
