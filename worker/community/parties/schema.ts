import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The four parties (居委会, 业委会, 物业, 互助会), named as the community names them. */
export const parties = sqliteTable('parties', {
  key: text('key').primaryKey(),
  position: integer('position').notNull(),
  titleZh: text('title_zh').notNull(),
  titleEn: text('title_en').notNull(),
  organisationName: text('organisation_name'),
  remitZh: text('remit_zh').notNull(),
  remitEn: text('remit_en').notNull(),
});
