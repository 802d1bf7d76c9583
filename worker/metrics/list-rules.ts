/** The figures a community's card on the consultant's list shows; the rest are one click away. */
export const HEADLINE_KEYS = [
  'households',
  'members',
  'activitiesHeld',
  'householdParticipation',
  'volunteerHours',
  'contactCoverage',
  'jointMeetingCadence',
  'programsActive',
] as const;

export type HeadlineKey = (typeof HEADLINE_KEYS)[number];

/**
 * How the list can be ordered: by address (the pinyin of most names, so it reads as alphabetical), most recently
 * granted, most recently computed figures, or one headline figure, best first.
 */
export const LIST_ORDERS = ['name', 'granted', 'computed', ...HEADLINE_KEYS] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

export const LIST_PAGE_DEFAULT = 20;
export const LIST_PAGE_MAX = 50;

/** Where a page ended: the order and search it belongs to, and the last row's sort key (its id last). */
export interface ListPosition {
  order: ListOrder;
  q: string;
  key: (string | number)[];
}

/** Shapes of each order's sort key: a null flag (0/1) where the value can be missing, the value, the id. */
export function keyShape(order: ListOrder): ('number' | 'string')[] {
  if (order === 'name' || order === 'granted') return ['string', 'string'];
  if (order === 'computed') return ['number', 'string', 'string'];
  return ['number', 'number', 'string'];
}

/** The cursor handed to the client: opaque to it, base64url of the position. */
export function encodeCursor(position: ListPosition): string {
  const json = JSON.stringify({ o: position.order, q: position.q, k: position.key });
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * Reads a cursor back, or null when it is not one this list handed out for the same order and search: a cursor
 * edited by hand, or carried over to another order, is refused rather than guessed at.
 */
export function decodeCursor(cursor: string, order: ListOrder, q: string): ListPosition | null {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(cursor)) return null;
  let decoded: unknown;
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    decoded = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
  if (typeof decoded !== 'object' || decoded === null) return null;
  const { o, q: search, k: key } = decoded as Record<string, unknown>;
  if (o !== order || search !== q || !Array.isArray(key)) return null;
  const shape = keyShape(order);
  if (key.length !== shape.length) return null;
  const fits = (value: unknown, kind: 'number' | 'string') =>
    kind === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string' && value.length <= 200;
  if (!key.every((value, i) => fits(value, shape[i]!))) return null;
  // The null flag of an order whose value can be missing is 0 or 1, nothing else.
  if (shape.length === 3 && key[0] !== 0 && key[0] !== 1) return null;
  return { order, q, key: key as (string | number)[] };
}

/** A search as typed, reduced to what is compared: trimmed, inner spaces collapsed. */
export function normaliseSearch(q: string | undefined): string {
  return (q ?? '').trim().replace(/\s+/g, ' ');
}

/** A LIKE pattern that matches `q` anywhere, with LIKE's own wildcards taken literally (ESCAPE '\'). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
