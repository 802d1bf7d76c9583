/** The tenant schema: each feature keeps its tables in `worker/community/<feature>/schema.ts`; this index re-exports them for drizzle-kit and the migrator. */
export { communityProfile } from '../community/profile/schema';
export { programs, programTexts, programTextRevisions } from '../community/programs/schema';
export { parties, partyAppointments } from '../community/parties/schema';
export { bodies, bodyParties } from '../community/bodies/schema';
export { buildings, contactApplications } from '../community/buildings/schema';
export { members, memberRoles, roleInvitations } from '../community/members/schema';
export { canvasEntries } from '../community/canvas/schema';
export { handbookChapters, handbookRevisions } from '../community/handbooks/schema';
export { clubs, clubMembers, clubHandovers } from '../community/clubs/schema';
export { activities, activityCostLines, signups, activitySettlements, activityReviews } from '../community/activities/schema';
export { ledgerAccounts, ledgerTransactions, ledgerPostings } from '../community/ledger/schema';
export { volunteers, volunteerHours } from '../community/volunteers/schema';
export { calendarTokens } from '../community/me/schema';
export { issues, issueSupports, issueEvents } from '../community/issues/schema';
export { notificationPreferences, notifications, notificationSettings, outbox, pushSubscriptions } from '../community/notifications/schema';
export {
  meetings,
  meetingVoters,
  meetingAttendance,
  agendaItems,
  itemStances,
  actionItems,
  minutesAmendments,
} from '../community/meetings/schema';
export { spaces, slotRequests } from '../community/spaces/schema';
export { bookings } from '../community/bookings/schema';
export { committees, committeeMembers } from '../community/committees/schema';
export { mediaFiles } from '../community/media/schema';
export { consentWindows, consentObjections } from '../community/consent/schema';
export { needs, needResponses, needEvents, needSettings } from '../community/needs/schema';
export { activitySeries, seriesOccurrences } from '../community/series/schema';
export { shopSettings, shopItems, shopSales, shopClosings, shopProceedsUses } from '../community/shop/schema';
export {
  librarySettings,
  libraryTitles,
  libraryCopies,
  libraryLoans,
  libraryBorrowerMonths,
  libraryReservations,
  libraryCards,
  libraryDutySlots,
  libraryDutyClaims,
} from '../community/library/schema';
export { courseTerms, courses, courseSessions, courseEnrolments, courseAttendance } from '../community/courses/schema';
export {
  children,
  childConsents,
  childSignups,
  safetyChecks,
  rotaDays,
  rotaClaims,
  architectProjects,
  architectStages,
} from '../community/children/schema';
export { careSettings, careRecipients, carePairings, careVisits, timeBankEntries } from '../community/care/schema';
export { partnerships, partnershipEntries } from '../community/partnerships/schema';
export { archiveExports } from '../community/archive/schema';
export { retentionSettings, retentionRuns } from '../community/retention/schema';
export { privacyNotices, privacyNoticeDraft, privacyAgreements, privacyItemConsents } from '../community/privacy/schema';
