import { type Params, Route, type RoutePreloadFunc, Router, usePreloadRoute } from '@solidjs/router';
import { type Component, ErrorBoundary, lazy, Match, type ParentProps, Switch } from 'solid-js';
import { SiteHeader } from './components/site-header';
import { ZoneNote } from './components/zone-note';
import { PrivacyLinks } from './features/privacy/privacy-links';
import { RenewBanner } from './features/privacy/renew-banner';
import { preloadActivity } from './features/activities/activity-detail/load-activity';
import { preloadHandbook } from './features/handbooks/load-handbook';
import { currentLocale, type Feature, I18nProvider, type Locale, useI18n, withWords } from './i18n';
import { SiteProvider, useSite } from './lib/site-context';

/**
 * A page, loaded when first visited, together with the words of the features it shows (in the language in use), so
 * that they arrive with its code. tests/web/page-words.test.tsx checks each list against the code the page pulls in.
 * The page frame (header, footer) uses the shared words only.
 */
function page(load: () => Promise<{ default: Component }>, ...features: Feature[]) {
  return lazy(withWords(load, features));
}

const PlatformHome = page(() => import('./features/platform/platform-home'), 'platform');
const StartCommunity = page(() => import('./features/platform/start-community'), 'parties', 'platform');
const Operator = page(() => import('./features/operator/operator'), 'operator');
const OperatorBackups = page(() => import('./features/operator/backups'), 'operator');
// The consultant's pages carry chart.js; loading them lazily keeps it out of every other page.
const ConsultantCommunities = page(() => import('./features/consultants/consultant-communities'), 'consultants');
const ConsultantCompare = page(() => import('./features/consultants/consultant-compare'), 'consultants');
const ConsultantCommunity = page(() => import('./features/consultants/consultant-community'), 'consultants');
// The association's own figures draw with the same chart chunk.
const AssociationScores = page(() => import('./features/association/association-scores'), 'association', 'consultants');
const SignIn = page(() => import('./features/platform/sign-in'), 'platform');
const CommunityHome = page(() => import('./features/home/community-home'), 'home');
const Join = page(() => import('./features/members/join'), 'members', 'privacy');
const Members = page(() => import('./features/members/members'), 'members');
const Invite = page(() => import('./features/members/invite'), 'members');
const MyData = page(() => import('./features/personal-data/my-data'), 'personal-data');
const MyProfile = page(() => import('./features/personal-data/my-profile'), 'personal-data');
const LeaveCommunity = page(() => import('./features/personal-data/leave'), 'personal-data');
const SpacesAdmin = page(() => import('./features/spaces/spaces-admin'), 'spaces');
const AdminChecklist = page(() => import('./features/settings/admin-checklist'), 'archive', 'association', 'settings');
const ArchivePage = page(() => import('./features/archive/archive-page'), 'archive');
const NotFound = page(() => import('./components/not-found'), 'home');
const Handbooks = page(() => import('./features/handbooks/handbooks'), 'canvas', 'handbooks');
const HandbookReader = page(() => import('./features/handbooks/handbook-reader'), 'handbooks');
const ChapterEditor = page(() => import('./features/handbooks/chapter-editor'), 'handbooks');
const ChapterHistory = page(() => import('./features/handbooks/chapter-history'), 'handbooks');
const TemplateUpgrade = page(() => import('./features/handbooks/template-upgrade'), 'handbooks');
const Canvas = page(() => import('./features/canvas/canvas'), 'canvas');
const CommunitySettings = page(
  () => import('./features/settings/community-settings'),
  'consent',
  'consultants',
  'issues',
  'parties',
  'settings',
);
const RetentionSettings = page(() => import('./features/settings/retention-settings'), 'settings');
const ThisWeek = page(() => import('./features/home/this-week'), 'activities', 'home');
const Clubs = page(() => import('./features/clubs/clubs'), 'clubs');
const ClubDetail = page(() => import('./features/clubs/club-detail'), 'activities', 'clubs', 'consent', 'needs');
const ActivityEditor = page(() => import('./features/activities/activity-editor'), 'activities');
const ActivityDetail = page(() => import('./features/activities/activity-detail'), 'activities', 'clubs', 'needs', 'print', 'settings');
const ActivityCheckIn = page(() => import('./features/activities/activity-check-in'), 'activities');
const ActivityPoster = page(() => import('./features/print/activity-poster'), 'print');
const SignInSheet = page(() => import('./features/print/sign-in-sheet'), 'print');
const DecisionPoster = page(() => import('./features/print/decision-poster'), 'print');
const BuildingNotice = page(() => import('./features/print/building-notice'), 'issues', 'print');
const Accounts = page(() => import('./features/ledger/accounts'), 'ledger');
const RecordMoney = page(() => import('./features/ledger/record-money'), 'ledger');
const FundStatement = page(() => import('./features/ledger/fund-statement'), 'ledger');
const Volunteering = page(() => import('./features/volunteers/volunteering'), 'volunteers');
const Issues = page(() => import('./features/issues/issues'), 'issues');
const IssueDetail = page(() => import('./features/issues/issue-detail'), 'issues', 'meetings', 'print');
const Needs = page(() => import('./features/needs/needs'), 'needs', 'partnerships');
const NeedDetail = page(() => import('./features/needs/need-detail'), 'needs');
const Partnerships = page(() => import('./features/partnerships/partnerships'), 'partnerships');
const Partnership = page(() => import('./features/partnerships/partnership'), 'partnerships');
const PartnershipReport = page(() => import('./features/partnerships/partnership-report'), 'partnerships');
const Meetings = page(() => import('./features/meetings/meetings'), 'meetings');
const MeetingDetail = page(() => import('./features/meetings/meeting-detail'), 'home', 'issues', 'meetings');
const Notifications = page(() => import('./features/notifications/notifications'), 'notifications', 'parties');
const NotificationSettings = page(() => import('./features/notifications/notification-settings'), 'notifications');
const DevMailbox = page(() => import('./features/notifications/dev-mailbox'), 'notifications');
const Structure = page(() => import('./features/structure/structure'), 'buildings', 'home', 'structure');
const Committees = page(() => import('./features/committees/committees'), 'committees', 'issues', 'meetings');
const Buildings = page(
  () => import('./features/buildings/buildings'),
  'assisted',
  'buildings',
  'clubs',
  'home',
  'members',
  'print',
  'settings',
);
const AssistedList = page(() => import('./features/assisted/assisted-list'), 'assisted');
const AssistedResident = page(() => import('./features/assisted/assisted-resident'), 'assisted');
const Claim = page(() => import('./features/assisted/claim'), 'assisted');
const SpaceCalendar = page(() => import('./features/spaces/space-calendar'), 'activities', 'spaces');
const ProgramPage = page(() => import('./features/programs/program-page'), 'consultants', 'partnerships', 'programs');
const SectionEditor = page(() => import('./features/programs/section-editor'), 'programs');
const SectionHistory = page(() => import('./features/programs/section-history'), 'handbooks', 'programs');
const ShopPage = page(() => import('./features/shop/shop-page'), 'shop');
const ShopDesk = page(() => import('./features/shop/shop-desk'), 'shop');
const ShopSettings = page(() => import('./features/shop/shop-settings'), 'ledger', 'shop');
const SeriesPage = page(() => import('./features/series/series-page'), 'activities', 'series');
const MyChildren = page(() => import('./features/children/my-children'), 'children');
const SafetyPage = page(() => import('./features/children/safety-page'), 'children', 'settings');
const RotaPage = page(() => import('./features/children/rota-page'), 'children');
const Projects = page(() => import('./features/children/projects'), 'children');
const ProjectPage = page(() => import('./features/children/project-page'), 'children');
const Library = page(() => import('./features/library/library'), 'library');
const LibraryCard = page(() => import('./features/library/library-card'), 'library');
const LibraryDesk = page(() => import('./features/library/desk/library-desk'), 'library');
const LibraryRoster = page(() => import('./features/library/roster/library-roster'), 'library');
const LibrarySettings = page(() => import('./features/library/library-settings'), 'library');
const Courses = page(() => import('./features/courses/courses'), 'courses');
const CoursePage = page(() => import('./features/courses/course-page'), 'children', 'courses', 'settings');
const CourseForm = page(() => import('./features/courses/course-form'), 'courses');
const CourseAttendance = page(() => import('./features/courses/attendance'), 'courses');
const CourseChildren = page(() => import('./features/courses/course-children'), 'children', 'courses', 'settings');
const MyTimetable = page(() => import('./features/courses/my-timetable'), 'courses');
const Care = page(() => import('./features/care/care'), 'care');
const CareRegister = page(() => import('./features/care/register-recipient'), 'care');
const CareCoordinator = page(() => import('./features/care/coordinator'), 'care', 'volunteers');
const CareRecipient = page(() => import('./features/care/recipient'), 'care');
const CareTimeBank = page(() => import('./features/care/time-bank'), 'care');
const PrivacyNotice = page(() => import('./features/privacy/privacy-notice'), 'privacy');
const MyPrivacy = page(() => import('./features/privacy/my-privacy'), 'privacy');
const PrivacyAdmin = page(() => import('./features/privacy/privacy-admin'), 'privacy');

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

