/** Words for an agenda item’s outcome, a meeting’s status and a voter’s position. */
import type { Translation } from '../../../i18n/translation';

export const zh = {
  itemOutcome: {
    adopted: '已通过',
    blocked: '被阻止',
    'not-adopted': '未通过',
    undecided: '未决',
    none: '待表决',
  },
  meetingStatus: {
    scheduled: '已安排',
    'in-progress': '进行中',
    closed: '已结束',
  },
  position: {
    agree: '同意',
    object: '反对',
    block: '阻止',
    abstain: '弃权',
    none: '未表态',
  },
};

export const en: Translation<typeof zh> = {
  itemOutcome: {
    adopted: 'Adopted',
    blocked: 'Blocked',
    'not-adopted': 'Not adopted',
    undecided: 'Undecided',
    none: 'Not yet decided',
  },
  meetingStatus: {
    scheduled: 'Scheduled',
    'in-progress': 'In progress',
    closed: 'Closed',
  },
  position: {
    agree: 'Agree',
    object: 'Object',
    block: 'Block',
    abstain: 'Abstain',
    none: 'No position',
  },
};
