/**
 * The personal-data catalogue: for every tenant table, which columns name a member and which hold personal fields,
 * and what leaving with deletion does with them. "My data" (the export) and the deletion are both driven by it,
 * and tests/unit/personal-data-catalogue.test.ts fails when a table or a member column of the schema is not here.
 * Names are the SQL names of the tables and columns.
 */

/** How a column names a member: by id, by the sign-in's user id, as a voter key `member:<id>`, or (a grant) by either. */
export type Refers = 'id' | 'user' | 'voter' | 'granter';

/**
 * What deletion writes into a personal field: NULL, '', the former-resident label (已离开的居民 #<member id>),
 * '已删除 #<row id>' in place of a non-empty name, a user id no sign-in produces (`deleted:<member id>`), the
 * current time when unset, or false.
 */
export type Erasure = 'null' | 'empty' | 'former-resident' | 'removed' | 'deleted-user' | 'now' | 'false';

/**
 * - `delete`: the rows about the member go (roles, subscriptions, notifications…);
 * - `anonymise`: the rows stay for the community, their personal fields are erased;
 * - `keep`: the rows stay as they are: they hold no personal field, only the member id, which names nobody once the
 *   member row is anonymised (ledger, decisions, counts, positions);
 * - `photos`: activity photos they uploaded are removed from storage and their rows deleted; receipts stay with the
 *   accounts and photos of rooms with the spaces.
 */
export type OnDelete = 'delete' | 'anonymise' | 'keep' | 'photos';

export interface PersonalTable {
  /** Columns naming a member. Rows where one of them is the member's are "held about" the member. */
  members: Readonly<Record<string, Refers>>;
  /** The member columns whose member the row is about (its personal fields describe them); the others only record who acted. */
  subject?: readonly string[];
  /** Rows reached through another table's rows about the member: a child's consents through the child. */
  via?: { column: string; table: string };
  /** Personal fields, and what deletion writes into them. */
  personal?: Readonly<Record<string, Erasure>>;
  /** Columns never shown in the export (keys and secrets, not facts about the person). */
  secret?: readonly string[];
  onDelete: OnDelete;
  /** Why the rows are treated so, in a few words. */
  why: string;
  /** Columns whose names look as if they named a member but do not, with what they hold. */
  notMembers?: Readonly<Record<string, string>>;
}

export interface NoPersonalData {
  none: string;
  notMembers?: Readonly<Record<string, string>>;
}

export type CatalogueEntry = PersonalTable | NoPersonalData;

export const isPersonal = (entry: CatalogueEntry): entry is PersonalTable => 'members' in entry;

const keep = (members: Record<string, Refers>, why: string): PersonalTable => ({ members, onDelete: 'keep', why });
const drop = (members: Record<string, Refers>, why: string, extra: Partial<PersonalTable> = {}): PersonalTable => ({
  members,
  subject: Object.keys(members)
    .filter((c) => members[c] === 'id')
    .slice(0, 1),
  onDelete: 'delete',
  why,
  ...extra,
});

