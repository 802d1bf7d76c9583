import * as activities from '../features/activities/i18n';
import * as assisted from '../features/assisted/i18n';
import * as association from '../features/association/i18n';
import * as buildings from '../features/buildings/i18n';
import * as canvas from '../features/canvas/i18n';
import * as children from '../features/children/i18n';
import * as clubs from '../features/clubs/i18n';
import * as consent from '../features/consent/i18n';
import * as consultants from '../features/consultants/i18n';
import * as handbooks from '../features/handbooks/i18n';
import * as home from '../features/home/i18n';
import * as issues from '../features/issues/i18n';
import * as print from '../features/print/i18n';
import * as ledger from '../features/ledger/i18n';
import * as courses from '../features/courses/i18n';
import * as care from '../features/care/i18n';
import * as library from '../features/library/i18n';
import * as meetings from '../features/meetings/i18n';
import * as needs from '../features/needs/i18n';
import * as committees from '../features/committees/i18n';
import * as members from '../features/members/i18n';
import * as notifications from '../features/notifications/i18n';
import * as personalData from '../features/personal-data/i18n';
import * as parties from '../features/parties/i18n';
import * as partnerships from '../features/partnerships/i18n';
import * as operator from '../features/operator/i18n';
import * as platform from '../features/platform/i18n';
import * as privacy from '../features/privacy/i18n';
import * as programs from '../features/programs/i18n';
import * as series from '../features/series/i18n';
import * as settings from '../features/settings/i18n';
import * as archive from '../features/archive/i18n';
import * as shop from '../features/shop/i18n';
import * as spaces from '../features/spaces/i18n';
import * as structure from '../features/structure/i18n';
import * as volunteers from '../features/volunteers/i18n';
import type { Dictionary } from './zh-CN';

/** English, composed as `zh-CN.ts` is. */
export const en: Dictionary = {
  app: {
    platformName: 'Huzhu 互助',
    skipToContent: 'Skip to content',
    language: 'Language',
    switchTo: '中文',
    largeText: 'Large text',
    normalText: 'Normal text',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {{ name }}',
    loading: 'Loading…',
    retry: 'Try again',
    back: 'Back',
    next: 'Next',
    footer: 'Huzhu · so that every neighbourhood can copy the mutual-aid association model',
    share: 'Share',
    shareCopied: 'Link copied: paste it into a group chat',
    shareFailed: 'Could not copy: copy the link from the address bar',
    timesIn: 'All times in {{ name }} ({{ zone }})',
    beijingTime: 'Beijing time',
  },
  nav: {
    association: 'Standing',
    home: 'Home',
    handbooks: 'Handbooks',
    canvas: 'Canvas',
    settings: 'Community facts',
    activities: 'Activities',
    clubs: 'Clubs',
    accounts: 'Accounts',
    shop: 'Charity shop',
    mine: 'Mine',
    needs: 'Needs',
    issues: 'Issues',
    meetings: 'Meetings',
    structure: 'Structure',
    spaces: 'Spaces',
    library: 'Library',
    children: 'My children',
    care: 'Elder care',
    members: 'Members',
    notifications: 'Notifications',
    unreadCount: ' ({{ count }} unread)',
  },
  gate: {
    signIn: 'Sign in to use this.',
    join: 'Join this community to use this.',
  },
  principles: {
    whoProposes: 'Whoever proposes it is responsible for it',
  },
  money: {
    free: 'Free',
  },
  errors: {
    validation_failed: 'Some of the input is not valid; please check and try again.',
    bad_request: 'The request is not valid; please reload the page and try again.',
    unsupported_media_type: 'The request was sent in a format the server does not accept; please reload the page and try again.',
    rate_limited: 'Too many attempts in a short time; please wait a minute and try again.',
    unauthenticated: 'Please sign in.',
    invalid_token: 'Your sign-in has expired; please sign in again.',
    forbidden: 'You do not have permission to do this.',
    not_a_member: 'Please join this community first.',
    membership_pending: 'Your application to join is still waiting for approval.',
    community_suspended: 'This community is suspended.',
    not_found: 'Not found.',
    slug_taken: 'This address is already taken; please choose another.',
    community_limit_reached:
      'Your account already has as many communities being set up or active as it may; to start more, ask the platform operators to raise the limit.',
    conflict: 'This conflicts with the current state.',
    consent_required: 'This step needs your separate consent to the sensitive information involved, under My privacy.',
    pool_exhausted: 'No database is free for a new community right now; the operators have been told. Please try again later.',
    wrong_shard: 'This request reached the wrong part of the service; please reload the page.',
    not_ready: 'The community is being set up; please wait a moment.',
    misconfigured: 'The service is misconfigured; please contact the operators.',
    internal: 'Something went wrong on our side; please try again later.',
    network: 'Could not reach the server; check your connection and try again.',
    pageFailed: 'This page did not load.',
    serverSaid: 'The server said: {{ message }}',
  },
  ...platform.en,
  ...operator.en,
  ...home.en,
  ...members.en,
  ...committees.en,
  ...settings.en,
  ...archive.en,
  ...handbooks.en,
  ...canvas.en,
  ...activities.en,
  ...clubs.en,
  ...consent.en,
  ...spaces.en,
  ...programs.en,
  ...ledger.en,
  ...shop.en,
  ...series.en,
  ...library.en,
  ...courses.en,
  ...children.en,
  ...care.en,
  ...privacy.en,
  ...volunteers.en,
  ...issues.en,
  ...needs.en,
  ...partnerships.en,
  ...meetings.en,
  ...notifications.en,
  ...personalData.en,
  ...parties.en,
  ...buildings.en,
  ...print.en,
  ...assisted.en,
  ...structure.en,
  ...consultants.en,
  ...association.en,
};
