/** The charity shop's rules as pure functions: item codes, price bands, what each reader may see, the month's figures. */

export const itemCategories = ['clothing', 'books', 'toys', 'kitchen', 'electronics', 'home', 'sports', 'other'] as const;
export type ItemCategory = (typeof itemCategories)[number];

export const itemConditions = ['like-new', 'good', 'fair'] as const;
export type ItemCondition = (typeof itemConditions)[number];

/** An item is in stock until it is sold, passed on free to someone in need, or recycled (or discarded). */
export const itemStatuses = ['in-stock', 'sold', 'passed-on', 'recycled'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

export const DEFAULT_BANDS_FEN = [200, 500, 1000, 2000] as const;

/** The label's short code: CH (彩虹) and the item's number, at least four digits. */
export const itemCode = (id: number) => `CH-${String(id).padStart(4, '0')}`;

/** The item id in a code as typed or scanned (`CH-0042`, `ch42`, `42`), or null when it is not one. */
export function parseItemCode(code: string): number | null {
  const match = /^\s*(?:ch)?[\s-]*0*(\d{1,9})\s*$/i.exec(code);
  if (!match) return null;
  const id = Number(match[1]);
  return id > 0 ? id : null;
}

/** Price bands are whole yuan or fen above nothing, strictly ascending, at most eight; null when they are fine. */
export function bandsProblem(bands: readonly number[]): string | null {
  if (bands.length === 0) return 'at least one price band';
  if (bands.length > 8) return 'at most eight price bands';
  if (bands.some((b) => !Number.isInteger(b) || b <= 0)) return 'each band is a whole number of fen above nothing';
  if (bands.some((b, i) => i > 0 && b <= (bands[i - 1] ?? 0))) return 'bands go up, each once';
  return null;
}

/** Parses the stored bands; anything unreadable falls back to the default bands. */
export function readBands(json: string): number[] {
  try {
    const value: unknown = JSON.parse(json);
    if (Array.isArray(value) && value.every((v) => typeof v === 'number') && bandsProblem(value) === null) return value;
  } catch {
    // fall through
  }
  return [...DEFAULT_BANDS_FEN];
}

/** What a closing records: counted less recorded (negative when cash is missing). A difference needs a note. */
export function closingDifference(systemTotalFen: number, countedFen: number) {
  const differenceFen = countedFen - systemTotalFen;
  return { differenceFen, needsNote: differenceFen !== 0 };
}

/** An item as stored, with its donor. */
export interface ItemFacts {
  id: number;
  title: string;
  category: ItemCategory;
  condition: ItemCondition;
  priceFen: number;
  status: ItemStatus;
  receivedAt: string;
  leftAt: string | null;
  donorMemberId: number | null;
  donorDisplayName: string | null;
  donorName: string | null;
  donorFollows: boolean;
  leftNote: string | null;
}

/** Who reads an item: a shop volunteer at the desk, the donor following it, or anyone else (members browsing stock). */
export type ItemReader = 'volunteer' | 'donor' | 'browser';

/**
 * What a reader may see of an item. Only shop volunteers see who gave it and to whom it was passed on; a donor sees
 * what became of their own item; anyone else sees the item and its price, never a person.
 */
export function itemView(item: ItemFacts, reader: 'volunteer'): DeskItemView;
export function itemView(item: ItemFacts, reader: 'donor' | 'browser'): PublicItemView;
export function itemView(item: ItemFacts, reader: ItemReader): DeskItemView | PublicItemView {
  const base = {
    id: item.id,
    code: itemCode(item.id),
    title: item.title,
    category: item.category,
    condition: item.condition,
    priceFen: item.priceFen,
    status: item.status,
    receivedAt: item.receivedAt,
  };
  if (reader === 'browser') return { ...base, leftAt: null, donor: null, leftNote: null };
  if (reader === 'donor') return { ...base, leftAt: item.leftAt, donor: null, leftNote: null };
  const donor: DeskItemView['donor'] =
    item.donorMemberId !== null
      ? { kind: 'member', name: item.donorDisplayName ?? '', follows: item.donorFollows }
      : item.donorName
        ? { kind: 'named', name: item.donorName, follows: false }
        : { kind: 'anonymous', name: null, follows: false };
  return { ...base, leftAt: item.leftAt, donor, leftNote: item.leftNote };
}

interface ItemBase {
  id: number;
  code: string;
  title: string;
  category: ItemCategory;
  condition: ItemCondition;
  priceFen: number;
  status: ItemStatus;
  receivedAt: string;
  leftAt: string | null;
}
export interface PublicItemView extends ItemBase {
  donor: null;
  leftNote: null;
}
export interface DeskItemView extends ItemBase {
  donor: { kind: 'member' | 'named' | 'anonymous'; name: string | null; follows: boolean };
  leftNote: string | null;
}

/** A month's counts and money, from rows the service reads (all already in the community's local months). */
export interface MonthFacts {
  itemsIn: Record<string, number>;
  sold: Record<string, number>;
  passedOn: Record<string, number>;
  recycled: Record<string, number>;
  takingsFen: Record<string, number>;
  differenceFen: Record<string, number>;
  spentFen: Record<string, number>;
}

/** The shop's monthly statement: one row per month asked for, zero where nothing happened. */
export function monthlyStatement(months: readonly string[], facts: MonthFacts) {
  const at = (m: Record<string, number>, month: string) => m[month] ?? 0;
  return months.map((month) => ({
    month,
    itemsIn: at(facts.itemsIn, month),
    sold: at(facts.sold, month),
    passedOn: at(facts.passedOn, month),
    recycled: at(facts.recycled, month),
    takingsFen: at(facts.takingsFen, month),
    differenceFen: at(facts.differenceFen, month),
    spentFen: at(facts.spentFen, month),
  }));
}

/** The `count` months up to and including the one of `today` (YYYY-MM-DD), oldest first. */
export function recentMonths(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}
