/** Pure rules of the children's programs (无敌少儿团, 小小建筑师): consent, erasure, the safety gate, headcounts. */
import { wallClock } from '../profile/rules';

/** What a consent or a safety step is about: an activity now; a course of the community university later. */
export const consentTargetKinds = ['activity', 'course'] as const;
export type ConsentTargetKind = (typeof consentTargetKinds)[number];

/** The programs whose activities are for children. */
export const childrenPrograms = ['kids-troupe', 'little-architects'] as const;

export const stageStates = ['planned', 'finished'] as const;

/** Days after the end (on the community's calendar) during which organisers still see a child's details. */
export const DETAILS_KEPT_DAYS = 30;

const DAY = 86400_000;

/** The calendar date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The last day (YYYY-MM-DD, community calendar) on which a consent's emergency contact and notes may be shown:
 * 30 days after the day the activity ends there. From the next day the daily pass erases them.
 */
export function detailsUntil(endsAt: string, timeZone: string): string {
  return addDays(wallClock(endsAt, timeZone).date, DETAILS_KEPT_DAYS);
}

/** Whether the details are still kept on `today` (the community's date). */
export function detailsKept(until: string, today: string): boolean {
  return today <= until;
}

/**
 * Minors (PIPL art. 28 and 31: a child under 14's information is sensitive and needs a guardian's consent).
 * - A child is recorded only by a guardian, on the guardian's own page (name and birth month, nothing else), and only
 *   while under 18; a birth month in the future is refused.
 * - A child under 14 takes a place only through their guardian, with a consent for that activity or course
 *   (children.signUp, courses' child enrolment): the guardian is the member who recorded the child.
 * - A 14–17 year old is signed up the same way when a guardian does it (same consent, same erasure); they may also
 *   join with an account of their own and sign themself up like any member: from 14 they consent for themself.
 * - A child named on an ordinary activity ("this is a child, I am their guardian") is the guardian's declaration:
 *   only the name is kept, seen by the guardian and the activity's organisers, and erased like the rest.
 * Who sees a child's name: the guardian; the activity's responsible person and its club's responsible person; the
 * course's teacher; the association's admins (who answer for safety). Nobody else, on any page, list, sheet, export
 * or notification; and no one, not even organisers, once the details are erased (30 days after the end).
 */
export const GUARDIAN_CONSENT_AGE = 14;
export const ADULT_AGE = 18;

/** Why a child cannot be recorded with this birth month on `today`, or null when they can. */
export function childRecordProblem(birthMonth: string, today: string): 'future' | 'adult' | null {
  if (birthMonth > today.slice(0, 7)) return 'future';
  return ageOn(birthMonth, today) >= ADULT_AGE ? 'adult' : null;
}

/** Whether a child's own consent would count (14 and over) rather than only the guardian's. */
export const consentsForThemself = (birthMonth: string, today: string) => ageOn(birthMonth, today) >= GUARDIAN_CONSENT_AGE;

/** Who looks at a child's details: only the organisers of the activity and the child's guardian see them. */
export function detailsVisible(viewer: { organiser: boolean; guardian: boolean }, until: string, today: string): boolean {
  return (viewer.organiser || viewer.guardian) && detailsKept(until, today);
}

/** Whether an activity is for children: marked so, or credited to one of the children's programs. */
export function isForChildren(activity: { audience: string; programKey: string | null }): boolean {
  return activity.audience === 'children' || (childrenPrograms as readonly string[]).includes(activity.programKey ?? '');
}

/**
 * The checklist of the template's form 活动安全检查表 (cuizhuyuan@2, forms/45-safety-checklist), item by item, and the
 * ones the children's programs add to it.
 */
export const safetyItems = [
  { key: 'exits', zh: '出入口畅通，疏散路线清楚', en: 'Entrances clear, evacuation route known' },
  { key: 'floor', zh: '地面无积水、无绊脚物，照明足够', en: 'No standing water or trip hazards, enough light' },
  { key: 'no-works', zh: '已向物业确认当天无维修施工', en: 'Confirmed with the property company that no repairs are planned that day' },
  { key: 'ratio', zh: '每 10 名儿童至少 1 名成年看护人', en: 'At least one adult supervisor per 10 children' },
  { key: 'guardians', zh: '报名表写明每位儿童的监护人和电话', en: "Sign-up list names each child's guardian and phone" },
  { key: 'first-aid', zh: '急救包已准备，有人知道最近的医院', en: 'First-aid kit ready; someone knows the nearest hospital' },
  {
    key: 'phones',
    zh: '120 和物业值班电话已写在签到表顶部',
    en: "120 and the property company's duty phone at the top of the sign-in sheet",
  },
  { key: 'weather', zh: '已查看天气预报，雨天方案已告知参与者', en: 'Forecast checked; wet-weather plan shared with participants' },
] as const;
export type SafetyItemKey = (typeof safetyItems)[number]['key'];
export const safetyItemKeys = safetyItems.map((i) => i.key) as [SafetyItemKey, ...SafetyItemKey[]];

/** What stops an activity for children from opening: the unticked checklist items, and the adult in charge if unnamed. */
export function safetyMissing(check: { checkedItems: readonly string[]; adultName: string } | null): string[] {
  const ticked = new Set(check?.checkedItems ?? []);
  const missing: string[] = safetyItemKeys.filter((k) => !ticked.has(k));
  if (!check || check.adultName.trim() === '') missing.push('adult-in-charge');
  return missing;
}

/** Ticked items as stored (known keys only, in the checklist's order) and back. */
export const storeItems = (items: readonly string[]) => safetyItemKeys.filter((k) => items.includes(k)).join(',');
export const readItems = (stored: string) => (stored === '' ? [] : stored.split(','));

/** A headcount at the end that differs from the start: a child may be missing, or one left with a parent unrecorded. */
export function headcountMismatch(start: number | null, end: number | null): boolean {
  return start !== null && end !== null && start !== end;
}

/** The age in whole years of a child born in `birthMonth` (YYYY-MM) on `today` (YYYY-MM-DD). */
export function ageOn(birthMonth: string, today: string): number {
  const [by, bm] = birthMonth.split('-').map(Number);
  const [ty, tm] = today.split('-').map(Number);
  return (ty ?? 0) - (by ?? 0) - ((tm ?? 0) < (bm ?? 0) ? 1 : 0);
}
