import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { TenantDb } from '../db/client';
import { activities } from '../community/activities/schema';
import { announcedStates } from '../community/activities/rules';
import { clubs } from '../community/clubs/schema';
import { communityFacts } from '../community/handbooks/facts';
import { handbookChapters } from '../community/handbooks/schema';
import { issueEvents, issues } from '../community/issues/schema';
import type { IssueState } from '../community/issues/rules';
import { communityProfile } from '../community/profile/schema';
import { programs } from '../community/programs/schema';
import { renderPlaceholders } from '../templates/placeholders';
import { findTemplate } from '../templates/registry';
import { firstParagraph } from './plain-text';

/** What a link shows when it is pasted into a chat: the page's title and a line about it. */
export interface ShareCard {
  title: string;
  description: string;
  /** The site it belongs to: the community's name, or the platform's. */
  site: string;
  /** The page's address (path and query) when its path alone does not name what the card shows: a handbook's chapter. */
  address?: string;
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

/**
 * Issues whose adopted decision a preview may quote: decided by the meeting and on its way back to the buildings.
 * Anything earlier is still a resident's matter in discussion; a merged issue lives on in another.
 */
const decidedStates: IssueState[] = ['decided', 'implementing', 'done', 'relayed'];

/** Handbook chapters are previewed in the language the community's pages are first written in. */
const CARD_LOCALE = 'zh-CN';

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

/** A day as the community reads it: 2030年3月9日, in its own time zone. */
export function dayLabel(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(instant));
}

export type PageMatch =
  | { kind: 'activity'; id: number }
  | { kind: 'club'; id: number }
  | { kind: 'program'; key: string }
  | { kind: 'issue'; id: number }
  | { kind: 'handbook'; handbook: string; chapter: string | null }
  | { kind: 'home' };

const handbookKey = /^[a-z][a-z-]{0,40}$/;
const chapterKey = /^[a-z0-9][a-z0-9-]{0,80}$/;

/**
 * Which page of the community's site a path is, for the pages that have a card of their own. A handbook is one page
 * whose chapters are anchors, which never reach the server: a link to a chapter names it as `?chapter=<key>` too.
 */
export function matchPage(path: string, query: URLSearchParams = new URLSearchParams()): PageMatch {
  const activity = /^\/activities\/(\d{1,9})\/?$/.exec(path);
  if (activity) return { kind: 'activity', id: Number(activity[1]) };
  const club = /^\/clubs\/(\d{1,9})\/?$/.exec(path);
  if (club) return { kind: 'club', id: Number(club[1]) };
  const program = /^\/programs\/([a-z][a-z-]{0,40})\/?$/.exec(path);
  if (program) return { kind: 'program', key: program[1]! };
  const issue = /^\/issues\/(\d{1,9})\/?$/.exec(path);
  if (issue) return { kind: 'issue', id: Number(issue[1]) };
  const handbook = /^\/handbooks\/([^/]+)\/?$/.exec(path);
  if (handbook && handbookKey.test(handbook[1]!)) {
    const chapter = query.get('chapter');
    return { kind: 'handbook', handbook: handbook[1]!, chapter: chapter && chapterKey.test(chapter) ? chapter : null };
  }
  return { kind: 'home' };
}

/**
 * The page a picture's path stands for: a page's own path, or `/handbooks/<handbook>/<chapter>` for a chapter, whose
 * page address carries it in the query, which a picture's address cannot (its query is the fingerprint).
 */
export function matchPicturePage(path: string): PageMatch {
  const chapter = /^\/handbooks\/([^/]+)\/([^/]+)$/.exec(path);
  if (chapter && handbookKey.test(chapter[1]!) && chapterKey.test(chapter[2]!))
    return { kind: 'handbook', handbook: chapter[1]!, chapter: chapter[2]! };
  return matchPage(path);
}

/** The path a page's picture is named by (the inverse of `matchPicturePage`). */
function picturePath(page: PageMatch): string {
  switch (page.kind) {
    case 'activity':
      return `/activities/${page.id}`;
    case 'club':
      return `/clubs/${page.id}`;
    case 'program':
      return `/programs/${page.key}`;
    case 'issue':
      return `/issues/${page.id}`;
    case 'handbook':
      return page.chapter ? `/handbooks/${page.handbook}/${page.chapter}` : `/handbooks/${page.handbook}`;
    case 'home':
      return '/';
  }
}

/**
 * The card for a page of the community's site, as a visitor who is not signed in may see it: an activity only once
 * it is announced, a club only while it runs, an issue only by its adopted decision and only when it was not raised
 * anonymously, a handbook by its published text, and never a resident's name. Any other page (or one the visitor may
 * not see) gets the community's own card, so a link never reveals whether a hidden record exists.
 */
