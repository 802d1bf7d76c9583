import { and, eq, inArray } from 'drizzle-orm';
import type { TenantDb } from '../db/client';
import { activities } from '../community/activities/schema';
import { announcedStates } from '../community/activities/rules';
import { clubs } from '../community/clubs/schema';
import { communityProfile } from '../community/profile/schema';
import { programs } from '../community/programs/schema';

/** What a link shows when it is pasted into a chat: the page's title and a line about it. */
export interface ShareCard {
  title: string;
  description: string;
  /** The site it belongs to: the community's name, or the platform's. */
  site: string;
  /** What the card's picture (og:image) shows; without one, the picture shows the title. */
  picture?: SharePicture;
}

/** The text of a card's picture: a small line above, the object's own name, and a line saying what it is. */
export interface SharePicture {
  /** The page the picture is of (the home page for any page without a card of its own): it names the picture's address. */
  path: string;
  kicker: string;
  heading: string;
  line: string;
}

/** Clubs a visitor may see named in a preview: running ones, not proposals waiting for approval. */
const shownClubStatuses = ['active', 'dormant'] as const;

const DESCRIPTION_LIMIT = 120;

/** One line of at most `DESCRIPTION_LIMIT` characters: previews show a line or two. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > DESCRIPTION_LIMIT ? `${flat.slice(0, DESCRIPTION_LIMIT - 1)}…` : flat;
}

/** A start time as the community reads it: 12月6日 周六 09:30, in its own time zone. */
export function startsLabel(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

type PageMatch = { kind: 'activity'; id: number } | { kind: 'club'; id: number } | { kind: 'program'; key: string } | { kind: 'home' };

/** Which page of the community's site a path is, for the pages that have a card of their own. */
export function matchPage(path: string): PageMatch {
  const activity = /^\/activities\/(\d{1,9})\/?$/.exec(path);
  if (activity) return { kind: 'activity', id: Number(activity[1]) };
  const club = /^\/clubs\/(\d{1,9})\/?$/.exec(path);
  if (club) return { kind: 'club', id: Number(club[1]) };
  const program = /^\/programs\/([a-z][a-z-]{0,40})\/?$/.exec(path);
  if (program) return { kind: 'program', key: program[1]! };
  return { kind: 'home' };
}

/**
 * The card for a page of the community's site, as a visitor who is not signed in may see it: an activity only once
 * it is announced, a club only while it runs, and never a resident's name. Any other page (or one the visitor may
 * not see) gets the community's own card, so a link never reveals whether a hidden record exists.
 */
export async function communityCard(db: TenantDb, path: string): Promise<ShareCard> {
  const page = matchPage(path);
  const [profileRows, activityRows, clubRows, programRows] = await db.batch([
    db
      .select({
        nameZh: communityProfile.nameZh,
        city: communityProfile.city,
        district: communityProfile.district,
        timeZone: communityProfile.timeZone,
      })
      .from(communityProfile)
      .limit(1),
    db
      .select({ title: activities.title, startsAt: activities.startsAt, place: activities.place, description: activities.description })
      .from(activities)
      .where(and(eq(activities.id, page.kind === 'activity' ? page.id : -1), inArray(activities.state, [...announcedStates]))),
    db
      .select({ name: clubs.name, purpose: clubs.purpose })
      .from(clubs)
      .where(and(eq(clubs.id, page.kind === 'club' ? page.id : -1), inArray(clubs.status, [...shownClubStatuses]))),
    db
      .select({ nameZh: programs.nameZh, descriptionZh: programs.descriptionZh })
      .from(programs)
      .where(eq(programs.key, page.kind === 'program' ? page.key : '')),
  ]);
  const profile = profileRows[0];
  const community = profile?.nameZh ?? '互助';
  const where = [profile?.city, profile?.district].filter(Boolean).join(' ');
  const activity = activityRows[0];
  if (activity && profile) {
    const when = startsLabel(activity.startsAt, profile.timeZone);
    return {
      title: `${activity.title} · ${community}`,
      description: oneLine(`${when} · ${activity.place}。${activity.description}`),
      site: community,
      picture: { path: path.replace(/\/$/, ''), kicker: community, heading: activity.title, line: `活动 · ${when}` },
    };
  }
  const club = clubRows[0];
  if (club) {
    return {
      title: `${club.name} · ${community}`,
      description: oneLine(club.purpose),
      site: community,
      picture: { path: path.replace(/\/$/, ''), kicker: community, heading: club.name, line: '社团' },
    };
  }
  const program = programRows[0];
  if (program) {
    return {
      title: `${program.nameZh} · ${community}`,
      description: oneLine(program.descriptionZh),
      site: community,
      picture: { path: path.replace(/\/$/, ''), kicker: community, heading: program.nameZh, line: '互助计划' },
    };
  }
  return {
    title: community,
    description: oneLine(
      `${community}${where ? `（${where}）` : ''}的社区互助会：兴趣社团、邻里活动、议题与联席会议，居民自己组织，费用 AA 分摊。`,
    ),
    site: community,
    picture: {
      path: '/',
      kicker: where ? `社区互助会 · ${where}` : '社区互助会',
      heading: community,
      line: '兴趣社团 · 邻里活动 · 议题与联席会议',
    },
  };
}

/** The platform's own card, for its home and sign-up pages. */
export const platformCard: ShareCard = {
  title: '互助 Huzhu',
  description: '让任何小区都能复制社区互助会：社团孵化、九项互助计划、四方联席会议。Software for neighbourhood mutual-aid associations.',
  site: '互助 Huzhu',
  picture: {
    path: '/',
    kicker: '互助 Huzhu',
    heading: '让任何小区都能复制社区互助会',
    line: 'Software for neighbourhood mutual aid',
  },
};
