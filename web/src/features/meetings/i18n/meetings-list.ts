/** The meetings page: the cadence tracker, scheduling, upcoming and past meetings. */
import type { Translation } from '../../../i18n/translation';

export const zh = {
  meetings: {
    title: '会议',
    intro:
      '多方联席会议每月召开一次：议题和材料会前发给各方，个别酝酿；会上一次只议一件事，四方全体同意方可通过，会后发布纪要，对外一个声音。',
    cadenceTitle: '联席会议是否每月召开',
    cadenceAll: '过去 12 个月每个月都召开了联席会议。',
    cadenceMissing: '过去 12 个月中有 {{ count }} 个月没有召开联席会议。',
    cadenceStreak: '已经连续 {{ count }} 个月没有召开联席会议了。',
    cadenceThisMonth: '本月还没有安排联席会议。',
    monthNone: '没有召开',
    monthHeld: '已召开',
    upcoming: '即将召开',
    noneUpcoming: '还没有安排会议。',
    scheduleTitle: '安排会议',
    scheduleHelp: '互助会管理员和各方代表可以安排会议；安排后再添加议程。',
    body: '协同机构',
    titleLabel: '会议名称',
    titlePlaceholder: '例如：六月联席会议',
    when: '时间',
    scheduleSubmit: '安排会议',
    past: '已结束的会议',
    nonePast: '还没有结束的会议。',
    minutesPublished: '纪要已发布',
    minutesPending: '纪要待发布',
  },
};

export const en: Translation<typeof zh> = {
  meetings: {
    title: 'Meetings',
    intro:
      'The joint meeting meets monthly: items and papers reach every party beforehand for individual preparation; one item at a time; an item is adopted only when all four parties agree; the minutes are published with one voice.',
    cadenceTitle: 'Is the joint meeting held every month?',
    cadenceAll: 'The joint meeting met in every one of the last 12 months.',
    cadenceMissing: 'In {{ count }} of the last 12 months there was no joint meeting.',
    cadenceStreak: 'There has been no joint meeting for {{ count }} months in a row.',
    cadenceThisMonth: 'No joint meeting is scheduled this month yet.',
    monthNone: 'no meeting',
    monthHeld: 'met',
    upcoming: 'Coming up',
    noneUpcoming: 'No meeting is scheduled.',
    scheduleTitle: 'Schedule a meeting',
    scheduleHelp: 'Association administrators and party representatives schedule meetings, then add the agenda.',
    body: 'Body',
    titleLabel: 'Title',
    titlePlaceholder: 'e.g. June joint meeting',
    when: 'Date and time',
    scheduleSubmit: 'Schedule the meeting',
    past: 'Past meetings',
    nonePast: 'No meeting has closed yet.',
    minutesPublished: 'Minutes published',
    minutesPending: 'Minutes to publish',
  },
};
