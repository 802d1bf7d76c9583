import type { Bindings } from '../env';
import { isRoutedShard } from './pool';
import { RUN_ID_HEADER, RUN_PART_HEADER, type RunPart } from './shard-header';

/** A run that spans every shard, as the router named it: its id, and whether this shard records it or joins it. */
export interface SharedRun {
  id: string;
  part: RunPart;
}

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The shared run this request belongs to, or undefined for a run of this Worker alone. Only a shard behind the router
 * honours the headers: the tenancy middleware has already refused a request the router did not send it, and a
 * single Worker, which serves every community itself, ignores them.
 */
export function sharedRunOf(env: Pick<Bindings, 'SHARD_NAME'>, headers: Headers): SharedRun | undefined {
  if (!isRoutedShard(env)) return undefined;
  const id = headers.get(RUN_ID_HEADER)?.trim().toLowerCase() ?? '';
  const part = headers.get(RUN_PART_HEADER)?.trim();
  if (!RUN_ID.test(id) || (part !== 'lead' && part !== 'join')) return undefined;
  return { id, part };
}
