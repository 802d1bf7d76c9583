import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** The community's own facts; exactly one row. */
export const communityProfile = sqliteTable(
  'community_profile',
  {
    id: integer('id').primaryKey(),
    communityId: text('community_id').notNull(),
    slug: text('slug').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    city: text('city').notNull(),
    district: text('district'),
    households: integer('households').notNull(),
    /** Residents as the community declares them (not members on Huzhu); null until given. */
    residents: integer('residents'),
    templateKey: text('template_key').notNull(),
    templateVersion: integer('template_version').notNull(),
    /** When the community's association was founded (a fact the handbooks cite). */
    foundedOn: text('founded_on'),
    surplusRatePercent: integer('surplus_rate_percent'),
    /** Days an issue may wait in each state before it is flagged, as the community sets them. */
    issueWaitLimits: text('issue_wait_limits', { mode: 'json' }).$type<Record<string, number>>(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [check('community_profile_single_row', sql`${t.id} = 1`)],
);

export const programs = sqliteTable('programs', {
  key: text('key').primaryKey(),
  position: integer('position').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionZh: text('description_zh').notNull(),
  descriptionEn: text('description_en').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
});

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

export const buildings = sqliteTable('buildings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  position: integer('position').notNull(),
  contactsRequired: integer('contacts_required').notNull().default(2),
  /** The grid worker (网格员) who runs the building's group chat with its contacts. */
  gridWorker: text('grid_worker'),
});

export const members = sqliteTable('members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: text('user_id').notNull().unique(),
  displayName: text('display_name').notNull(),
  buildingId: integer('building_id').references(() => buildings.id),
  /** Flat or unit within the building (e.g. 3-201), so members of one household count once in participation. */
  household: text('household'),
  joinedAt: text('joined_at').notNull().default(now),
});

/** A member's roles; party representatives name their party, other roles use ''. */
export const memberRoles = sqliteTable(
  'member_roles',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    role: text('role', {
      enum: ['building-contact', 'club-leader', 'committee-member', 'party-representative', 'association-admin'],
    }).notNull(),
    partyKey: text('party_key').notNull().default(''),
    buildingId: integer('building_id').references(() => buildings.id),
    grantedBy: text('granted_by').notNull(),
    grantedAt: text('granted_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.role, t.partyKey] })],
);

/** The community's canvas: four systems and nine modules, filled in during onboarding. */
export const canvasEntries = sqliteTable('canvas_entries', {
  key: text('key').primaryKey(),
  section: text('section', { enum: ['system', 'module'] }).notNull(),
  position: integer('position').notNull(),
  content: text('content').notNull().default(''),
  updatedAt: text('updated_at'),
});

/**
 * One chapter of a handbook in one language. `body` is what readers see (published); `draftBody` is an
 * administrator's unpublished text. `baseBody` is the template's text this chapter was last synced with,
 * the common ancestor for upgrades; `edited` is whether the community has changed it since.
 */
export const handbookChapters = sqliteTable(
  'handbook_chapters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    handbook: text('handbook').notNull(),
    key: text('key').notNull(),
    locale: text('locale', { enum: ['zh-CN', 'en'] }).notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    draftTitle: text('draft_title'),
    draftBody: text('draft_body'),
    baseVersion: integer('base_version').notNull(),
    baseTitle: text('base_title').notNull(),
    baseBody: text('base_body').notNull(),
    edited: integer('edited', { mode: 'boolean' }).notNull().default(false),
    /** Number of the latest revision; saves must name it, so two editors cannot overwrite each other. */
    revision: integer('revision').notNull().default(1),
    updatedAt: text('updated_at').notNull().default(now),
    updatedBy: text('updated_by'),
  },
  (t) => [uniqueIndex('handbook_chapters_key').on(t.handbook, t.key, t.locale)],
);

