/** Activities: their states and audiences, the AA budget, the editor, the activity page and check-in, composed from the parts here. */
import type { Translation } from '../../../i18n/translation';
import * as activityOrganiser from './activity-organiser';
import * as activityPage from './activity-page';
import * as budget from './budget';
import * as checkIn from './check-in';
import * as editor from './editor';
import * as states from './states';

export const zh = {
  ...states.zh,
  ...budget.zh,
  ...editor.zh,
  activity: { ...activityPage.zh, ...activityOrganiser.zh },
  ...checkIn.zh,
};

export const en: Translation<typeof zh> = {
  ...states.en,
  ...budget.en,
  ...editor.en,
  activity: { ...activityPage.en, ...activityOrganiser.en },
  ...checkIn.en,
};
