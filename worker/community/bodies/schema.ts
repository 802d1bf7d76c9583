import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { parties } from '../parties/schema';

/** The four coordination bodies of the four-level structure. */
export const bodies = sqliteTable('bodies', {
  key: text('key').primaryKey(),
  level: integer('level').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionZh: text('description_zh').notNull(),
  descriptionEn: text('description_en').notNull(),
  decisionRule: text('decision_rule', { enum: ['unanimity', 'majority'] }),
  cadence: text('cadence', { enum: ['monthly'] }),
});

export const bodyParties = sqliteTable(
  'body_parties',
  {
    bodyKey: text('body_key')
      .notNull()
      .references(() => bodies.key),
    partyKey: text('party_key')
      .notNull()
      .references(() => parties.key),
  },
  (t) => [primaryKey({ columns: [t.bodyKey, t.partyKey] })],
);
