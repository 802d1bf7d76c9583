import { emptyMonth, type MonthFacts } from './definitions';

/** Activities in these states took place. */
const HELD = `('held','settled','reviewed')`;
const SETTLE_WITHIN_DAYS = 7;

type Row = Record<string, unknown>;

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString();
};

/** Counts first-seen dates up to each month's end: how many had happened by then. */
function cumulative(dates: readonly string[], months: readonly string[]): number[] {
  return months.map((month) => {
    const end = monthEnd(month);
    return dates.filter((d) => d < end).length;
  });
}

function byMonth<T>(rows: Row[], pick: (row: Row) => T): Map<string, T> {
  return new Map(rows.map((r) => [String(r.m), pick(r)]));
}

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));

/**
 * Reads the facts of each month from one community's own database in a single round trip (one D1 batch of
 * aggregate queries), oldest month first. Nothing personal leaves this function: only counts and durations.
 */
export async function collectMonthFacts(db: D1Database, months: readonly string[], now: Date): Promise<MonthFacts[]> {
  const start = `${months[0]}-01T00:00:00.000Z`;
  const end = monthEnd(months[months.length - 1]!);
  const nowIso = now.toISOString();
  const q = (query: string, ...params: unknown[]) => db.prepare(query).bind(...params);
  const results = await db.batch<Row>([
    q('SELECT households, residents, founded_on AS foundedOn FROM community_profile WHERE id = 1'),
    q('SELECT joined_at AS at FROM members ORDER BY joined_at'),
    q(
      `SELECT DISTINCT substr(a.starts_at, 1, 7) AS m, a.club_id AS clubId, c.program_key AS programKey
       FROM activities a LEFT JOIN clubs c ON c.id = a.club_id
       WHERE a.state IN ${HELD} AND a.starts_at >= ?1 AND a.starts_at < ?2`,
      start,
      end,
    ),
    q(
      `SELECT substr(starts_at, 1, 7) AS m, COUNT(*) AS n FROM activities WHERE state IN ${HELD} AND starts_at >= ?1 AND starts_at < ?2 GROUP BY m`,
      start,
      end,
    ),
    q(
      `SELECT substr(a.starts_at, 1, 7) AS m,
         COUNT(DISTINCT CASE WHEN mb.household IS NOT NULL AND mb.household <> ''
           THEN COALESCE(mb.building_id, '') || ':' || mb.household ELSE 'member:' || mb.id END) AS n
       FROM signups s JOIN activities a ON a.id = s.activity_id JOIN members mb ON mb.id = s.member_id
       WHERE s.status = 'confirmed' AND a.state <> 'cancelled' AND a.starts_at >= ?1 AND a.starts_at < ?2
       GROUP BY m`,
      start,
      end,
    ),
    q(
      `WITH att AS (
         SELECT DISTINCT s.member_id AS mid, substr(a.starts_at, 1, 7) AS m
         FROM signups s JOIN activities a ON a.id = s.activity_id
         WHERE s.status = 'confirmed' AND a.state IN ${HELD} AND a.starts_at < ?2),
       firsts AS (SELECT mid, MIN(m) AS f FROM att GROUP BY mid)
       SELECT att.m AS m, COUNT(*) AS attendees, SUM(att.m > firsts.f) AS returnees
       FROM att JOIN firsts ON firsts.mid = att.mid WHERE att.m >= substr(?1, 1, 7) GROUP BY att.m`,
      start,
      end,
    ),
    q(
      `SELECT substr(served_on, 1, 7) AS m, COUNT(DISTINCT member_id) AS volunteers, SUM(minutes) AS minutes
       FROM volunteer_hours WHERE confirmed_at IS NOT NULL AND served_on >= ?1 AND served_on < ?2 GROUP BY m`,
      start.slice(0, 10),
      end.slice(0, 10),
    ),
    q('SELECT COUNT(*) AS n FROM buildings'),
    q(`SELECT building_id AS buildingId, granted_at AS at FROM member_roles WHERE role = 'building-contact' AND building_id IS NOT NULL`),
    q(
      `SELECT substr(scheduled_for, 1, 7) AS m, COUNT(*) AS n FROM meetings
       WHERE body_key = 'joint-meeting' AND status = 'closed' AND scheduled_for >= ?1 AND scheduled_for < ?2 GROUP BY m`,
      start,
      end,
    ),
    q(`SELECT substr(created_at, 1, 7) AS m, COUNT(*) AS n FROM issues WHERE created_at >= ?1 AND created_at < ?2 GROUP BY m`, start, end),
    q(
      `SELECT substr(d.at, 1, 7) AS m, julianday(d.at) - julianday(i.created_at) AS days
       FROM (SELECT issue_id, MIN(at) AS at FROM issue_events WHERE to_state = 'decided' GROUP BY issue_id) d
       JOIN issues i ON i.id = d.issue_id WHERE d.at >= ?1 AND d.at < ?2`,
      start,
      end,
    ),
    q(
      `SELECT substr(d.at, 1, 7) AS m, COUNT(*) AS n
       FROM (SELECT issue_id, MIN(at) AS at FROM issue_events WHERE to_state = 'done' GROUP BY issue_id) d
       WHERE d.at >= ?1 AND d.at < ?2 GROUP BY m`,
      start,
      end,
    ),
    q(
      `SELECT substr(a.ends_at, 1, 7) AS m, COUNT(*) AS settled, SUM(s.income_fen > s.cost_fen) AS surplus,
         SUM(julianday(s.recorded_at) - julianday(a.ends_at) <= ${SETTLE_WITHIN_DAYS}) AS onTime
       FROM activity_settlements s JOIN activities a ON a.id = s.activity_id
       WHERE a.ends_at >= ?1 AND a.ends_at < ?2 GROUP BY m`,
      start,
      end,
    ),
    q(
      `SELECT substr(ends_at, 1, 7) AS m, COUNT(*) AS ended, SUM(state IN ('settled','reviewed')) AS completed
       FROM activities WHERE state NOT IN ('cancelled','draft','budget-submitted') AND ends_at >= ?1 AND ends_at < ?2 AND ends_at <= ?3
       GROUP BY m`,
      start,
      end,
      nowIso,
    ),
    q('SELECT key FROM programs WHERE enabled = 1'),
    q(
      `SELECT bp.party_key AS partyKey,
         (SELECT MIN(r.granted_at) FROM member_roles r WHERE r.role = 'party-representative' AND r.party_key = bp.party_key) AS firstAt
       FROM body_parties bp WHERE bp.body_key = 'joint-meeting'`,
    ),
    q('SELECT c.created_at AS at FROM committees c WHERE EXISTS (SELECT 1 FROM committee_members cm WHERE cm.committee_id = c.id)'),
  ]);
  const rows = results.map((r) => r.results ?? []);
  const [
    profileRows,
    memberRows,
    activityClubs,
    held,
    households,
    attendance,
    volunteerRows,
    buildingRows,
    contactRows,
    meetingRows,
    raisedRows,
    decidedRows,
    doneRows,
    settledRows,
    endedRows,
    programRows,
    partyRows,
    committeeRows,
  ] = rows as [
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
  ];

  const profile = profileRows[0] ?? {};
  const joined = memberRows.map((r) => String(r.at));
  const memberCounts = cumulative(joined, months);
  const foundedMonth = [profile.foundedOn ? String(profile.foundedOn).slice(0, 7) : null, joined[0]?.slice(0, 7) ?? null]
    .filter((x): x is string => x !== null)
    .sort()[0];

  const heldBy = byMonth(held, (r) => num(r.n));
  const householdsBy = byMonth(households, (r) => num(r.n));
  const attendanceBy = byMonth(attendance, (r) => ({ attendees: num(r.attendees), returning: num(r.returnees) }));
  const volunteersBy = byMonth(volunteerRows, (r) => ({ volunteers: num(r.volunteers), minutes: num(r.minutes) }));
  const meetingsBy = byMonth(meetingRows, (r) => num(r.n));
  const raisedBy = byMonth(raisedRows, (r) => num(r.n));
  const doneBy = byMonth(doneRows, (r) => num(r.n));
  const settledBy = byMonth(settledRows, (r) => ({ settled: num(r.settled), surplus: num(r.surplus), onTime: num(r.onTime) }));
  const endedBy = byMonth(endedRows, (r) => ({ ended: num(r.ended), completed: num(r.completed) }));
  const programsEnabled = programRows.map((r) => String(r.key));
  const buildingCount = num(buildingRows[0]?.n);

  return months.map((month, i) => {
    const endOfMonth = monthEnd(month);
    const contactsByBuilding = new Map<number, number>();
    for (const c of contactRows) {
      if (String(c.at) < endOfMonth) contactsByBuilding.set(num(c.buildingId), (contactsByBuilding.get(num(c.buildingId)) ?? 0) + 1);
    }
    const inMonth = activityClubs.filter((r) => r.m === month);
    return emptyMonth(month, {
      households: num(profile.households),
      residents: profile.residents == null ? null : num(profile.residents),
      members: memberCounts[i]!,
      clubsWithActivity: [...new Set(inMonth.filter((r) => r.clubId != null).map((r) => num(r.clubId)))],
      programsWithActivity: [...new Set(inMonth.filter((r) => r.programKey != null).map((r) => String(r.programKey)))],
      programsEnabled,
      activitiesHeld: heldBy.get(month) ?? 0,
      householdsParticipating: householdsBy.get(month) ?? 0,
      attendees: attendanceBy.get(month)?.attendees ?? 0,
      returningAttendees: attendanceBy.get(month)?.returning ?? 0,
      volunteersActive: volunteersBy.get(month)?.volunteers ?? 0,
      volunteerMinutes: volunteersBy.get(month)?.minutes ?? 0,
      buildings: buildingCount,
      buildingsWithTwoContacts: [...contactsByBuilding.values()].filter((n) => n >= 2).length,
      jointMeetingsHeld: meetingsBy.get(month) ?? 0,
      issuesRaised: raisedBy.get(month) ?? 0,
      issuesDecided: decidedRows.filter((r) => r.m === month).length,
      issuesDone: doneBy.get(month) ?? 0,
      daysToDecision: decidedRows.filter((r) => r.m === month).map((r) => Math.round(num(r.days) * 10) / 10),
      settled: settledBy.get(month)?.settled ?? 0,
      settledWithSurplus: settledBy.get(month)?.surplus ?? 0,
      settledOnTime: settledBy.get(month)?.onTime ?? 0,
      activitiesEnded: endedBy.get(month)?.ended ?? 0,
      activitiesCompleted: endedBy.get(month)?.completed ?? 0,
      parties: partyRows.length,
      partiesRepresented: partyRows.filter((r) => r.firstAt != null && String(r.firstAt) < endOfMonth).length,
      committeesStaffed: committeeRows.filter((r) => String(r.at) < endOfMonth).length,
      existed: foundedMonth === undefined ? true : month >= foundedMonth,
    });
  });
}