export const personalDataCatalogue: Readonly<Record<string, CatalogueEntry>> = {
  community_profile: {
    none: "The community's own facts and settings",
    notMembers: { figures_for_members: 'A setting: whether members see the figures' },
  },
  programs: { none: "The community's programs" },
  program_texts: {
    members: { updated_by: 'user' },
    subject: ['updated_by'],
    personal: { updated_by: 'deleted-user' },
    onDelete: 'anonymise',
    why: 'The text stays; who last edited it no longer names the person',
  },
  program_text_revisions: {
    members: { author_user_id: 'user' },
    subject: ['author_user_id'],
    personal: { author_user_id: 'deleted-user', author_name: 'former-resident' },
    onDelete: 'anonymise',
    why: 'The history of the text stays; its author becomes a former resident',
  },
  parties: { none: 'The parties of community governance (organisations)' },
  party_appointments: keep(
    { member_id: 'id', appointed_by: 'id', ended_by: 'id' },
    "A party's history of representatives; leaving ends the open ones",
  ),
  bodies: { none: 'Governance bodies' },
  body_parties: { none: 'Which parties sit in which body' },
  buildings: { none: "Buildings; the grid worker is the street office's contact, not a resident's record" },
  contact_applications: keep({ member_id: 'id', decided_by: 'id' }, 'Who applied to be a building contact and the decision'),
  members: {
    members: { id: 'id', user_id: 'user', approved_by: 'id', assisted_by: 'id' },
    subject: ['id'],
    personal: {
      display_name: 'former-resident',
      user_id: 'deleted-user',
      building_id: 'null',
      household: 'null',
      phone: 'null',
      claim_code_hash: 'null',
      claim_code_expires_at: 'null',
    },
    secret: ['claim_code_hash'],
    onDelete: 'anonymise',
    why: 'The row stays so that past records name "a former resident #id"; nothing about the person remains',
  },
  member_roles: drop({ member_id: 'id', granted_by: 'granter' }, 'Roles end on leaving'),
  role_invitations: {
    members: { created_by: 'id', requested_by: 'id', decided_by: 'id' },
    subject: ['requested_by'],
    personal: { note: 'empty' },
    onDelete: 'anonymise',
    why: 'The administrators’ note says who the invitation was meant for',
  },
  canvas_entries: { none: "The community's canvas" },
  handbook_chapters: {
    members: { updated_by: 'user' },
    subject: ['updated_by'],
    personal: { updated_by: 'deleted-user' },
    onDelete: 'anonymise',
    why: 'The chapter stays; who last edited it no longer names the person',
  },
  handbook_revisions: {
    members: { author_user_id: 'user' },
    subject: ['author_user_id'],
    personal: { author_user_id: 'deleted-user', author_name: 'former-resident' },
    onDelete: 'anonymise',
    why: 'The history of the handbook stays; its author becomes a former resident',
  },
  clubs: keep({ responsible_member_id: 'id', approved_by: 'id' }, 'A club stays; its responsible person is shown as a former resident'),
  club_members: drop({ member_id: 'id' }, 'Club memberships end on leaving'),
  club_handovers: keep({ from_member_id: 'id', to_member_id: 'id' }, "The club's history of handovers"),
  activities: {
    ...keep({ responsible_member_id: 'id', approved_by: 'id' }, 'Activities stay for the community'),
    notMembers: { max_places_per_member: 'A limit on places' },
  },
  activity_cost_lines: { none: "An activity's budget lines" },
  signups: {
    members: { member_id: 'id', on_behalf_by: 'id' },
    subject: ['member_id'],
    personal: { participant: 'removed' },
    onDelete: 'anonymise',
    why: 'Places stay so that counts and fees add up; the name of a child or companion they signed up goes',
  },
  activity_settlements: keep({ recorded_by: 'id' }, "An activity's accounts"),
  activity_reviews: keep({ member_id: 'id' }, 'Reviews count towards the activity; they no longer name anyone'),
  ledger_accounts: { none: 'Funds' },
  ledger_transactions: keep({ recorded_by: 'id' }, 'The ledger is append-only: totals stay, the recorder is a former resident'),
  ledger_postings: { none: 'Amounts on funds (their transaction names who recorded it)' },
  volunteers: drop({ member_id: 'id' }, 'A volunteer’s skills, availability and age band', {
    personal: { skills: 'empty', availability: 'empty', age_band: 'null' },
  }),
  volunteer_hours: {
    members: { member_id: 'id', recorded_by: 'id', on_behalf_by: 'id' },
    subject: ['member_id'],
    personal: { note: 'empty' },
    onDelete: 'anonymise',
    why: 'Hours count in the community’s totals; the notes go',
  },
  calendar_tokens: drop({ member_id: 'id' }, 'A private calendar feed', { secret: ['token'] }),
  issues: keep({ raised_by: 'id', on_behalf_by: 'id' }, 'Issues are the community’s; the person who raised one becomes a former resident'),
  issue_supports: keep({ member_id: 'id' }, 'Supports count towards an issue'),
  issue_events: keep({ actor_member_id: 'id' }, 'The history of an issue'),
  notification_preferences: drop({ member_id: 'id' }, 'How the person wants to be told'),
  notifications: drop({ member_id: 'id' }, 'Messages to the person'),
  notification_settings: drop({ member_id: 'id' }, 'Their email address, language and quiet hours', {
    personal: { email: 'null' },
  }),
  outbox: drop({ member_id: 'id' }, 'Messages waiting to be sent to the person'),
  push_subscriptions: drop({ member_id: 'id' }, 'Their devices for push messages', { secret: ['p256dh', 'auth'] }),
  meetings: keep({ created_by: 'id' }, 'Meetings and their decisions stay'),
  meeting_voters: {
    members: { member_id: 'id', voter: 'voter' },
    subject: ['member_id'],
    personal: { name: 'former-resident', detail: 'null' },
    onDelete: 'anonymise',
    why: 'A voter seat stays with the meeting’s record; the name becomes a former resident',
  },
  meeting_attendance: keep({ recorded_by: 'id' }, 'Which parties attended (parties, not persons)'),
  agenda_items: { none: 'Agenda and decisions; presenters are named as roles by the chair' },
  item_stances: keep({ voter: 'voter', recorded_by: 'id' }, 'Positions recorded for a voter or a party are final'),
  action_items: { none: 'Actions decided by a meeting; the owner is a role or a party' },
  minutes_amendments: keep({ recorded_by: 'id' }, 'Amendments to minutes are append-only'),
  spaces: { none: 'Rooms and their rules' },
  slot_requests: keep({ requested_by: 'id', decided_by: 'id' }, 'Requests for space time'),
  bookings: keep({ booked_by: 'id' }, 'Bookings of spaces'),
  committees: { none: 'Committees' },
  committee_members: drop({ member_id: 'id' }, 'Committee seats end on leaving', { personal: { expertise: 'empty' } }),
  media_files: {
    members: { uploaded_by: 'id' },
    subject: ['uploaded_by'],
    onDelete: 'photos',
    why: 'Photos of activities they uploaded go (people are in them); receipts and photos of rooms stay with the community',
  },
  consent_windows: { none: 'Consent decisions' },
  consent_objections: keep({ objector_member_id: 'id' }, 'An objection is part of a decision’s record'),
  needs: keep({ posted_by: 'id', claimed_by: 'id', on_behalf_by: 'id' }, 'Needs and how they were met'),
  need_responses: keep({ member_id: 'id' }, 'Offers of help on a need'),
  need_events: keep({ actor_member_id: 'id' }, 'The history of a need'),
  need_settings: { none: 'Settings' },
  activity_series: {
    ...keep({ created_by: 'id' }, 'Repeating activities'),
    notMembers: { monthly_by: 'How a monthly date repeats' },
  },
  series_occurrences: { none: 'Dates of repeating activities' },
  shop_settings: keep({ updated_by: 'id' }, 'Shop settings'),
  shop_items: {
    members: { donor_member_id: 'id', received_by: 'id', left_by: 'id' },
    subject: ['donor_member_id'],
    personal: { donor_name: 'null', donor_follows: 'false' },
    onDelete: 'anonymise',
    why: 'Donated items stay in the shop’s books; the donor’s name goes',
  },
  shop_sales: keep({ sold_by: 'id' }, "The shop's sales"),
  shop_closings: keep({ closed_by: 'id' }, "The shop's daily closings"),
  shop_proceeds_uses: keep({ marked_by: 'id' }, "What the shop's proceeds paid for"),
  library_settings: { none: 'Settings' },
  library_titles: keep({ added_by: 'id' }, 'Books; a donor’s name is what they asked to be thanked as'),
  library_copies: { none: 'Copies of books' },
  library_loans: keep({ member_id: 'id', lent_by: 'id' }, 'Loans count in the library’s figures'),
  library_borrower_months: { none: 'Counts of borrowers by month' },
  library_reservations: keep({ member_id: 'id' }, 'Reservations of books'),
  library_cards: drop({ member_id: 'id' }, 'A library card'),
  library_duty_slots: keep({ created_by: 'id' }, 'The librarians’ roster'),
  library_duty_claims: keep({ member_id: 'id', confirmed_by: 'id' }, 'Who took a duty'),
  course_terms: { none: 'Course terms' },
  courses: {
    members: { teacher_member_id: 'id', created_by: 'id' },
    subject: ['teacher_member_id'],
    personal: { teacher_name: 'former-resident', teacher_note: 'empty' },
    onDelete: 'anonymise',
    why: 'Courses stay; a teacher who leaves becomes a former resident',
  },
  course_sessions: { none: 'Course sessions' },
  course_enrolments: {
    members: { member_id: 'id' },
    subject: ['member_id'],
    personal: { child_name: 'removed' },
    onDelete: 'anonymise',
    why: 'Places and fees stay; the name of a child they enrolled goes',
  },
  course_attendance: keep({ marked_by: 'id' }, 'Attendance counts'),
  children: {
    members: { guardian_member_id: 'id' },
    subject: ['guardian_member_id'],
    personal: { name: 'removed' },
    onDelete: 'anonymise',
    why: 'A child they recorded: the name goes, the row stays so that places and consents still count',
  },
  child_consents: {
    members: { given_by: 'id' },
    subject: ['given_by'],
    via: { column: 'child_id', table: 'children' },
    personal: { emergency_name: 'null', emergency_phone: 'null', needs_note: 'null', erased_at: 'now' },
    onDelete: 'anonymise',
    why: 'That consent was given stays; emergency contacts and notes on needs go',
  },
  child_signups: {
    members: {},
    via: { column: 'child_id', table: 'children' },
    onDelete: 'keep',
    why: 'Which place is a child’s (the child’s name is erased)',
  },
  safety_checks: keep({ updated_by: 'id' }, "An activity's safety checklist; the adult on duty is named by the organisers"),
  rota_days: { none: 'Days on the rota' },
  rota_claims: keep({ member_id: 'id' }, 'Who helped on a rota day'),
  architect_projects: keep({ lead_member_id: 'id' }, 'Projects of the children’s program'),
  architect_stages: { none: 'Stages of projects' },
  care_settings: { none: 'Settings' },
  retention_settings: { none: 'Settings' },
  retention_runs: { none: 'Counts of what each nightly pass erased' },
  archive_exports: keep({ requested_by: 'id' }, 'An administrator’s export job stays as a record of who took the data out'),
  privacy_notices: keep({ published_by: 'id' }, 'Published notice versions stay with who published them'),
  privacy_notice_draft: keep({ updated_by: 'id' }, 'The draft of the next notice'),
  privacy_agreements: keep(
    { member_id: 'id' },
    'Proof of which notice version was agreed and when; nothing personal beyond the anonymous id',
  ),
  privacy_item_consents: keep(
    { member_id: 'id' },
    'Proof of the separate consents given and withdrawn; nothing personal beyond the anonymous id',
  ),
  care_recipients: {
    members: { member_id: 'id', registered_by: 'id' },
    subject: ['member_id'],
    personal: {
      name: 'former-resident',
      household: 'empty',
      phone: 'empty',
      needs_note: 'empty',
      preferred_times: 'empty',
      emergency_name: 'empty',
      emergency_phone: 'empty',
      ended_at: 'now',
    },
    onDelete: 'anonymise',
    why: 'Care about them ends; the record stays for the hours given, without anything about the person',
  },
  care_pairings: keep({ volunteer_id: 'id', paired_by: 'id' }, 'Who visited whom'),
  care_visits: {
    members: { volunteer_id: 'id', followed_up_by: 'id', confirmed_by: 'id' },
    via: { column: 'recipient_id', table: 'care_recipients' },
    personal: { observations: 'empty', follow_up: 'null' },
    onDelete: 'anonymise',
    why: 'Visits count as hours; what was observed about the person goes',
  },
  time_bank_entries: keep({ member_id: 'id', counterpart_id: 'id' }, 'The time bank is append-only'),
  partnerships: { none: "Partnerships with other communities and organisations (an organisation's contact)" },
  partnership_entries: { none: 'What partners did together' },
};