export const handbookRevisions = sqliteTable(
  'handbook_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    chapterId: integer('chapter_id')
      .notNull()
      .references(() => handbookChapters.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    summary: text('summary').notNull(),
    kind: text('kind', { enum: ['template', 'edit', 'draft', 'restore', 'upgrade'] }).notNull(),
    published: integer('published', { mode: 'boolean' }).notNull(),
    templateVersion: integer('template_version'),
    authorUserId: text('author_user_id'),
    authorName: text('author_name'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('handbook_revisions_number').on(t.chapterId, t.number), index('handbook_revisions_chapter').on(t.chapterId)],
);

/** A resident group (自组织). Whoever proposes it is responsible for it; never blank. */
export const clubs = sqliteTable(
  'clubs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    programKey: text('program_key').references(() => programs.key),
    meetingPattern: text('meeting_pattern'),
    status: text('status', { enum: ['proposed', 'active', 'dormant', 'closed'] }).notNull(),
    responsibleMemberId: integer('responsible_member_id')
      .notNull()
      .references(() => members.id),
    approvedBy: integer('approved_by').references(() => members.id),
    approvedAt: text('approved_at'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('clubs_name').on(t.name), index('clubs_status').on(t.status)],
);

export const clubMembers = sqliteTable(
  'club_members',
  {
    clubId: integer('club_id')
      .notNull()
      .references(() => clubs.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    role: text('role', { enum: ['member', 'leader'] }).notNull(),
    joinedAt: text('joined_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.clubId, t.memberId] }), index('club_members_member').on(t.memberId)],
);

/** Handing over responsibility is offered by the responsible person and only takes effect when accepted. */
export const clubHandovers = sqliteTable('club_handovers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  clubId: integer('club_id')
    .notNull()
    .references(() => clubs.id),
  fromMemberId: integer('from_member_id')
    .notNull()
    .references(() => members.id),
  toMemberId: integer('to_member_id')
    .notNull()
    .references(() => members.id),
  status: text('status', { enum: ['offered', 'accepted', 'declined', 'withdrawn'] }).notNull(),
  offeredAt: text('offered_at').notNull().default(now),
  decidedAt: text('decided_at'),
});

export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Null for an activity of the hub (the association itself). */
    clubId: integer('club_id').references(() => clubs.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    responsibleMemberId: integer('responsible_member_id')
      .notNull()
      .references(() => members.id),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    place: text('place').notNull(),
    capacity: integer('capacity').notNull(),
    waitlist: integer('waitlist', { mode: 'boolean' }).notNull().default(true),
    audience: text('audience', { enum: ['members', 'residents', 'children'] }).notNull(),
    state: text('state', {
      enum: ['draft', 'budget-submitted', 'approved', 'open', 'closed', 'held', 'settled', 'reviewed', 'cancelled'],
    }).notNull(),
    expectedParticipants: integer('expected_participants').notNull(),
    surplusRatePercent: integer('surplus_rate_percent').notNull(),
    /** Per-person fee in fen, derived from the budget when it is submitted. */
    feeFen: integer('fee_fen').notNull().default(0),
    /** Why a budget that does not cover costs plus surplus may go ahead (e.g. paid from the club fund). */
    exceptionReason: text('exception_reason'),
    approvedBy: integer('approved_by').references(() => members.id),
    approvedAt: text('approved_at'),
    cancelledReason: text('cancelled_reason'),
    checkinToken: text('checkin_token').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('activities_starts').on(t.startsAt), index('activities_club').on(t.clubId, t.startsAt)],
);

export const activityCostLines = sqliteTable(
  'activity_cost_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    kind: text('kind', { enum: ['planned', 'actual'] }).notNull(),
    label: text('label').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('activity_cost_lines_activity').on(t.activityId, t.kind)],
);

/** One place on an activity: the member themself (participant '') or someone they sign up, e.g. a child. */
export const signups = sqliteTable(
  'signups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    participant: text('participant').notNull().default(''),
    isChild: integer('is_child', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: ['confirmed', 'waitlisted', 'cancelled'] }).notNull(),
    createdAt: text('created_at').notNull().default(now),
    cancelledAt: text('cancelled_at'),
    checkedInAt: text('checked_in_at'),
  },
  (t) => [
    uniqueIndex('signups_once').on(t.activityId, t.memberId, t.participant),
    index('signups_activity_status').on(t.activityId, t.status),
    index('signups_member').on(t.memberId),
  ],
);

