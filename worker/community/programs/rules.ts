import { wallClock } from '../profile/rules';

/** The sections of a program's page that a community may put in its own words. */
export const programSections = ['purpose', 'roles', 'how-to-run', 'measures'] as const;
export type ProgramSection = (typeof programSections)[number];

/** A program as its template describes it, in one language. */
export interface TemplateProgramText {
  purpose: string;
  roles: string[];
  howToRun: string[];
  measures: string[];
}

/**
 * The template's text of a section as Markdown: the purpose is a paragraph, the steps to run it are numbered and
 * the roles and measures are lists. This is what a community sees until it writes its own.
 */
export function templateSectionMarkdown(program: TemplateProgramText, section: ProgramSection): string {
  const list = (items: string[]) => items.map((item) => `- ${item}`).join('\n');
  switch (section) {
    case 'purpose':
      return program.purpose;
    case 'roles':
      return list(program.roles);
    case 'how-to-run':
      return program.howToRun.map((step, i) => `${i + 1}. ${step}`).join('\n');
    case 'measures':
      return list(program.measures);
  }
}

/** Programs whose work has a screen of its own in Huzhu, and where it is. */
const programTools: Record<string, string> = {
  library: '/library',
  'charity-shop': '/shop',
  'community-helps-community': '/needs',
  university: '/courses',
  'kids-troupe': '/children',
  'little-architects': '/little-architects',
  'elder-care': '/care',
};

/** The page of the program's own tool (明志书屋 lending, 彩虹屋, 需求登记), or null when it has none. */
export function programTool(programKey: string): string | null {
  return programTools[programKey] ?? null;
}

/** The month (YYYY-MM) an instant falls in on the community's calendar. */
export function monthIn(instant: string | number | Date, timeZone: string): string {
  return wallClock(instant, timeZone).date.slice(0, 7);
}

/** The `count` months up to and including the current one on the community's calendar, oldest first. */
export function lastMonths(now: Date, timeZone: string, count: number): string[] {
  const [year, month] = monthIn(now, timeZone).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * Instants that surely cover the months, whatever the time zone (offsets stay within a day): rows read between
 * them are then placed in their month by `monthIn`, and those outside the months are dropped.
 */
export function monthsWindow(months: readonly string[]): { from: string; to: string } {
  const first = Date.parse(`${months[0]}-01T00:00:00Z`);
  const [y, m] = months[months.length - 1]!.split('-').map(Number) as [number, number];
  const afterLast = Date.UTC(y, m, 1);
  return { from: new Date(first - 86_400_000).toISOString(), to: new Date(afterLast + 86_400_000).toISOString() };
}

/**
 * The days (YYYY-MM-DD, on the community's calendar) the months cover: from the first day of the first month, up to
 * (not including) the first day after the last month. For columns that store a local day, e.g. a visit's day.
 */
export function monthsDays(months: readonly string[]): { from: string; until: string } {
  const [y, m] = months[months.length - 1]!.split('-').map(Number) as [number, number];
  return { from: `${months[0]}-01`, until: new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10) };
}

/** A program's figure for each month, as its page and the tools' sources give them. */
export interface ProgramFigure {
  key: string;
  labelZh: string;
  labelEn: string;
  unit: 'count' | 'hours' | 'fen' | 'percent';
  /** By month (YYYY-MM); a month without activity is 0. */
  values: Record<string, number>;
}

export interface HeldActivity {
  startsAt: string;
  clubId: number | null;
  /** Places taken up: confirmed sign-ups, or checked in. */
  participants: number;
}

export interface ServedHours {
  /** The date served, already on the community's calendar (YYYY-MM-DD). */
  servedOn: string;
  minutes: number;
}

/**
 * The figures every program has, month by month on the community's calendar: activities held, their participants,
 * volunteer hours given to the program, and the program's clubs that held an activity.
 */
export function commonProgramFigures(
  held: readonly HeldActivity[],
  hours: readonly ServedHours[],
  months: readonly string[],
  timeZone: string,
): ProgramFigure[] {
  const zero = () => Object.fromEntries(months.map((m) => [m, 0])) as Record<string, number>;
  const activitiesHeld = zero();
  const participants = zero();
  const minutes = zero();
  const clubs = new Map(months.map((m) => [m, new Set<number>()]));
  for (const a of held) {
    const month = monthIn(a.startsAt, timeZone);
    if (!(month in activitiesHeld)) continue;
    activitiesHeld[month]! += 1;
    participants[month]! += a.participants;
    if (a.clubId !== null) clubs.get(month)!.add(a.clubId);
  }
  for (const h of hours) {
    const month = h.servedOn.slice(0, 7);
    if (month in minutes) minutes[month]! += h.minutes;
  }
  const volunteerHours = Object.fromEntries(Object.entries(minutes).map(([m, n]) => [m, Math.round(n / 6) / 10]));
  const activeClubs = Object.fromEntries([...clubs].map(([m, set]) => [m, set.size]));
  return [
    { key: 'activitiesHeld', labelZh: '举办的活动', labelEn: 'Activities held', unit: 'count', values: activitiesHeld },
    { key: 'participants', labelZh: '参与人次', labelEn: 'Participants', unit: 'count', values: participants },
    { key: 'volunteerHours', labelZh: '志愿服务时长', labelEn: 'Volunteer hours', unit: 'hours', values: volunteerHours },
    { key: 'activeClubs', labelZh: '办过活动的社团', labelEn: 'Clubs that held activities', unit: 'count', values: activeClubs },
  ];
}