/**
 * Starts loading the first page's code (and words) before the frame around it is drawn: the router would otherwise
 * ask for it only once the header is in place, which on a slow phone is a few hundred milliseconds later.
 */
function preloadFirstPage() {
  usePreloadRoute()(window.location.href);
}

/**
 * A route's preload that asks for the page's data together with its code, when the page is opened (not when a link to
 * it is merely pointed at: that may never be followed).
 */
function withData(start: (params: Params, locale: Locale) => void): RoutePreloadFunc {
  return ({ params, intent }) => {
    if (intent !== 'preload') start(params, currentLocale());
  };
}

/** One app for both kinds of host; the routes depend on whether this is the platform or a community. */
function Routes() {
  const { site } = useSite();
  const { t } = useI18n();
  return (
    <Switch fallback={<p style={{ padding: '2rem' }}>{t('app.loading')}</p>}>
      <Match when={site()?.host === 'platform'}>
        <Router root={Layout} rootPreload={preloadFirstPage}>
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
        <Router root={Layout} rootPreload={preloadFirstPage}>
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
          <Route
            path="/handbooks/:handbook"
            component={HandbookReader}
            preload={withData((params, locale) => params.handbook && preloadHandbook(params.handbook, locale))}
          />
          <Route path="/handbooks/:handbook/:key/edit" component={ChapterEditor} />
          <Route path="/handbooks/:handbook/:key/history" component={ChapterHistory} />
          <Route path="/canvas" component={Canvas} />
          <Route path="/this-week" component={ThisWeek} />
          <Route path="/clubs" component={Clubs} />
          <Route path="/clubs/:id" component={ClubDetail} />
          <Route path="/activities/new" component={ActivityEditor} />
          <Route
            path="/activities/:id"
            component={ActivityDetail}
            preload={withData((params) => params.id && preloadActivity(params.id))}
          />
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