export const activitySettlements = sqliteTable('activity_settlements', {
  activityId: integer('activity_id')
    .primaryKey()
    .references(() => activities.id),
  incomeFen: integer('income_fen').notNull(),
  costFen: integer('cost_fen').notNull(),
  recordedBy: integer('recorded_by')
    .notNull()
    .references(() => members.id),
  recordedAt: text('recorded_at').notNull().default(now),
});

export const activityReviews = sqliteTable(
  'activity_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** The responsible person's review, or a participant's rating. */
    kind: text('kind', { enum: ['summary', 'rating'] }).notNull(),
    wentWell: text('went_well'),
    toChange: text('to_change'),
    rating: integer('rating'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('activity_reviews_once').on(t.activityId, t.memberId, t.kind)],
);

/** Funds (the hub, each club) and the outside world that money comes from and goes to. */
export const ledgerAccounts = sqliteTable('ledger_accounts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull().unique(),
  kind: text('kind', { enum: ['fund', 'external'] }).notNull(),
  clubId: integer('club_id').references(() => clubs.id),
  name: text('name').notNull(),
});

/** Append-only (triggers refuse updates and deletes); a correction is a new transaction that reverses one. */
export const ledgerTransactions = sqliteTable(
  'ledger_transactions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Unique per transaction: ties its postings to it within one batch, and makes a retried write a no-op. */
    ref: text('ref').notNull().unique(),
    occurredOn: text('occurred_on').notNull(),
    category: text('category').notNull(),
    memo: text('memo').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => members.id),
    reversesId: integer('reverses_id').unique(),
    activityId: integer('activity_id').references(() => activities.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('ledger_transactions_date').on(t.occurredOn)],
);

export const ledgerPostings = sqliteTable(
  'ledger_postings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    transactionId: integer('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: integer('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    /** Signed fen: positive into the account, negative out of it. Each transaction's postings sum to zero. */
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('ledger_postings_account').on(t.accountId), index('ledger_postings_transaction').on(t.transactionId)],
);

export const volunteers = sqliteTable('volunteers', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id),
  skills: text('skills').notNull().default(''),
  availability: text('availability').notNull().default(''),
  registeredAt: text('registered_at').notNull().default(now),
});

/** Hours are recorded by the responsible person and confirmed by the volunteer. */
export const volunteerHours = sqliteTable(
  'volunteer_hours',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    activityId: integer('activity_id').references(() => activities.id),
    programKey: text('program_key'),
    servedOn: text('served_on').notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => members.id),
    confirmedAt: text('confirmed_at'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('volunteer_hours_member').on(t.memberId)],
);

/** A resident's private calendar feed; regenerating the token revokes the old URL. */
export const calendarTokens = sqliteTable('calendar_tokens', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id),
  token: text('token').notNull().unique(),
  createdAt: text('created_at').notNull().default(now),
});

/** A resident's offer to be a building contact; an administrator or a party representative confirms it. */
export const contactApplications = sqliteTable('contact_applications', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id')
    .notNull()
    .references(() => members.id),
  buildingId: integer('building_id')
    .notNull()
    .references(() => buildings.id),
  status: text('status', { enum: ['pending', 'confirmed', 'declined'] }).notNull(),
  decidedBy: integer('decided_by').references(() => members.id),
  createdAt: text('created_at').notNull().default(now),
  decidedAt: text('decided_at'),
});

