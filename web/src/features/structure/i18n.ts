import type { Translation } from '../../i18n/translation';

/** The four-level coordination structure. */
export const zh = {
  structure: {
    title: '四级社区协同机制',
    intro:
      '四方是主干：居委会把方向，业委会代表业主并监督物业，物业做好服务，互助会把需求变成活动。四方组成每月召开的联席会议，下面是专业委员会、楼栋群和社群联合会。',
    caption: '协同结构图：四方组成联席会议；其下依次为专业委员会、楼栋群和社群联合会；议题从楼栋向上，决定回到楼栋。',
    trunk: '四方',
    'go_joint-meeting': '查看会议',
    'go_building-groups': '查看楼栋和联络人',
    go_federation: '查看社团',
    'go_professional-committees': '查看专业委员会',
    issuesUp: '议题从楼栋向上',
    issuesLink: '议题',
    decisionsDown: '决定回到楼栋',
    legend: '楼栋颜色：红色还没有联络人，黄色联络人不足，绿色联络人已够。',
  },
};

export const en: Translation<typeof zh> = {
  structure: {
    title: 'Four-level coordination',
    intro:
      'The four parties are the trunk: the residents’ committee steers, the owners’ committee represents owners and supervises the property company, the property company serves, and the association turns needs into activities. Together they form the monthly joint meeting; below it are the professional committees, the building groups and the federation of groups.',
    caption:
      'The coordination structure: the four parties form the joint meeting; below it the professional committees, the building groups and the federation; issues travel up from the buildings and decisions come back down.',
    trunk: 'The four parties',
    'go_joint-meeting': 'Meetings',
    'go_building-groups': 'Buildings and contacts',
    go_federation: 'Clubs',
    'go_professional-committees': 'Committees',
    issuesUp: 'Issues go up from the buildings',
    issuesLink: 'Issues',
    decisionsDown: 'Decisions come back down',
    legend: 'Building colours: red has no contact yet, amber too few, green enough.',
  },
};
