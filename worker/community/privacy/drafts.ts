import { eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { privacyNoticeDraft, privacyNotices, type DraftInput } from './schema';
import { currentNoticeVersion, readNotice } from './service';

/** The draft of the next version, or (when nobody saved one) the current version's texts to start from. */
export async function readDraft(db: TenantDb) {
  const current = await currentNoticeVersion(db);
  const [draft] = await db.select().from(privacyNoticeDraft).where(eq(privacyNoticeDraft.id, 1));
  if (draft) {
    const { id: _id, updatedBy: _by, ...texts } = draft;
    return { nextVersion: current + 1, saved: true, ...texts };
  }
  const [row] = await db.select().from(privacyNotices).where(eq(privacyNotices.version, current));
  if (!row) throw new AppError('not_ready', 'The privacy notice is not set up yet');
  return {
    nextVersion: current + 1,
    saved: false,
    textZh: row.textZh,
    textEn: row.textEn,
    contact: row.contact,
    summaryZh: '',
    summaryEn: '',
    updatedAt: null,
  };
}

/** Saves the draft (the texts keep their `{{community}}` and `{{contact}}` placeholders). */
export async function saveDraft(db: TenantDb, memberId: number, input: DraftInput) {
  const values = { ...input, updatedBy: memberId, updatedAt: new Date().toISOString() };
  await db
    .insert(privacyNoticeDraft)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: privacyNoticeDraft.id, set: values });
  return readDraft(db);
}

/**
 * Publishes the saved draft as the next version, numbered by the database in the same statement (two administrators
 * publishing at once make two versions, never one number twice), and clears the draft: one batch.
 */
export async function publishDraft(db: TenantDb, memberId: number) {
  await currentNoticeVersion(db);
  const [draft] = await db.select({ summaryZh: privacyNoticeDraft.summaryZh }).from(privacyNoticeDraft).where(eq(privacyNoticeDraft.id, 1));
  if (!draft) throw new AppError('conflict', 'Save a draft before publishing it');
  if (!draft.summaryZh.trim()) {
    const message = 'Say what changed, so members know what they are asked to agree to';
    throw new AppError('validation_failed', message, { summaryZh: [message] });
  }
  const [inserted] = await db.batch([
    db
      .insert(privacyNotices)
      .select(
        sql`SELECT (SELECT COALESCE(MAX(version), 0) + 1 FROM privacy_notices), d.text_zh, d.text_en, d.contact, d.summary_zh, d.summary_en,
              strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ${memberId} FROM privacy_notice_draft d WHERE d.id = 1`,
      )
      .returning({ version: privacyNotices.version }),
    db.delete(privacyNoticeDraft).where(eq(privacyNoticeDraft.id, 1)),
  ]);
  const version = inserted[0]?.version;
  if (!version) throw new AppError('conflict', 'The draft was published a moment ago');
  return readNotice(db, version);
}
