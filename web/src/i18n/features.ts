import type * as activities from '../features/activities/i18n';
import type * as archive from '../features/archive/i18n';
import type * as assisted from '../features/assisted/i18n';
import type * as association from '../features/association/i18n';
import type * as buildings from '../features/buildings/i18n';
import type * as canvas from '../features/canvas/i18n';
import type * as care from '../features/care/i18n';
import type * as children from '../features/children/i18n';
import type * as clubs from '../features/clubs/i18n';
import type * as committees from '../features/committees/i18n';
import type * as consent from '../features/consent/i18n';
import type * as consultants from '../features/consultants/i18n';
import type * as courses from '../features/courses/i18n';
import type * as handbooks from '../features/handbooks/i18n';
import type * as home from '../features/home/i18n';
import type * as issues from '../features/issues/i18n';
import type * as ledger from '../features/ledger/i18n';
import type * as library from '../features/library/i18n';
import type * as meetings from '../features/meetings/i18n';
import type * as members from '../features/members/i18n';
import type * as needs from '../features/needs/i18n';
import type * as notifications from '../features/notifications/i18n';
import type * as operator from '../features/operator/i18n';
import type * as parties from '../features/parties/i18n';
import type * as partnerships from '../features/partnerships/i18n';
import type * as personalData from '../features/personal-data/i18n';
import type * as platform from '../features/platform/i18n';
import type * as print from '../features/print/i18n';
import type * as privacy from '../features/privacy/i18n';
import type * as programs from '../features/programs/i18n';
import type * as series from '../features/series/i18n';
import type * as settings from '../features/settings/i18n';
import type * as shop from '../features/shop/i18n';
import type * as spaces from '../features/spaces/i18n';
import type * as structure from '../features/structure/i18n';
import type * as volunteers from '../features/volunteers/i18n';

/**
 * Every feature's words, in the shape of the Chinese (types only: the words themselves are loaded with the pages that
 * use them, one language at a time).
 */
export type FeatureWords = typeof activities.zh &
  typeof archive.zh &
  typeof assisted.zh &
  typeof association.zh &
  typeof buildings.zh &
  typeof canvas.zh &
  typeof care.zh &
  typeof children.zh &
  typeof clubs.zh &
  typeof committees.zh &
  typeof consent.zh &
  typeof consultants.zh &
  typeof courses.zh &
  typeof handbooks.zh &
  typeof home.zh &
  typeof issues.zh &
  typeof ledger.zh &
  typeof library.zh &
  typeof meetings.zh &
  typeof members.zh &
  typeof needs.zh &
  typeof notifications.zh &
  typeof operator.zh &
  typeof parties.zh &
  typeof partnerships.zh &
  typeof personalData.zh &
  typeof platform.zh &
  typeof print.zh &
  typeof privacy.zh &
  typeof programs.zh &
  typeof series.zh &
  typeof settings.zh &
  typeof shop.zh &
  typeof spaces.zh &
  typeof structure.zh &
  typeof volunteers.zh;

/**
 * The feature whose `i18n.ts` holds each namespace, so that `t('week.title')` knows to load the words of
 * features/home. A namespace added to a feature's dictionary is added here too (the type checker asks for it).
 */
export const owners = {
  audience: 'activities',
  activityState: 'activities',
  signupStatus: 'activities',
  budget: 'activities',
  activityEditor: 'activities',
  activity: 'activities',
  checkIn: 'activities',
  archive: 'archive',
  assisted: 'assisted',
  association: 'association',
  buildings: 'buildings',
  canvas: 'canvas',
  care: 'care',
  careRegister: 'care',
  careVisit: 'care',
  careRecipient: 'care',
  careCoordinator: 'care',
  careBank: 'care',
  children: 'children',
  architects: 'children',
  clubStatus: 'clubs',
  clubs: 'clubs',
  club: 'clubs',
  committeeAdmin: 'committees',
  consent: 'consent',
  consultant: 'consultants',
  courses: 'courses',
  handbooks: 'handbooks',
  editor: 'handbooks',
  history: 'handbooks',
  upgrade: 'handbooks',
  community: 'home',
  week: 'home',
  issueState: 'issues',
  issueCategory: 'issues',
  issueOutcome: 'issues',
  issues: 'issues',
  issue: 'issues',
  ledgerCategory: 'ledger',
  accounts: 'ledger',
  recordMoney: 'ledger',
  statement: 'ledger',
  library: 'library',
  libraryDesk: 'library',
  libraryRoster: 'library',
  librarySettings: 'library',
  itemOutcome: 'meetings',
  meetingStatus: 'meetings',
  position: 'meetings',
  meetings: 'meetings',
  meeting: 'meetings',
  governance: 'meetings',
  join: 'members',
  members: 'members',
  memberRoles: 'members',
  roleInvitations: 'members',
  invite: 'members',
  pendingMembers: 'members',
  needState: 'needs',
  needOutcome: 'needs',
  needCategory: 'needs',
  needFor: 'needs',
  needs: 'needs',
  need: 'needs',
  notifications: 'notifications',
  operator: 'operator',
  backups: 'operator',
  parties: 'parties',
  partnershipState: 'partnerships',
  partnershipAction: 'partnerships',
  partnerships: 'partnerships',
  partnershipReport: 'partnerships',
  personalData: 'personal-data',
  platform: 'platform',
  signIn: 'platform',
  wizard: 'platform',
  print: 'print',
  privacy: 'privacy',
  program: 'programs',
  programEditor: 'programs',
  programHistory: 'programs',
  series: 'series',
  checklist: 'settings',
  settings: 'settings',
  retention: 'settings',
  shop: 'shop',
  shopDesk: 'shop',
  shopSettings: 'shop',
  spacesAdmin: 'spaces',
  spaces: 'spaces',
  structure: 'structure',
  volunteer: 'volunteers',
} as const satisfies Record<keyof FeatureWords, string>;

/** A folder of web/src/features that has words. */
export type Feature = (typeof owners)[keyof typeof owners];

/** One feature's words in one language: `{ week: { title: '本周活动', … }, … }`. */
type FeatureDictionary = Record<string, unknown>;
type Loaders = Record<string, () => Promise<FeatureDictionary>>;
// Each language of each feature is a chunk of its own (scripts/dictionary-languages.mjs cuts out the other language).
const loaders: Record<'zh-CN' | 'en', Loaders> = {
  'zh-CN': import.meta.glob<FeatureDictionary>(['../features/*/i18n.ts', '../features/*/i18n/index.ts'], {
    query: { lang: 'zh-CN' },
    import: 'zh',
  }),
  en: import.meta.glob<FeatureDictionary>(['../features/*/i18n.ts', '../features/*/i18n/index.ts'], {
    query: { lang: 'en' },
    import: 'en',
  }),
};

/** Loads a feature's words in one language. */
export function loadFeature(locale: 'zh-CN' | 'en', feature: Feature): Promise<FeatureDictionary> {
  const load = loaders[locale][`../features/${feature}/i18n.ts`] ?? loaders[locale][`../features/${feature}/i18n/index.ts`];
  if (!load) return Promise.reject(new Error(`No dictionary for ${feature}`));
  return load();
}
