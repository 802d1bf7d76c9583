import { eq } from 'drizzle-orm';
import { platformDb } from '../db/client';
import { communities, directoryVersion } from '../db/platform-schema';

export interface DirectoryEntry {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string | null;
  status: 'provisioning' | 'active' | 'suspended';
  databaseBinding: string | null;
}

/** How long a check of the directory's version is trusted outright, and how long it is served while a new one runs. */
export const CHECK_FRESH_MS = 5_000;
export const CHECK_STALE_MS = 60_000;

/**
 * Active communities, remembered per isolate and kept while the directory's version stands still. The platform
 * database bumps that version on every change to a community's address, names, status or database (triggers of
 * migration 0008), so one small read every few seconds keeps every entry honest, however many communities an
 * isolate serves: a suspension takes effect within CHECK_FRESH_MS, and a request after a long idle never trusts an
 * entry older than CHECK_STALE_MS without reading the version first.
 */
export class Directory {
  private readonly entries = new Map<string, { entry: DirectoryEntry; version: number }>();
  /** The newest version seen, and when it was read. */
  private version = -1;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Finds a community by its address. Only active entries are kept, so a new community is visible at once.
   * `background` receives a version check that may run after the answer (e.g. `ctx.waitUntil`).
   */
  async lookup(platform: D1Database, slug: string, background?: (check: Promise<unknown>) => void): Promise<DirectoryEntry | null> {
    const age = this.now() - this.checkedAt;
    if (age >= CHECK_FRESH_MS) {
      const check = this.checkVersion(platform);
      if (age < CHECK_STALE_MS && background) background(check);
      else await check;
    }
    const hit = this.entries.get(slug);
    if (hit && hit.version === this.version) return hit.entry;
    return this.fetch(platform, slug);
  }

  forget(slug: string): void {
    this.entries.delete(slug);
  }

  /** How many entries are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }

  private checkVersion(platform: D1Database): Promise<void> {
    this.checking ??= (async () => {
      try {
        const [row] = await platformDb(platform).select({ version: directoryVersion.version }).from(directoryVersion).limit(1);
        this.see(row?.version ?? 0);
        this.checkedAt = this.now();
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }

  private see(version: number) {
    if (version === this.version) return;
    if (version > this.version) {
      this.version = version;
      // Entries of an older version are dropped as they are met (lookup refetches them); dropping all at once
      // keeps the map from holding communities that no longer exist.
      for (const [slug, kept] of this.entries) if (kept.version !== version) this.entries.delete(slug);
    }
  }

  /** The entry and the directory's version in one round trip, so the entry is kept under the version it was read at. */
  private async fetch(platform: D1Database, slug: string): Promise<DirectoryEntry | null> {
    const db = platformDb(platform);
    const [rows, versions] = await db.batch([
      db
        .select({
          id: communities.id,
          slug: communities.slug,
          nameZh: communities.nameZh,
          nameEn: communities.nameEn,
          status: communities.status,
          databaseBinding: communities.databaseBinding,
        })
        .from(communities)
        .where(eq(communities.slug, slug))
        .limit(1),
      db.select({ version: directoryVersion.version }).from(directoryVersion).limit(1),
    ]);
    const row = rows[0];
    const version = versions[0]?.version ?? 0;
    this.see(version);
    if (row?.status === 'active' && version === this.version) this.entries.set(slug, { entry: row, version });
    else this.entries.delete(slug);
    return row ?? null;
  }
}

const directory = new Directory();

/** Finds a community by its address through this isolate's directory. */
export function lookupCommunity(
  platform: D1Database,
  slug: string,
  background?: (check: Promise<unknown>) => void,
): Promise<DirectoryEntry | null> {
  return directory.lookup(platform, slug, background);
}

/** Drops a community from this isolate's directory at once (its own change; other isolates see the version move). */
export function forgetCommunity(slug: string): void {
  directory.forget(slug);
}
