import { tenantDb } from '../db/client';
import { runRetention } from '../community/retention/service';
import type { Bindings } from '../env';
import { tenantDatabase } from '../tenancy/pool';

const DAY = 86400_000;

/**
 * The retention page alive in the demo: the care period set to its default, two elders whose care ended (one 13
 * months ago, due for erasure; one 3 months ago, kept), and the nightly pass run for the last week, so the page lists
 * a week of runs with what each erased. Runs once: a community that has runs already is left as it is.
 */
export async function seedDemoRetention(env: Bindings, binding: string, now = Date.now()): Promise<void> {
  const d1 = tenantDatabase(env, binding);
  const seen = await d1.prepare('SELECT COUNT(*) AS n FROM retention_runs').first<{ n: number }>();
  if ((seen?.n ?? 0) > 0) return;
  const admin = await d1.prepare("SELECT id FROM members WHERE user_id = 'demo-admin'").first<{ id: number }>();
  const volunteer = await d1.prepare("SELECT id FROM members WHERE user_id = 'demo-resident'").first<{ id: number }>();
  if (!admin || !volunteer) return;
  const iso = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const ended = [
    { name: '顾爷爷', flat: '7-102', endedDaysAgo: 400, note: '腿脚不便，搬去女儿家住了' },
    { name: '蒋奶奶', flat: '2-301', endedDaysAgo: 90, note: '住进了街道养老院' },
  ];
  const statements = [
    d1.prepare('INSERT INTO retention_settings (id, care_months) VALUES (1, 12) ON CONFLICT (id) DO NOTHING'),
    ...ended.flatMap((e, i) => [
      d1
        .prepare(
          `INSERT INTO care_recipients (name, household, phone, registered_by, registered_as, consent_how, consent_on, needs, needs_note,
             preferred_times, emergency_name, emergency_phone, created_at, ended_at)
           VALUES (?, ?, ?, ?, 'family', 'in-person', ?, 'companionship,shopping', ?, '上午', ?, ?, ?, ?)`,
        )
        .bind(
          e.name,
          e.flat,
          `025-8661${String(2300 + i * 71)}`,
          admin.id,
          iso(e.endedDaysAgo + 300).slice(0, 10),
          e.note,
          `${e.name.slice(0, 1)}女士（子女）`,
          `1391234${String(5600 + i * 13)}`,
          iso(e.endedDaysAgo + 300),
          iso(e.endedDaysAgo),
        ),
      ...[40, 20].map((before) =>
        d1
          .prepare(
            `INSERT INTO care_visits (recipient_id, volunteer_id, visited_on, minutes, done, observations)
             VALUES ((SELECT MAX(id) FROM care_recipients), ?, ?, 60, '陪着聊天，买了菜', '精神不错')`,
          )
          .bind(volunteer.id, iso(e.endedDaysAgo + before).slice(0, 10)),
      ),
    ]),
  ];
  await d1.batch(statements);
  // The nightly pass of the last seven nights, oldest first, as the daily cron would have run it.
  const db = tenantDb(d1);
  for (let night = 6; night >= 0; night--) await runRetention(db, now - night * DAY);
}