/** An issue (议题) raised by a resident, travelling up to a decision and back down to the building. */
export const issues = sqliteTable(
  'issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category', { enum: ['property-service', 'safety', 'environment', 'activities', 'facilities', 'other'] }).notNull(),
    buildingId: integer('building_id').references(() => buildings.id),
    raisedBy: integer('raised_by')
      .notNull()
      .references(() => members.id),
    state: text('state', {
      enum: [
        'raised',
        'acknowledged',
        'merged',
        'resolved-directly',
        'referred',
        'on-agenda',
        'decided',
        'implementing',
        'done',
        'relayed',
      ],
    }).notNull(),
    /** The body it was referred to. */
    bodyKey: text('body_key'),
    mergedInto: integer('merged_into'),
    outcome: text('outcome', { enum: ['adopted', 'not-adopted', 'deferred'] }),
    decisionText: text('decision_text'),
    implementationOwner: text('implementation_owner'),
    dueOn: text('due_on'),
    /** The committee studying it, when it was referred to the professional committees. */
    studyCommitteeId: integer('study_committee_id').references(() => committees.id),
    /** The committee's recommendation, which sends the issue on to the joint meeting. */
    recommendation: text('recommendation'),
    recommendedAt: text('recommended_at'),
    /** The committee assigned to assist implementation once the joint meeting adopted a decision. */
    assistCommitteeId: integer('assist_committee_id').references(() => committees.id),
    stateSince: text('state_since').notNull().default(now),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('issues_state').on(t.state), index('issues_raised_by').on(t.raisedBy)],
);

export const issueSupports = sqliteTable(
  'issue_supports',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.memberId] })],
);

/** Every step of an issue's path, with who acted and when; the raiser follows it. */
export const issueEvents = sqliteTable(
  'issue_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorMemberId: integer('actor_member_id').references(() => members.id),
    note: text('note').notNull().default(''),
    at: text('at').notNull().default(now),
  },
  (t) => [index('issue_events_issue').on(t.issueId)],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    issueId: integer('issue_id').references(() => issues.id),
    textZh: text('text_zh').notNull(),
    textEn: text('text_en').notNull(),
    createdAt: text('created_at').notNull().default(now),
    readAt: text('read_at'),
  },
  (t) => [index('notifications_member').on(t.memberId, t.readAt)],
);

export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bodyKey: text('body_key')
      .notNull()
      .references(() => bodies.key),
    title: text('title').notNull(),
    /** The committee that meets, for a meeting of the professional committees. */
    committeeId: integer('committee_id').references(() => committees.id),
    scheduledFor: text('scheduled_for').notNull(),
    status: text('status', { enum: ['scheduled', 'in-progress', 'closed'] }).notNull(),
    openedAt: text('opened_at'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    closedAt: text('closed_at'),
    minutes: text('minutes'),
    minutesPublishedAt: text('minutes_published_at'),
  },
  (t) => [index('meetings_body').on(t.bodyKey, t.scheduledFor)],
);

/**
 * Who votes at a meeting, fixed when the chair opens it: the member parties of the joint meeting, a committee's
 * members, or the leaders of the active clubs for the federation. Later changes of membership do not rewrite a vote.
 */
export const meetingVoters = sqliteTable(
  'meeting_voters',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** A party key for the joint meeting; `member:<id>` for a resident; `expert:<committee member id>` for an outside expert. */
    voter: text('voter').notNull(),
    kind: text('kind', { enum: ['party', 'member', 'expert'] }).notNull(),
    name: text('name').notNull(),
    /** A party's organisation, a committee member's expertise, or the clubs a federation member leads. */
    detail: text('detail'),
    memberId: integer('member_id').references(() => members.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.voter] })],
);

export const meetingAttendance = sqliteTable(
  'meeting_attendance',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** The voter: a party key, or a member or expert voter key for majority bodies. */
    partyKey: text('party_key').notNull(),
    attended: integer('attended', { mode: 'boolean' }).notNull(),
    recordedBy: integer('recorded_by').references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.partyKey] })],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    issueId: integer('issue_id').references(() => issues.id),
    title: text('title').notNull(),
    presenter: text('presenter').notNull(),
    minutesAllotted: integer('minutes_allotted').notNull(),
    /** Papers for individual preparation (个别酝酿), published to members before the meeting. */
    papers: text('papers').notNull().default(''),
    position: integer('position').notNull(),
    outcome: text('outcome', { enum: ['adopted', 'blocked', 'not-adopted', 'undecided'] }),
    /** The one published text of the decision (统一口径). */
    decisionText: text('decision_text'),
    /** The blocked or undecided item this one brings back, revised; an item is brought back once. */
    revisedFrom: integer('revised_from'),
    /** The count of positions when the rule was applied, for the minutes. */
    tally: text('tally', { mode: 'json' }).$type<{
      agree: number;
      object: number;
      block: number;
      abstain: number;
      missing: number;
      present: number;
    }>(),
  },
  (t) => [index('agenda_items_meeting').on(t.meetingId), uniqueIndex('agenda_items_revised_from').on(t.revisedFrom)],
);

