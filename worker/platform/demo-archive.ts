import { tenantDb } from '../db/client';
import { archiveExports } from '../db/tenant-schema';
import type { Bindings } from '../env';
import { advanceExport, startExport } from '../community/archive/service';
import { tenantDatabase } from '../tenancy/pool';

/** One finished export of the community, so 数据导出与导入 shows a ready archive to download (once: seeding again adds none). */
export async function seedDemoArchive(env: Bindings, binding: string, site: { id: string; slug: string; nameZh: string }) {
  const d1 = tenantDatabase(env, binding);
  const db = tenantDb(d1);
  if ((await db.select({ id: archiveExports.id }).from(archiveExports).limit(1)).length > 0) return;
  const admin = await d1.prepare("SELECT id FROM members WHERE user_id = 'demo-admin'").first<{ id: number }>();
  if (!admin) return;
  // Written here to the end, without the queue: the seed runs before any consumer would.
  const quiet = { ...env, ARCHIVE_QUEUE: { send: async () => {} } as unknown as Bindings['ARCHIVE_QUEUE'] };
  const { id } = await startExport(quiet, db, d1, site, admin.id);
  for (let i = 0; i < 20 && !(await advanceExport(quiet, db, d1, site, id, 200)); i++);
}
