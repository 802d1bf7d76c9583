import { defaultContactZh, defaultNoticeEn, defaultNoticeZh, defaultSummaryEn, defaultSummaryZh } from '../community/privacy/template';
import type { Bindings } from '../env';
import { tenantDatabase } from '../tenancy/pool';

const DAY = 86400_000;

/** What version 2 adds to the default text, and who to ask now. */
const officeContact = '居民协会办公室（3栋一楼，周二、周四 14:00–17:00）';
const photosZh = `\n## 照片的使用\n\n活动照片只在本社区平台内展示。需要在公众号或海报上使用有孩子正脸的照片时，会事先征得监护人同意。\n`;
const photosEn = `\n## Use of photos\n\nActivity photos are shown on the community's platform only. A photo showing a child's face is used on a public account or a poster only with the guardian's agreement first.\n`;

/** Members who stay on version 1, so the ask to agree again shows: the resident persona (王小雨) and a few neighbours. */
const stillOnFirst = ['demo-resident', 'demo-neighbour-2', 'demo-neighbour-5', 'demo-neighbour-7'];

/**
 * The privacy notice of a demo community: version 1 (the default text, from when the first member joined) and a
 * version 2 published five days ago with a summary of what changed; every member agreed to version 1 when joining,
 * most to version 2 since; guardians gave the children consent, elders registered by themselves the care consent,
 * some the phone consent. Running it again changes nothing.
 */
export async function seedDemoPrivacy(env: Bindings, binding: string, now = Date.now()): Promise<void> {
  const d1 = tenantDatabase(env, binding);
  const seen = await d1.prepare('SELECT COUNT(*) AS n FROM privacy_notices').first<{ n: number }>();
  if ((seen?.n ?? 0) > 1) return;
  const admin = await d1.prepare("SELECT id FROM members WHERE user_id = 'demo-admin'").first<{ id: number }>();
  if (!admin) return;
  const published = new Date(now - 5 * DAY).toISOString();
  const renewedBase = now - 4 * DAY;
  const active = "status = 'active' AND user_id NOT LIKE 'assisted:%'";
  const stayers = stillOnFirst.map((u) => `'${u}'`).join(', ');
  await d1.batch([
    d1
      .prepare(
        `INSERT OR IGNORE INTO privacy_notices (version, text_zh, text_en, contact, summary_zh, summary_en, published_at, published_by)
         VALUES (1, ?, ?, ?, ?, ?, COALESCE((SELECT MIN(joined_at) FROM members), ?), NULL)`,
      )
      .bind(defaultNoticeZh, defaultNoticeEn, defaultContactZh, defaultSummaryZh, defaultSummaryEn, published),
    d1
      .prepare(
        `INSERT OR IGNORE INTO privacy_notices (version, text_zh, text_en, contact, summary_zh, summary_en, published_at, published_by)
         VALUES (2, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        defaultNoticeZh.replace('## 联系我们', `${photosZh}\n## 联系我们`),
        defaultNoticeEn.replace('## Contact', `${photosEn}\n## Contact`),
        officeContact,
        '新增“照片的使用”：有孩子正脸的照片对外使用前先征得监护人同意；联系人改为居民协会办公室及办公时间。',
        "New \"Use of photos\": a photo with a child's face is used publicly only with the guardian's agreement; the contact is now the association's office and its hours.",
        published,
        admin.id,
      ),
    d1.prepare(
      `INSERT OR IGNORE INTO privacy_agreements (member_id, notice_version, agreed_at, way, items)
       SELECT id, 1, joined_at, 'join', '' FROM members WHERE ${active}`,
    ),
    d1
      .prepare(
        `INSERT OR IGNORE INTO privacy_agreements (member_id, notice_version, agreed_at, way, items)
         SELECT id, 2, strftime('%Y-%m-%dT%H:%M:%fZ', (? + (id % 72) * 3600000) / 1000.0, 'unixepoch'), 'renewal', ''
         FROM members WHERE ${active} AND user_id NOT IN (${stayers}) AND user_id NOT LIKE 'demo-applicant-%'`,
      )
      .bind(renewedBase),
    d1.prepare(
      `INSERT OR IGNORE INTO privacy_item_consents (member_id, item, notice_version, given_at)
       SELECT DISTINCT c.guardian_member_id, 'children', 1, m.joined_at FROM children c JOIN members m ON m.id = c.guardian_member_id`,
    ),
    d1.prepare(
      `INSERT OR IGNORE INTO privacy_item_consents (member_id, item, notice_version, given_at)
       SELECT DISTINCT r.member_id, 'care', 1, r.created_at FROM care_recipients r WHERE r.member_id IS NOT NULL`,
    ),
    d1.prepare(
      `INSERT OR IGNORE INTO privacy_item_consents (member_id, item, notice_version, given_at)
       SELECT id, 'phone', 1, joined_at FROM members WHERE ${active} AND id % 3 = 0`,
    ),
  ]);
}