export async function communityCard(db: TenantDb, page: PageMatch): Promise<ShareCard> {
  const [profileRows, activityRows, clubRows, programRows, issueRows] = await db.batch([
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
    db
      .select({ title: issues.title, decisionText: issues.decisionText, decidedAt: issueEvents.at })
      .from(issues)
      .innerJoin(issueEvents, and(eq(issueEvents.issueId, issues.id), eq(issueEvents.toState, 'decided')))
      .where(
        and(
          eq(issues.id, page.kind === 'issue' ? page.id : -1),
          inArray(issues.state, decidedStates),
          eq(issues.outcome, 'adopted'),
          // □ 对外匿名: a resident who asked not to be named keeps their issue out of previews altogether.
          eq(issues.anonymous, false),
        ),
      )
      // A decision taken again (after "not adopted") counts from its last vote.
      .orderBy(desc(issueEvents.at), desc(issueEvents.id))
      .limit(1),
  ]);
  const profile = profileRows[0];
  const community = profile?.nameZh ?? '互助';
  const where = [profile?.city, profile?.district].filter(Boolean).join(' ');
  const path = picturePath(page);
  const activity = activityRows[0];
  if (activity && profile) {
    const when = startsLabel(activity.startsAt, profile.timeZone);
    return {
      title: `${activity.title} · ${community}`,
      description: oneLine(`${when} · ${activity.place}。${activity.description}`),
      site: community,
      picture: { path, kicker: community, heading: activity.title, line: `活动 · ${when}` },
    };
  }
  const club = clubRows[0];
  if (club) {
    return {
      title: `${club.name} · ${community}`,
      description: oneLine(club.purpose),
      site: community,
      picture: { path, kicker: community, heading: club.name, line: '社团' },
    };
  }
  const program = programRows[0];
  if (program) {
    return {
      title: `${program.nameZh} · ${community}`,
      description: oneLine(program.descriptionZh),
      site: community,
      picture: { path, kicker: community, heading: program.nameZh, line: '互助计划' },
    };
  }
  const decision = issueRows[0];
  if (decision?.decisionText && profile) {
    return {
      title: `决定：${decision.title} · ${community}`,
      description: oneLine(decision.decisionText),
      site: community,
      picture: { path, kicker: community, heading: decision.title, line: `决定 · ${dayLabel(decision.decidedAt, profile.timeZone)}` },
    };
  }
  if (page.kind === 'handbook' && profile) {
    const card = await handbookCard(db, page.handbook, page.chapter, community, path);
    if (card) return card;
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

/**
 * A handbook's card, or one of its chapters' (as published: an administrator's draft is never read). Handbooks are
 * public, as the community's own rules for everyone; placeholders are filled with the community's facts as the
 * reader does, and a chapter is described by its first paragraph, in plain words.
 */
async function handbookCard(
  db: TenantDb,
  handbook: string,
  chapter: string | null,
  community: string,
  path: string,
): Promise<ShareCard | null> {
  const rows = await db
    .select({ key: handbookChapters.key, title: handbookChapters.title, body: handbookChapters.body })
    .from(handbookChapters)
    .where(
      and(
        eq(handbookChapters.handbook, handbook),
        eq(handbookChapters.locale, CARD_LOCALE),
        ...(chapter ? [eq(handbookChapters.key, chapter)] : []),
      ),
    )
    .orderBy(asc(handbookChapters.position));
  if (rows.length === 0) return null;
  const { templateKey, templateVersion, ...facts } = await communityFacts(db);
  const meta = findTemplate(`${templateKey}@${templateVersion}`)?.handbooks.find((hb) => hb.key === handbook);
  const name = meta?.title.zh ?? handbook;
  const fill = (text: string) => renderPlaceholders(text, facts, CARD_LOCALE);
  if (chapter) {
    const title = fill(rows[0]!.title);
    return {
      title: `${title} · ${community}`,
      description: oneLine(firstParagraph(fill(rows[0]!.body)) || `${community}的《${name}》`),
      site: community,
      address: `/handbooks/${handbook}?chapter=${chapter}`,
      picture: { path, kicker: community, heading: title, line: `手册 · ${name}` },
    };
  }
  return {
    title: `${name} · ${community}`,
    description: oneLine(`目录：${rows.map((row) => fill(row.title)).join('、')}`),
    site: community,
    picture: { path, kicker: community, heading: name, line: '手册' },
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
