/** Checking in to an activity with its QR code. */
import type { Translation } from '../../../i18n/translation';

export const zh = {
  checkIn: {
    title: '活动签到',
    noToken: '这个链接缺少签到码。请重新扫描活动现场的二维码。',
    signIn: '请先登录，再签到',
    join: '请先加入本社区，再签到',
    done: '签到成功！已为你的 {{ count }} 个名额签到。',
    working: '正在签到…',
    noPlace: '你在这个活动里没有已确认的名额。',
    badCode: '签到码无效，请重新扫描现场的二维码。',
    notNow: '这个活动现在不能签到。',
    toActivity: '查看活动',
  },
};

export const en: Translation<typeof zh> = {
  checkIn: {
    title: 'Check in',
    noToken: 'This link has no check-in code. Scan the QR code at the activity again.',
    signIn: 'Sign in to check in',
    join: 'Join this community to check in',
    done: 'You are checked in! {{ count }} place(s) checked in.',
    working: 'Checking in…',
    noPlace: 'You have no confirmed place on this activity.',
    badCode: 'This check-in code is not valid; scan the QR code at the activity again.',
    notNow: 'Check-in is not open for this activity now.',
    toActivity: 'See the activity',
  },
};
