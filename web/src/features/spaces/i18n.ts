import type { Translation } from '../../i18n/translation';

/** Shared spaces: a space's calendar and booking it. */
export const zh = {
  spaces: {
    byResident: '住户预订',
    booked: '已预订',
    people: '{{ count }} 人',
    bookTitle: '预订这个空间',
    bookIntro: '开放时间 {{ opens }}–{{ closes }}（按本社区的时间），最多 {{ capacity }} 人。一次最长 12 小时。',
    purpose: '用途',
    purposeHelp: '例如：书法练习、楼栋议事会。',
    startsAt: '开始时间',
    endsAt: '结束时间',
    endAfterStart: '结束时间要晚于开始时间，最长 12 小时。',
    outsideHours: '请在开放时间 {{ opens }}–{{ closes }} 内预订。',
    peopleLabel: '人数',
    peopleHelp: '预计来多少人，最多 {{ capacity }} 人。',
    overCapacity: '这个空间最多容纳 {{ capacity }} 人。',
    weeks: '连续几周',
    weeksHelp: '每周同一时间；1 表示只订这一次，最多 26 周。任何一周已被占用，就全部不订。',
    bookFor: '以谁的名义',
    forMyself: '我自己',
    submit: '预订',
    bookedNotice: '已预订。',
    clashTitle: '这个时段已被预订：',
  },
};

export const en: Translation<typeof zh> = {
  spaces: {
    byResident: 'Booked by a resident',
    booked: 'Booked',
    people: '{{ count }} people',
    bookTitle: 'Book this space',
    bookIntro: 'Open {{ opens }}–{{ closes }} (community time), up to {{ capacity }} people. At most 12 hours at a time.',
    purpose: 'What for',
    purposeHelp: 'For example: calligraphy practice, a building meeting.',
    startsAt: 'Starts',
    endsAt: 'Ends',
    endAfterStart: 'The end must be after the start, at most 12 hours later.',
    outsideHours: 'Book within the opening hours, {{ opens }}–{{ closes }}.',
    peopleLabel: 'People',
    peopleHelp: 'How many people you expect, at most {{ capacity }}.',
    overCapacity: 'This space holds at most {{ capacity }} people.',
    weeks: 'Weeks',
    weeksHelp: 'Same time every week; 1 books this once, at most 26 weeks. If any week is taken, none is booked.',
    bookFor: 'Book for',
    forMyself: 'Myself',
    submit: 'Book',
    bookedNotice: 'Booked.',
    clashTitle: 'This time is already booked:',
  },
};
