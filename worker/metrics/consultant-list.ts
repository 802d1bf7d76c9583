import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PlatformDb } from '../db/client';
import { communities, consultantGrants, metricSnapshots } from '../db/platform-schema';
import { AppError } from '../errors';
import { METRICS, monthsUpTo, RULE_KEYS } from './definitions';
import { parseFigures } from './figures';
import {
  containsPattern,
  decodeCursor,
  encodeCursor,
  HEADLINE_KEYS,
  type HeadlineKey,
  type ListOrder,
  normaliseSearch,
} from './list-rules';

/** What a community's card shows: the headline figures and each rule's score, not the whole month. */
export interface Headline {
  values: Record<HeadlineKey, number | null>;
  scores: Record<string, number>;
}

export interface GrantedCommunity {
  slug: string;
  name: { zh: string; en: string | null };
  city: string | null;
  grantedAt: string;
  computedAt: string | null;
  month: string | null;
  headline: Headline | null;
}

export interface GrantedPage {
  communities: GrantedCommunity[];
  /** How many granted communities match the search, across all pages. */
  total: number;
  /** Hands back the next page; null on the last. */
  nextCursor: string | null;
}

interface SortKey {
  expr: SQL;
  dir: 'asc' | 'desc';
}

const cityColumn = sql`json_extract(${communities.setup}, '$.city')`;
const lowerIsBetter = new Set(METRICS.filter((m) => m.higherIsBetter === false).map((m) => m.key));

/**
 * Each order's sort key, the community's id last so that no two rows tie. A value that can be missing gets a
 * flag first (0 present, 1 missing), so communities without it come last and the key never compares with null.
 */
function sortKeys(order: ListOrder): SortKey[] {
  const id: SortKey = { expr: sql`${communities.id}`, dir: 'asc' };
  if (order === 'name') return [{ expr: sql`${communities.slug}`, dir: 'asc' }, id];
  if (order === 'granted') return [{ expr: sql`${consultantGrants.grantedAt}`, dir: 'desc' }, id];
  const value =
    order === 'computed' ? sql`${metricSnapshots.computedAt}` : sql`json_extract(${metricSnapshots.figures}, ${`$.values.${order}`})`;
  return [
    { expr: sql`(${value} IS NULL)`, dir: 'asc' },
    {
      expr: sql`coalesce(${value}, ${order === 'computed' ? '' : 0})`,
      dir: order !== 'computed' && lowerIsBetter.has(order) ? 'asc' : 'desc',
    },
    id,
  ];
}

/** Rows strictly after `key` in the order of `keys`: (k1 > v1) or (k1 = v1 and k2 > v2) or …, each in its direction. */
function after(keys: SortKey[], key: (string | number)[]): SQL {
  const branches = keys.map((k, i) => {
    const equalBefore = keys.slice(0, i).map((prev, j) => sql`${prev.expr} = ${key[j]}`);
    const beyond = k.dir === 'asc' ? sql`${k.expr} > ${key[i]}` : sql`${k.expr} < ${key[i]}`;
    return and(...equalBefore, beyond)!;
  });
  return or(...branches)!;
}

function headlineOf(stored: unknown): Headline {
  const figures = parseFigures(stored);
  return {
    values: Object.fromEntries(HEADLINE_KEYS.map((key) => [key, figures.values[key] ?? null])) as Headline['values'],
    scores: Object.fromEntries(RULE_KEYS.map((key) => [key, figures.rules[key].score])),
  };
}

/**
 * One page of the communities that granted this consultant access (active, grant not revoked), searched by
 * address, either name or city, in the order asked; the page and the count go to the database in one batch.
 * The access rule is in every query, so no cursor or search can reach a community that did not grant access.
 */
export async function grantedCommunitiesPage(
  db: PlatformDb,
  consultantUserId: string,
  options: { order: ListOrder; q?: string; cursor?: string; limit: number },
  at = new Date(),
): Promise<GrantedPage> {
  const [latestComplete] = monthsUpTo(at, 2) as [string, string];
  const q = normaliseSearch(options.q);
  const position = options.cursor === undefined ? null : decodeCursor(options.cursor, options.order, q);
  if (options.cursor !== undefined && !position) {
    throw new AppError('validation_failed', 'This cursor does not belong to this list; start again from the first page', {
      fields: { cursor: 'not a cursor of this order and search' },
    });
  }
  const keys = sortKeys(options.order);
  const pattern = containsPattern(q);
  const granted = and(
    eq(consultantGrants.consultantUserId, consultantUserId),
    isNull(consultantGrants.revokedAt),
    eq(communities.status, 'active'),
    q === ''
      ? undefined
      : sql`(${communities.slug} LIKE ${pattern} ESCAPE '\\' OR ${communities.nameZh} LIKE ${pattern} ESCAPE '\\'
          OR ${communities.nameEn} LIKE ${pattern} ESCAPE '\\' OR ${cityColumn} LIKE ${pattern} ESCAPE '\\')`,
  );
  // The last row's sort key becomes the cursor; an order with two keys reads NULL for the third. Named, because
  // D1's batch answers rows as objects, where two unnamed columns of the same name would be one.
  const sortValue = (i: number) => sql<string | number | null>`${keys[i]?.expr ?? sql`NULL`}`.as(`sort_${i}`);
  const [rows, [count]] = await db.batch([
    db
      .select({
        slug: communities.slug,
        nameZh: communities.nameZh,
        nameEn: communities.nameEn,
        city: sql<unknown>`${cityColumn}`.as('city'),
        grantedAt: consultantGrants.grantedAt,
        month: metricSnapshots.month,
        figures: metricSnapshots.figures,
        computedAt: metricSnapshots.computedAt,
        sort0: sortValue(0),
        sort1: sortValue(1),
        sort2: sortValue(2),
      })
      .from(consultantGrants)
      .innerJoin(communities, eq(communities.id, consultantGrants.communityId))
      .leftJoin(metricSnapshots, and(eq(metricSnapshots.communityId, communities.id), eq(metricSnapshots.month, latestComplete)))
      .where(and(granted, position ? after(keys, position.key) : undefined))
      .orderBy(...keys.map((k) => (k.dir === 'asc' ? sql`${k.expr} ASC` : sql`${k.expr} DESC`)))
      .limit(options.limit + 1),
    db
      .select({ n: sql<number>`count(*)` })
      .from(consultantGrants)
      .innerJoin(communities, eq(communities.id, consultantGrants.communityId))
      .where(granted),
  ]);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > options.limit && last
      ? encodeCursor({
          order: options.order,
          q,
          key: [last.sort0, last.sort1, last.sort2].slice(0, keys.length).map((v) => (typeof v === 'number' ? v : String(v ?? ''))),
        })
      : null;
  return {
    communities: page.map((r) => ({
      slug: r.slug,
      name: { zh: r.nameZh, en: r.nameEn },
      city: typeof r.city === 'string' ? r.city : null,
      grantedAt: r.grantedAt,
      computedAt: r.computedAt,
      month: r.month,
      headline: r.figures === null ? null : headlineOf(r.figures),
    })),
    total: count?.n ?? 0,
    nextCursor,
  };
}
