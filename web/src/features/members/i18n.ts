import type { Translation } from '../../i18n/translation';

/** Joining a community. */
export const zh = {
  join: {
    title: '加入 {{ name }}',
    intro: '加入后可以参加社团和活动、通过楼栋联络人反映议题、关注社区决定。',
    displayName: '你希望邻居怎么称呼你',
    building: '你住在哪栋楼（可选）',
    noBuilding: '暂不填写',
    household: '门牌号（可选，如 3-201）',
    householdHelp: '只用于统计参与的户数，同一户的家人只算一户；不会向其他人显示。',
    submit: '加入',
    needSignIn: '请先登录。',
  },
};

export const en: Translation<typeof zh> = {
  join: {
    title: 'Join {{ name }}',
    intro: 'Members join clubs and activities, raise issues through their building contacts and follow the community’s decisions.',
    displayName: 'What should neighbours call you?',
    building: 'Which building do you live in? (optional)',
    noBuilding: 'Not now',
    household: 'Flat number (optional, e.g. 3-201)',
    householdHelp: 'Only used to count participating households once per family; never shown to anyone.',
    submit: 'Join',
    needSignIn: 'Please sign in first.',
  },
};
