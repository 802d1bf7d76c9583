import { Route, Router } from '@solidjs/router';
import { ErrorBoundary, lazy, Match, type ParentProps, Switch } from 'solid-js';
import { SiteHeader } from './components/site-header';
import { ZoneNote } from './components/zone-note';
import { PrivacyLinks } from './features/privacy/privacy-links';
import { RenewBanner } from './features/privacy/renew-agreement';
import { I18nProvider, useI18n } from './i18n';
import { SiteProvider, useSite } from './lib/site-context';

const PlatformHome = lazy(() => import('./features/platform/platform-home'));
const StartCommunity = lazy(() => import('./features/platform/start-community'));
const Operator = lazy(() => import('./features/operator/operator'));
const OperatorBackups = lazy(() => import('./features/operator/backups'));
// The consultant's pages carry chart.js; loading them lazily keeps it out of every other page.
const ConsultantCommunities = lazy(() => import('./features/consultants/consultant-communities'));
const ConsultantCompare = lazy(() => import('./features/consultants/consultant-compare'));
const ConsultantCommunity = lazy(() => import('./features/consultants/consultant-community'));
// The association's own figures draw with the same chart chunk.
const AssociationScores = lazy(() => import('./features/association/association-scores'));
const SignIn = lazy(() => import('./features/platform/sign-in'));
const CommunityHome = lazy(() => import('./features/home/community-home'));
const Join = lazy(() => import('./features/members/join'));
const Members = lazy(() => import('./features/members/members'));
const Invite = lazy(() => import('./features/members/invite'));
const MyData = lazy(() => import('./features/personal-data/my-data'));
const MyProfile = lazy(() => import('./features/personal-data/my-profile'));
const LeaveCommunity = lazy(() => import('./features/personal-data/leave'));
const SpacesAdmin = lazy(() => import('./features/spaces/spaces-admin'));
const AdminChecklist = lazy(() => import('./features/settings/admin-checklist'));
const ArchivePage = lazy(() => import('./features/archive/archive-page'));
const NotFound = lazy(() => import('./components/not-found'));
const Handbooks = lazy(() => import('./features/handbooks/handbooks'));
const HandbookReader = lazy(() => import('./features/handbooks/handbook-reader'));
const ChapterEditor = lazy(() => import('./features/handbooks/chapter-editor'));
const ChapterHistory = lazy(() => import('./features/handbooks/chapter-history'));
const TemplateUpgrade = lazy(() => import('./features/handbooks/template-upgrade'));
const Canvas = lazy(() => import('./features/canvas/canvas'));
const CommunitySettings = lazy(() => import('./features/settings/community-settings'));
const RetentionSettings = lazy(() => import('./features/settings/retention-settings'));
const ThisWeek = lazy(() => import('./features/home/this-week'));
const Clubs = lazy(() => import('./features/clubs/clubs'));
const ClubDetail = lazy(() => import('./features/clubs/club-detail'));
const ActivityEditor = lazy(() => import('./features/activities/activity-editor'));
const ActivityDetail = lazy(() => import('./features/activities/activity-detail'));
const ActivityCheckIn = lazy(() => import('./features/activities/activity-check-in'));
const ActivityPoster = lazy(() => import('./features/print/activity-poster'));
const SignInSheet = lazy(() => import('./features/print/sign-in-sheet'));
const DecisionPoster = lazy(() => import('./features/print/decision-poster'));
const BuildingNotice = lazy(() => import('./features/print/building-notice'));
const Accounts = lazy(() => import('./features/ledger/accounts'));
const RecordMoney = lazy(() => import('./features/ledger/record-money'));
const FundStatement = lazy(() => import('./features/ledger/fund-statement'));
const Volunteering = lazy(() => import('./features/volunteers/volunteering'));
const Issues = lazy(() => import('./features/issues/issues'));
const IssueDetail = lazy(() => import('./features/issues/issue-detail'));
const Needs = lazy(() => import('./features/needs/needs'));
const NeedDetail = lazy(() => import('./features/needs/need-detail'));
const Partnerships = lazy(() => import('./features/partnerships/partnerships'));
const Partnership = lazy(() => import('./features/partnerships/partnership'));
const PartnershipReport = lazy(() => import('./features/partnerships/partnership-report'));
const Meetings = lazy(() => import('./features/meetings/meetings'));
const MeetingDetail = lazy(() => import('./features/meetings/meeting-detail'));
const Notifications = lazy(() => import('./features/notifications/notifications'));
const NotificationSettings = lazy(() => import('./features/notifications/notification-settings'));
const DevMailbox = lazy(() => import('./features/notifications/dev-mailbox'));
const Structure = lazy(() => import('./features/structure/structure'));
const Committees = lazy(() => import('./features/committees/committees'));
const Buildings = lazy(() => import('./features/buildings/buildings'));
const AssistedList = lazy(() => import('./features/assisted/assisted-list'));
const AssistedResident = lazy(() => import('./features/assisted/assisted-resident'));
const Claim = lazy(() => import('./features/assisted/claim'));
const SpaceCalendar = lazy(() => import('./features/spaces/space-calendar'));
const ProgramPage = lazy(() => import('./features/programs/program-page'));
const SectionEditor = lazy(() => import('./features/programs/section-editor'));
const SectionHistory = lazy(() => import('./features/programs/section-history'));
const ShopPage = lazy(() => import('./features/shop/shop-page'));
const ShopDesk = lazy(() => import('./features/shop/shop-desk'));
const ShopSettings = lazy(() => import('./features/shop/shop-settings'));
const SeriesPage = lazy(() => import('./features/series/series-page'));
const MyChildren = lazy(() => import('./features/children/my-children'));
const SafetyPage = lazy(() => import('./features/children/safety-page'));
const RotaPage = lazy(() => import('./features/children/rota-page'));
const Projects = lazy(() => import('./features/children/projects'));
const ProjectPage = lazy(() => import('./features/children/project-page'));
const Library = lazy(() => import('./features/library/library'));
const LibraryCard = lazy(() => import('./features/library/library-card'));
const LibraryDesk = lazy(() => import('./features/library/desk/library-desk'));
const LibraryRoster = lazy(() => import('./features/library/roster/library-roster'));
const LibrarySettings = lazy(() => import('./features/library/library-settings'));
const Courses = lazy(() => import('./features/courses/courses'));
const CoursePage = lazy(() => import('./features/courses/course-page'));
const CourseForm = lazy(() => import('./features/courses/course-form'));
const CourseAttendance = lazy(() => import('./features/courses/attendance'));
const CourseChildren = lazy(() => import('./features/courses/course-children'));
const MyTimetable = lazy(() => import('./features/courses/my-timetable'));
const Care = lazy(() => import('./features/care/care'));
const CareRegister = lazy(() => import('./features/care/register-recipient'));
const CareCoordinator = lazy(() => import('./features/care/coordinator'));
const CareRecipient = lazy(() => import('./features/care/recipient'));
const CareTimeBank = lazy(() => import('./features/care/time-bank'));
const PrivacyNotice = lazy(() => import('./features/privacy/privacy-notice'));
const MyPrivacy = lazy(() => import('./features/privacy/my-privacy'));
const PrivacyAdmin = lazy(() => import('./features/privacy/privacy-admin'));

