/** Words for an activity’s audiences, its states and the states of a sign-up. */
import type { Translation } from '../../../i18n/translation';

export const zh = {
  audience: {
    members: '社团成员',
    residents: '全体居民',
    children: '儿童',
  },
  activityState: {
    draft: '草稿',
    'budget-submitted': '预算待批',
    approved: '已批准',
    open: '报名中',
    closed: '报名截止',
    held: '已举办',
    settled: '已结算',
    reviewed: '已总结',
    cancelled: '已取消',
  },
  signupStatus: {
    confirmed: '已确认',
    waitlisted: '候补中',
    cancelled: '已取消',
  },
};

export const en: Translation<typeof zh> = {
  audience: {
    members: 'Club members',
    residents: 'All residents',
    children: 'Children',
  },
  activityState: {
    draft: 'Draft',
    'budget-submitted': 'Budget awaiting approval',
    approved: 'Approved',
    open: 'Sign-up open',
    closed: 'Sign-up closed',
    held: 'Held',
    settled: 'Settled',
    reviewed: 'Reviewed',
    cancelled: 'Cancelled',
  },
  signupStatus: {
    confirmed: 'Confirmed',
    waitlisted: 'Waitlisted',
    cancelled: 'Cancelled',
  },
};