/** One position per party (or member, for majority bodies) per item. */
export const itemStances = sqliteTable(
  'item_stances',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => agendaItems.id),
    voter: text('voter').notNull(),
    position: text('position', { enum: ['agree', 'object', 'block', 'abstain'] }).notNull(),
    reason: text('reason'),
    written: integer('written', { mode: 'boolean' }).notNull().default(false),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => members.id),
    recordedAt: text('recorded_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.voter] })],
);

export const actionItems = sqliteTable('action_items', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  itemId: integer('item_id')
    .notNull()
    .references(() => agendaItems.id),
  description: text('description').notNull(),
  owner: text('owner').notNull(),
  dueOn: text('due_on').notNull(),
  doneAt: text('done_at'),
});

/** A correction to a closed meeting's record: added beside the minutes, never editing them; append-only. */
export const minutesAmendments = sqliteTable(
  'minutes_amendments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    text: text('text').notNull(),
    reason: text('reason').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => members.id),
    recordedAt: text('recorded_at').notNull().default(now),
  },
  (t) => [index('minutes_amendments_meeting').on(t.meetingId)],
);

/** Shared public space the federation coordinates (棋牌室, 乒乓球室, 多功能厅, …). */
export const spaces = sqliteTable('spaces', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  capacity: integer('capacity').notNull(),
  /** Opening hours as HH:MM, local time. */
  opensAt: text('opens_at').notNull(),
  closesAt: text('closes_at').notNull(),
  rules: text('rules').notNull().default(''),
});

/** A booking; a trigger refuses any overlap with an active booking of the same space. */
export const bookings = sqliteTable(
  'bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id),
    clubId: integer('club_id').references(() => clubs.id),
    bookedBy: integer('booked_by')
      .notNull()
      .references(() => members.id),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    purpose: text('purpose').notNull(),
    /** Occurrences of one weekly booking share a series. */
    seriesId: text('series_id'),
    /** Set when the booking holds the room for a club activity; the activity's place and time follow it. */
    activityId: integer('activity_id').references(() => activities.id),
    status: text('status', { enum: ['active', 'cancelled'] }).notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('bookings_space_time').on(t.spaceId, t.startsAt), index('bookings_activity').on(t.activityId)],
);

/** Professional committees: standing sections and ad hoc groups that propose, supervise and assist. */
export const committees = sqliteTable('committees', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['standing', 'ad-hoc'] }).notNull(),
  remit: text('remit').notNull(),
  proposes: integer('proposes', { mode: 'boolean' }).notNull().default(true),
  supervises: integer('supervises', { mode: 'boolean' }).notNull().default(false),
  assists: integer('assists', { mode: 'boolean' }).notNull().default(false),
  endsOn: text('ends_on'),
  createdAt: text('created_at').notNull().default(now),
});

/** Members are residents, or outside experts (a lawyer, a social worker) who are not residents. */
export const committeeMembers = sqliteTable('committee_members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  committeeId: integer('committee_id')
    .notNull()
    .references(() => committees.id),
  memberId: integer('member_id').references(() => members.id),
  externalName: text('external_name'),
  expertise: text('expertise').notNull().default(''),
  role: text('role', { enum: ['chair', 'member'] }).notNull(),
});

/** A file kept in object storage for this community: an activity photo or a ledger receipt. */
export const mediaFiles = sqliteTable(
  'media_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['activity-photo', 'receipt'] }).notNull(),
    activityId: integer('activity_id').references(() => activities.id),
    transactionId: integer('transaction_id').references(() => ledgerTransactions.id),
    objectKey: text('object_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => members.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('media_files_activity').on(t.activityId), index('media_files_transaction').on(t.transactionId)],
);