function Layout(props: ParentProps) {
  const { t } = useI18n();
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" tabindex="-1">
        <RenewBanner />
        <ZoneNote />
        {/* A page whose code failed to load (e.g. a dropped connection) offers a reload instead of a blank screen. */}
        <ErrorBoundary
          fallback={(error, reset) => (
            <p class="alert" role="alert">
              {t('errors.pageFailed')}{' '}
              <button
                type="button"
                class="button secondary"
                onClick={() => (String(error).includes('dynamically imported module') ? location.reload() : reset())}
              >
                {t('app.retry')}
              </button>
            </p>
          )}
        >
          {props.children}
        </ErrorBoundary>
      </main>
      <footer class="site-footer">
        {t('app.footer')}
        <PrivacyLinks />
      </footer>
    </>
  );
}

/** One app for both kinds of host; the routes depend on whether this is the platform or a community. */
function Routes() {
  const { site } = useSite();
  const { t } = useI18n();
  return (
    <Switch fallback={<p style={{ padding: '2rem' }}>{t('app.loading')}</p>}>
      <Match when={site()?.host === 'platform'}>
        <Router root={Layout}>
          <Route path="/" component={PlatformHome} />
          <Route path="/start" component={StartCommunity} />
          <Route path="/operator" component={Operator} />
          <Route path="/operator/backups" component={OperatorBackups} />
          <Route path="/consultant" component={ConsultantCommunities} />
          <Route path="/consultant/compare" component={ConsultantCompare} />
          <Route path="/consultant/communities/:slug" component={ConsultantCommunity} />
          <Route path="/sign-in" component={SignIn} />
          <Route path="*" component={NotFound} />
        </Router>
      </Match>
      <Match when={site()?.host === 'community'}>
        <Router root={Layout}>
          <Route path="/" component={CommunityHome} />
          <Route path="/join" component={Join} />
          <Route path="/members" component={Members} />
          <Route path="/invite/:token" component={Invite} />
          <Route path="/me/data" component={MyData} />
          <Route path="/me/profile" component={MyProfile} />
          <Route path="/me/leave" component={LeaveCommunity} />
          <Route path="/admin" component={AdminChecklist} />
          <Route path="/association" component={AssociationScores} />
          <Route path="/admin/settings" component={CommunitySettings} />
          <Route path="/admin/data" component={ArchivePage} />
          <Route path="/admin/retention" component={RetentionSettings} />
          <Route path="/admin/upgrade" component={TemplateUpgrade} />
          <Route path="/handbooks" component={Handbooks} />
          <Route path="/handbooks/:handbook" component={HandbookReader} />
          <Route path="/handbooks/:handbook/:key/edit" component={ChapterEditor} />
          <Route path="/handbooks/:handbook/:key/history" component={ChapterHistory} />
          <Route path="/canvas" component={Canvas} />
          <Route path="/this-week" component={ThisWeek} />
          <Route path="/clubs" component={Clubs} />
          <Route path="/clubs/:id" component={ClubDetail} />
          <Route path="/activities/new" component={ActivityEditor} />
          <Route path="/activities/:id" component={ActivityDetail} />
          <Route path="/activities/:id/edit" component={ActivityEditor} />
          <Route path="/activities/:id/check-in" component={ActivityCheckIn} />
          <Route path="/activities/:id/poster" component={ActivityPoster} />
          <Route path="/activities/:id/sign-in-sheet" component={SignInSheet} />
          <Route path="/accounts" component={Accounts} />
          <Route path="/accounts/record" component={RecordMoney} />
          <Route path="/accounts/:key" component={FundStatement} />
          <Route path="/volunteering" component={Volunteering} />
          <Route path="/issues" component={Issues} />
          <Route path="/issues/:id" component={IssueDetail} />
          <Route path="/issues/:id/decision-poster" component={DecisionPoster} />
          <Route path="/needs" component={Needs} />
          <Route path="/needs/:id" component={NeedDetail} />
          <Route path="/partnerships" component={Partnerships} />
          <Route path="/partnerships/:id" component={Partnership} />
          <Route path="/partnerships/:id/reports/:year" component={PartnershipReport} />
          <Route path="/meetings" component={Meetings} />
          <Route path="/meetings/:id" component={MeetingDetail} />
          <Route path="/notifications" component={Notifications} />
          <Route path="/notifications/settings" component={NotificationSettings} />
          <Route path="/dev/mailbox" component={DevMailbox} />
          <Route path="/structure" component={Structure} />
          <Route path="/committees" component={Committees} />
          <Route path="/buildings" component={Buildings} />
          <Route path="/buildings/:id/notice" component={BuildingNotice} />
          <Route path="/assisted" component={AssistedList} />
          <Route path="/assisted/:id" component={AssistedResident} />
          <Route path="/claim" component={Claim} />
          <Route path="/spaces" component={SpacesAdmin} />
          <Route path="/spaces/:id" component={SpaceCalendar} />
          <Route path="/programs/:key" component={ProgramPage} />
          <Route path="/programs/:key/:section/edit" component={SectionEditor} />
          <Route path="/programs/:key/:section/history" component={SectionHistory} />
          <Route path="/shop" component={ShopPage} />
          <Route path="/shop/desk" component={ShopDesk} />
          <Route path="/shop/settings" component={ShopSettings} />
          <Route path="/series/:id" component={SeriesPage} />
          <Route path="/children" component={MyChildren} />
          <Route path="/activities/:id/safety" component={SafetyPage} />
          <Route path="/activities/:id/rota" component={RotaPage} />
          <Route path="/little-architects" component={Projects} />
          <Route path="/little-architects/:id" component={ProjectPage} />
          <Route path="/library" component={Library} />
          <Route path="/library/card" component={LibraryCard} />
          <Route path="/library/desk" component={LibraryDesk} />
          <Route path="/library/roster" component={LibraryRoster} />
          <Route path="/library/settings" component={LibrarySettings} />
          <Route path="/courses" component={Courses} />
          <Route path="/courses/mine" component={MyTimetable} />
          <Route path="/courses/new" component={CourseForm} />
          <Route path="/courses/:id" component={CoursePage} />
          <Route path="/courses/:id/edit" component={CourseForm} />
          <Route path="/courses/:id/attendance" component={CourseAttendance} />
          <Route path="/courses/:id/children" component={CourseChildren} />
          <Route path="/care" component={Care} />
          <Route path="/care/register" component={CareRegister} />
          <Route path="/care/coordinator" component={CareCoordinator} />
          <Route path="/care/recipients/:id" component={CareRecipient} />
          <Route path="/care/time-bank" component={CareTimeBank} />
          <Route path="/privacy" component={PrivacyNotice} />
          <Route path="/me/privacy" component={MyPrivacy} />
          <Route path="/admin/privacy" component={PrivacyAdmin} />
          <Route path="/sign-in" component={SignIn} />
          <Route path="*" component={NotFound} />
        </Router>
      </Match>
    </Switch>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SiteProvider>
        <Routes />
      </SiteProvider>
    </I18nProvider>
  );
}
