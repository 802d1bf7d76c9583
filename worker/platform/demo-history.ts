import { getTableColumns, getTableName, type InferInsertModel, inArray, eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { tenantDb } from '../db/client';
import {
  actionItems,
  activities,
  activityCostLines,
  activityReviews,
  activitySettlements,
  agendaItems,
  clubMembers,
  clubs,
  committeeMembers,
  committees,
  communityProfile,
  contactApplications,
  issueEvents,
  issues,
  itemStances,
  ledgerAccounts,
  meetingAttendance,
  meetings,
  memberRoles,
  members,
  programs,
  signups,
  volunteerHours,
  volunteers,
} from '../db/tenant-schema';
import { clubFundKey } from '../community/ledger/service';
import type { Bindings } from '../env';
import { tenantDatabase } from '../tenancy/pool';

/**
 * Twelve months of invented history for each demo community, so that a consultant comparing pilot sites sees
 * different trajectories on first look. Everything is generated from a seeded sequence with dates relative to
 * the current month, written straight into the tenant tables in one D1 batch (one transaction), and ends before
 * the current month begins, so this week's pages and tests see only the demo's present life.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ADMIN = 1; // the founder is member 1 in every community
const PARTIES = ['residents-committee', 'owners-committee', 'property-company', 'association'] as const;
type PartyKey = (typeof PARTIES)[number];
type ProgramKey =
  | 'library'
  | 'charity-shop'
  | 'university'
  | 'kids-troupe'
  | 'little-architects'
  | 'sports'
  | 'salon'
  | 'community-helps-community'
  | 'elder-care';

/** Generated members carry this user id prefix; finding one means the history was written. */
const USER_PREFIX = 'demo-history-';

interface ClubPlan {
  name: string;
  programKey: ProgramKey;
  purpose: string;
  meetingPattern: string;
  /** Month index of its founding: 0 is twelve months ago, 11 last month, negative before the window. */
  month: number;
  status: 'active' | 'dormant' | 'closed' | 'proposed';
  /** First month without activities, for a club that went dormant or closed. */
  quietFrom?: number;
  /** Relative share of the activities. */
  weight: number;
  size: [number, number];
}

interface CommitteePlan {
  name: string;
  kind: 'standing' | 'ad-hoc';
  remit: string;
  month: number;
  endsMonth?: number;
  residents: number;
  experts: [string, string][];
}

/** The shape of one community's year: counts per month (index 0 = twelve months ago) and how things tend to go. */
export interface HistoryPlan {
  seed: number;
  /** Month index the association was founded in (negative: before the window), unless `foundedOn` names the day. */
  foundedMonth: number;
  foundedOn?: string;
  residentsPerHousehold: number;
  floors: number;
  earlyMembers: { count: number; fromMonth: number };
  newMembers: number[];
  activities: number[];
  issues: number[];
  /** Issues raised in the month before the window, which the first meeting of the window takes up. */
  priorIssues: number;
  /** 1 where the joint meeting met that month. */
  meetings: number[];
  volunteerHours: number[];
  volunteers: { early: number; perMonth: number[] };
  clubs: ClubPlan[];
  disabledPrograms: ProgramKey[];
  /** [building number (1-based), month index] of each confirmed contact. */
  contacts: [number, number][];
  partyReps: [PartyKey, number][];
  committees: CommitteePlan[];
  participants: [number, number];
  regularShare: number;
  hubShare: number;
  cancelShare: number;
  lateShare: number;
  unsettledShare: number;
  deficitShare: number;
  reviewShare: number;
  unconfirmedHoursShare: number;
  ackDays: [number, number];
  referDays: [number, number];
  directShare: number;
  stuckShare: number;
  absentShare: number;
  writtenShare: number;
  blockShare: number;
  objectShare: number;
  minutesPublishedShare: number;
}

const months12 = (f: (m: number) => number) => Array.from({ length: 12 }, (_, m) => f(m));

/** 翠竹园: mature and steady — every month alike, a meeting each month, most buildings with two contacts. */
const mature: HistoryPlan = {
  seed: 2008,
  foundedMonth: -150,
  // Invented day; the association at 翠竹园 dates from 2010.
  foundedOn: '2010-05-01',
  residentsPerHousehold: 2.6,
  floors: 18,
  earlyMembers: { count: 460, fromMonth: -36 },
  newMembers: [15, 13, 16, 14, 11, 13, 15, 14, 12, 15, 13, 14],
  activities: [24, 26, 25, 27, 21, 25, 28, 26, 24, 27, 25, 26],
  issues: [8, 7, 9, 8, 6, 8, 9, 7, 8, 9, 7, 8],
  priorIssues: 8,
  meetings: months12(() => 1),
  volunteerHours: [52, 55, 50, 56, 46, 53, 58, 55, 52, 57, 54, 56],
  volunteers: { early: 55, perMonth: months12(() => 3) },
  clubs: [
    {
      name: '晨练太极队',
      programKey: 'sports',
      purpose: '每天清晨在中心花园练太极拳，老队员带新队员。',
      meetingPattern: '每天早上 6:30',
      month: -30,
      status: 'active',
      weight: 3,
      size: [25, 40],
    },
    {
      name: '翠竹羽毛球俱乐部',
      programKey: 'sports',
      purpose: '周末双打和新手教学，费用 AA，结余留作俱乐部基金。',
      meetingPattern: '每周六下午',
      month: -28,
      status: 'active',
      weight: 3,
      size: [30, 50],
    },
    {
      name: '明志书屋馆员队',
      programKey: 'library',
      purpose: '志愿馆员轮流值班，借还登记，每月办一场阅读活动。',
      meetingPattern: '每天 9:00–21:00 轮班',
      month: -34,
      status: 'active',
      weight: 2,
      size: [15, 25],
    },
    {
      name: '亲子绘本会',
      programKey: 'library',
      purpose: '家长轮流给孩子们讲绘本，每月一个主题。',
      meetingPattern: '每周日上午',
      month: -20,
      status: 'active',
      weight: 2,
      size: [20, 35],
    },
    {
      name: '智能手机课堂',
      programKey: 'university',
      purpose: '年轻居民教长辈用手机挂号、买菜和视频通话。',
      meetingPattern: '每周二下午',
      month: -16,
      status: 'active',
      weight: 2,
      size: [15, 30],
    },
    {
      name: '翠竹合唱团',
      programKey: 'salon',
      purpose: '每周排练，逢年过节为邻居演出。',
      meetingPattern: '每周四晚上',
      month: -26,
      status: 'active',
      weight: 2,
      size: [25, 40],
    },
    {
      name: '彩虹屋义卖组',
      programKey: 'charity-shop',
      purpose: '接收闲置物品平价义卖，每两个月办一次跳蚤市场，收入用于社区公益。',
      meetingPattern: '每周六上午开店',
      month: -24,
      status: 'active',
      weight: 1,
      size: [10, 18],
    },
    {
      name: '无敌少儿团',
      programKey: 'kids-troupe',
      purpose: '寒暑假由家长轮值组织孩子们的活动。',
      meetingPattern: '寒暑假每周三次',
      month: -22,
      status: 'active',
      weight: 2,
      size: [25, 45],
    },
    {
      name: '小小建筑师工作坊',
      programKey: 'little-architects',
      purpose: '带孩子认识身边的建筑，动手改造一处公共空间。',
      meetingPattern: '每月两次周六',
      month: -14,
      status: 'active',
      weight: 1,
      size: [12, 20],
    },
    {
      name: '高芒村结对帮扶小组',
      programKey: 'community-helps-community',
      purpose: '与结对村庄长期往来：捐书、助学和隔年探访。',
      meetingPattern: '每季度一次',
      month: -25,
      status: 'active',
      weight: 1,
      size: [10, 20],
    },
    {
      name: '银龄互助队',
      programKey: 'elder-care',
      purpose: '中青年志愿者上门陪伴独居老人，帮忙买药、理发和体检。',
      meetingPattern: '每周上门两次',
      month: -19,
      status: 'active',
      weight: 2,
      size: [15, 30],
    },
    {
      name: '周末电影沙龙',
      programKey: 'salon',
      purpose: '周末放一部好电影，看完一起聊。',
      meetingPattern: '每月两次周五晚上',
      month: -13,
      status: 'active',
      weight: 1,
      size: [15, 30],
    },
    {
      name: '邻里烘焙课',
      programKey: 'university',
      purpose: '会烘焙的居民开课，做好的点心分给楼里的老人。',
      meetingPattern: '每月两次周日下午',
      month: 3,
      status: 'active',
      weight: 1,
      size: [10, 18],
    },
    {
      name: '翠竹夜跑团',
      programKey: 'sports',
      purpose: '工作日晚上绕小区和河边慢跑，结伴更安全。',
      meetingPattern: '每周二、四晚上',
      month: 6,
      status: 'active',
      weight: 1,
      size: [12, 25],
    },
    {
      name: '围棋社',
      programKey: 'salon',
      purpose: '下棋、复盘，给孩子们开入门课。',
      meetingPattern: '每周六下午',
      month: -27,
      status: 'dormant',
      quietFrom: 5,
      weight: 1,
      size: [8, 14],
    },
    {
      name: '摄影小组',
      programKey: 'salon',
      purpose: '一起外拍，给社区活动留影。',
      meetingPattern: '每月一次',
      month: -21,
      status: 'closed',
      quietFrom: 3,
      weight: 1,
      size: [8, 12],
    },
  ],
  disabledPrograms: [],
  contacts: [
    ...Array.from({ length: 16 }, (_, b) => [[b + 1, -30 + b] as [number, number], [b + 1, -24 + b] as [number, number]]).flat(),
    [17, -14],
    [17, 1],
    [18, -13],
    [18, 4],
    [19, -12],
    [19, 7],
    [20, -10],
    [20, 10],
    [21, -9],
    [22, 2],
    [23, 8],
  ],
  partyReps: [
    ['residents-committee', -30],
    ['owners-committee', -30],
    ['property-company', -28],
    ['association', -30],
  ],
  committees: [
    {
      name: '物业服务监督委员会',
      kind: 'standing',
      remit: '监督物业服务合同的执行，每季度提出专项意见。',
      month: -18,
      residents: 4,
      experts: [['卢律师', '物业法律']],
    },
    {
      name: '加装电梯工作组',
      kind: 'ad-hoc',
      remit: '为老楼加装电梯征求意见、对接设计和施工。',
      month: 4,
      endsMonth: 10,
      residents: 3,
      experts: [['钱工', '结构工程']],
    },
  ],
  participants: [8, 22],
  regularShare: 0.35,
  hubShare: 0.08,
  cancelShare: 0.02,
  lateShare: 0.05,
  unsettledShare: 0.01,
  deficitShare: 0.1,
  reviewShare: 0.7,
  unconfirmedHoursShare: 0.03,
  ackDays: [0.3, 2],
  referDays: [1, 4],
  directShare: 0.35,
  stuckShare: 0,
  absentShare: 0.03,
  writtenShare: 0.9,
  blockShare: 0.06,
  objectShare: 0.05,
  minutesPublishedShare: 1,
};

/** 平治: growing — a small start a year ago, more residents, clubs, contacts and meetings month by month. */
const growing: HistoryPlan = {
  seed: 2019,
  foundedMonth: -8,
  residentsPerHousehold: 2.6,
  floors: 11,
  earlyMembers: { count: 18, fromMonth: -8 },
  newMembers: [6, 7, 8, 9, 10, 11, 12, 12, 13, 14, 15, 16],
  activities: [3, 4, 4, 6, 7, 7, 9, 10, 11, 12, 13, 14],
  issues: [2, 2, 3, 3, 4, 5, 5, 6, 6, 7, 8, 8],
  priorIssues: 1,
  meetings: [0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  volunteerHours: [3, 4, 5, 7, 9, 11, 13, 16, 18, 21, 24, 27],
  volunteers: { early: 6, perMonth: [1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4] },
  clubs: [
    {
      name: '平治广场舞队',
      programKey: 'sports',
      purpose: '傍晚在小广场跳舞健身，音量按约定控制。',
      meetingPattern: '每天晚上 7:00',
      month: -6,
      status: 'active',
      weight: 3,
      size: [12, 20],
    },
    {
      name: '平治书屋',
      programKey: 'library',
      purpose: '居民捐书，志愿者值班，周末开放。',
      meetingPattern: '周六、周日开放',
      month: -3,
      status: 'active',
      weight: 2,
      size: [6, 12],
    },
    {
      name: '长者书画班',
      programKey: 'university',
      purpose: '退休老师教书法和国画，学员作品年底办展。',
      meetingPattern: '每周三上午',
      month: 1,
      status: 'active',
      weight: 2,
      size: [8, 16],
    },
    {
      name: '平治乒乓球社',
      programKey: 'sports',
      purpose: '会所乒乓球室的固定时段，老少同场。',
      meetingPattern: '每周二、五晚上',
      month: 3,
      status: 'active',
      weight: 2,
      size: [8, 18],
    },
    {
      name: '暑期少儿营',
      programKey: 'kids-troupe',
      purpose: '暑假家长轮值带孩子做手工、观察自然。',
      meetingPattern: '暑假每周两次',
      month: 5,
      status: 'active',
      weight: 2,
      size: [10, 20],
    },
    {
      name: '邻里守望养老队',
      programKey: 'elder-care',
      purpose: '结对探访独居老人，帮忙跑腿。',
      meetingPattern: '每周上门一次',
      month: 6,
      status: 'active',
      weight: 1,
      size: [6, 12],
    },
    {
      name: '周末读书会',
      programKey: 'salon',
      purpose: '每月共读一本书，周末下午聊一聊。',
      meetingPattern: '每月第二个周六',
      month: 8,
      status: 'active',
      weight: 1,
      size: [6, 12],
    },
    {
      name: '亲子手工坊',
      programKey: 'kids-troupe',
      purpose: '家长和孩子一起用旧物做手工。',
      meetingPattern: '每月两次周日',
      month: 9,
      status: 'active',
      weight: 1,
      size: [6, 12],
    },
    {
      name: '健步走小组',
      programKey: 'sports',
      purpose: '饭后沿河健步走，记录每周步数。',
      meetingPattern: '每天晚饭后',
      month: 11,
      status: 'proposed',
      weight: 0,
      size: [1, 1],
    },
  ],
  disabledPrograms: ['charity-shop', 'little-architects', 'community-helps-community'],
  contacts: [
    [1, -6],
    [1, -4],
    [2, 0],
    [2, 1],
    [3, 3],
    [3, 4],
    [4, 5],
    [4, 6],
    [5, 8],
    [5, 9],
    [6, 10],
    [6, 11],
    [7, 11],
  ],
  partyReps: [
    ['residents-committee', -6],
    ['association', -6],
    ['owners-committee', 2],
    ['property-company', 7],
  ],
  committees: [
    {
      name: '社区活动委员会',
      kind: 'standing',
      remit: '统筹公共空间的活动安排，审议社团的场地申请。',
      month: 6,
      residents: 3,
      experts: [],
    },
  ],
  participants: [5, 18],
  regularShare: 0.3,
  hubShare: 0.15,
  cancelShare: 0.04,
  lateShare: 0.15,
  unsettledShare: 0.04,
  deficitShare: 0.2,
  reviewShare: 0.45,
  unconfirmedHoursShare: 0.08,
  ackDays: [1, 5],
  referDays: [2, 8],
  directShare: 0.35,
  stuckShare: 0.05,
  absentShare: 0.1,
  writtenShare: 0.6,
  blockShare: 0.12,
  objectShare: 0.06,
  minutesPublishedShare: 0.85,
};

/** 大方: young and uneven — started seven months ago, activity comes in bursts, meetings are missed, few contacts. */
const young: HistoryPlan = {
  seed: 2024,
  foundedMonth: 5,
  residentsPerHousehold: 2.6,
  floors: 7,
  earlyMembers: { count: 0, fromMonth: 5 },
  newMembers: [0, 0, 0, 0, 0, 12, 6, 4, 9, 3, 5, 6],
  activities: [0, 0, 0, 0, 0, 2, 4, 1, 5, 3, 2, 6],
  issues: [0, 0, 0, 0, 0, 1, 3, 0, 4, 2, 1, 3],
  priorIssues: 0,
  meetings: [0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1],
  volunteerHours: [0, 0, 0, 0, 0, 1, 3, 0, 4, 2, 2, 5],
  volunteers: { early: 0, perMonth: [0, 0, 0, 0, 0, 3, 1, 0, 2, 0, 1, 1] },
  clubs: [
    {
      name: '大方健身操队',
      programKey: 'sports',
      purpose: '傍晚在楼前空地跳健身操。',
      meetingPattern: '每周一、三、五晚上',
      month: 5,
      status: 'active',
      weight: 3,
      size: [6, 10],
    },
    {
      name: '大方书角',
      programKey: 'library',
      purpose: '在居委会活动室放一个书架，居民自助借还。',
      meetingPattern: '周六上午值班',
      month: 6,
      status: 'active',
      weight: 2,
      size: [4, 8],
    },
    {
      name: '暑期护苗班',
      programKey: 'kids-troupe',
      purpose: '暑假里几位家长轮流照看双职工家庭的孩子。',
      meetingPattern: '暑假工作日上午',
      month: 6,
      status: 'dormant',
      quietFrom: 9,
      weight: 2,
      size: [5, 9],
    },
    {
      name: '银发互助组',
      programKey: 'elder-care',
      purpose: '低龄老人结对照应高龄老人。',
      meetingPattern: '每周一次',
      month: 9,
      status: 'active',
      weight: 1,
      size: [4, 7],
    },
  ],
  disabledPrograms: ['charity-shop', 'little-architects', 'community-helps-community', 'salon'],
  contacts: [
    [1, 6],
    [2, 7],
    [2, 9],
  ],
  partyReps: [
    ['residents-committee', 5],
    ['association', 5],
  ],
  committees: [],
  participants: [3, 12],
  regularShare: 0.25,
  hubShare: 0.3,
  cancelShare: 0.1,
  lateShare: 0.35,
  unsettledShare: 0.15,
  deficitShare: 0.35,
  reviewShare: 0.2,
  unconfirmedHoursShare: 0.25,
  ackDays: [2, 15],
  referDays: [4, 14],
  directShare: 0.3,
  stuckShare: 0.25,
  absentShare: 0.2,
  writtenShare: 0.4,
  blockShare: 0.15,
  objectShare: 0.1,
  minutesPublishedShare: 0.6,
};

/** The three kinds of year, by name (the benchmark gives them to generated communities in turn). */
export const historyPlans = { mature, growing, young } as const;

/** Which history each demo community tells. */
export const demoHistoryPlans: Record<string, HistoryPlan> = { cuizhuyuan: mature, pingzhi: growing, dafang: young };

/** mulberry32: small, fast and the same everywhere, so every seed tells the same story. */
function sequence(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    hex: (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join(''),
  };
}
type Sequence = ReturnType<typeof sequence>;

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '蒋',
  '蔡',
  '余',
];
const givenNames = [
  '秀英',
  '桂兰',
  '建华',
  '志强',
  '丽娟',
  '海燕',
  '晓东',
  '雪梅',
  '文静',
  '国庆',
  '春梅',
  '俊杰',
  '佳怡',
  '子涵',
  '雨婷',
  '浩然',
  '梓萱',
  '思远',
  '欣怡',
  '宇航',
  '淑芬',
  '玉珍',
  '建国',
  '明辉',
  '晓燕',
  '立新',
  '红霞',
  '卫东',
  '美玲',
  '永刚',
  '婷婷',
  '一鸣',
  '诗琪',
  '家豪',
  '慧敏',
  '振宇',
  '晨曦',
  '若溪',
  '嘉怡',
  '天佑',
];

const activityTitles: Record<ProgramKey | 'hub', string[]> = {
  sports: ['周末双打友谊赛', '新手入门教学', '晨练打卡日', '亲子趣味运动会', '小区环湖慢跑', '乒乓球邻里赛'],
  library: ['绘本故事会', '读书分享会', '捐书日', '馆员上岗培训', '亲子共读夜'],
  university: ['智能手机入门课', '书法体验课', '烘焙课：桂花糕', '防诈骗讲座', '国画小班课'],
  'kids-troupe': ['暑期手工营', '自然观察小队', '小小志愿者日', '儿童跳蚤市场', '科学实验课'],
  'little-architects': ['小小建筑师：测绘天台', '纸板城市搭建', '社区微改造设计课'],
  salon: ['邻里电影夜', '中秋茶话会', '摄影作品分享', '合唱排练汇报', '围棋入门讲座'],
  'charity-shop': ['彩虹屋跳蚤市场', '旧衣物义卖', '闲置玩具交换'],
  'community-helps-community': ['结对村捐书打包', '助学义卖', '探访准备会'],
  'elder-care': ['为长者义剪', '陪老人体检', '独居老人探访日', '长者生日会'],
  hub: ['互助会开放日', '新居民见面会', '楼栋联络人交流会', '社团负责人联席交流'],
};
const places: Record<ProgramKey | 'hub', string[]> = {
  sports: ['小区网球场', '中心花园', '会所羽毛球馆', '乒乓球室'],
  library: ['明志书屋', '居委会活动室'],
  university: ['多功能厅', '会所教室'],
  'kids-troupe': ['多功能厅', '中心花园', '儿童活动室'],
  'little-architects': ['会所教室', '屋顶天台'],
  salon: ['多功能厅', '会所茶室'],
  'charity-shop': ['彩虹屋', '中心广场'],
  'community-helps-community': ['多功能厅'],
  'elder-care': ['居家上门', '社区卫生服务站', '居委会活动室'],
  hub: ['多功能厅', '居委会活动室'],
};
const costLabels = ['场地灯光费', '物料', '茶水点心', '讲师交通补贴', '保险', '打印和横幅'];
const reviewNotes: [string, string][] = [
  ['报名和签到顺利，新面孔不少。', '下次提前一周发通知。'],
  ['老队员带新人，气氛很好。', '茶水准备多了，按报名人数备。'],
  ['孩子们很投入，家长主动帮忙。', '需要多一位安全员。'],
  ['结余按预算留在社团基金。', '场地要提前确认灯光。'],
];
const skills = ['急救', '摄影', '理发', '电脑维修', '儿童看护', '书法', '烹饪', '法律咨询', '驾车接送'];
const availability = ['周末上午', '工作日晚上', '周末全天', '工作日白天'];

interface IssueTemplate {
  title: string;
  category: 'property-service' | 'safety' | 'environment' | 'activities' | 'facilities' | 'other';
  description: string;
  decision: string;
  owner: string;
  direct: string;
}
const issueTemplates: IssueTemplate[] = [
  {
    title: '楼道电动车充电有隐患',
    category: 'safety',
    description: '有人把电动车推进楼道充电，晚上插线板发热，担心起火。',
    decision: '在地面车棚加装集中充电桩，物业每周巡查楼道。',
    owner: '物业',
    direct: '物业已张贴通知并清理楼道。',
  },
  {
    title: '地下车库照明不足',
    category: 'safety',
    description: '车库 B 区一半灯不亮，老人和孩子容易摔倒。',
    decision: '物业两周内更换灯具并加装感应灯。',
    owner: '物业',
    direct: '物业已更换坏灯。',
  },
  {
    title: '垃圾分类投放点太远',
    category: 'environment',
    description: '北侧几栋楼离投放点要走五分钟，常有人乱放。',
    decision: '在北门增设一处定时投放点，志愿者轮值引导。',
    owner: '居委会',
    direct: '已与保洁商量增加清运频次。',
  },
  {
    title: '儿童游乐设施老化',
    category: 'facilities',
    description: '滑梯有裂缝，秋千链条生锈。',
    decision: '使用公共收益更换儿童设施，业委会监督采购。',
    owner: '业委会',
    direct: '物业已先拆除有裂缝的滑梯。',
  },
  {
    title: '广场舞音量扰民',
    category: 'activities',
    description: '晚上八点后音乐声太大，影响孩子写作业。',
    decision: '晚八点半后停止音乐，音量由联合会约定并张贴。',
    owner: '社群联合会',
    direct: '联络人与舞队协商，已调低音量。',
  },
  {
    title: '小区东门夜间无人值守',
    category: 'safety',
    description: '东门晚上十点后没有保安，外来车辆随意进出。',
    decision: '东门夜间改为刷卡通行，物业增加一次巡逻。',
    owner: '物业',
    direct: '物业已恢复夜间巡逻。',
  },
  {
    title: '绿地被占用种菜',
    category: 'environment',
    description: '几处公共绿地被圈起来种菜。',
    decision: '清退私人菜地，开辟一块公共“邻里菜园”按户认领。',
    owner: '业委会',
    direct: '联络人上门沟通，菜地已清理。',
  },
  {
    title: '公共活动室预约冲突',
    category: 'activities',
    description: '周六上午好几个社团都想用多功能厅。',
    decision: '周末时段按季度由联合会统一排期。',
    owner: '社群联合会',
    direct: '已协调错开时间。',
  },
  {
    title: '电梯经常故障',
    category: 'facilities',
    description: '5 号楼电梯一个月停了三次，老人上下楼困难。',
    decision: '物业更换维保单位，维修记录每月公示。',
    owner: '物业',
    direct: '维保单位已更换控制板。',
  },
  {
    title: '快递堆放在大堂',
    category: 'property-service',
    description: '快递员把包裹堆在大堂，经常丢件。',
    decision: '在南门设智能快递柜，大堂不再堆放。',
    owner: '物业',
    direct: '物业已联系快递站统一配送。',
  },
  {
    title: '雨后路面积水',
    category: 'facilities',
    description: '中心路一下雨就积水，老人绕行不便。',
    decision: '物业疏通雨水管，业委会动用维修资金改造路面。',
    owner: '业委会',
    direct: '物业已疏通堵塞的雨水口。',
  },
  {
    title: '宠物粪便无人清理',
    category: 'environment',
    description: '草坪上常有狗粪，孩子们不敢去玩。',
    decision: '设置宠物便袋箱，文明养宠公约在楼栋群发布。',
    owner: '居委会',
    direct: '联络人在楼栋群发了倡议。',
  },
  {
    title: '希望开设老年助餐点',
    category: 'other',
    description: '独居老人做饭困难，希望小区里能有助餐点。',
    decision: '与街道助餐点合作，志愿者每天送餐上门。',
    owner: '互助会',
    direct: '已把需要送餐的老人名单交给街道。',
  },
  {
    title: '高空抛物',
    category: 'safety',
    description: '6 号楼下经常掉下烟头和果皮。',
    decision: '加装高空抛物监控，联络人逐户宣传。',
    owner: '物业',
    direct: '联络人逐户提醒，情况好转。',
  },
];
const blockReasons = [
  '费用分摊方案还没有征求全体业主意见',
  '施工时间和消防通道冲突',
  '维修资金的使用程序还没走完',
  '位置离住户太近，需要另选',
];
const objectReasons = ['受益面太小', '预算偏高'];

/** What the generator writes, table by table, in insert order. */
interface HistoryRows {
  members: InferInsertModel<typeof members>[];
  memberRoles: InferInsertModel<typeof memberRoles>[];
  contactApplications: InferInsertModel<typeof contactApplications>[];
  committees: InferInsertModel<typeof committees>[];
  committeeMembers: InferInsertModel<typeof committeeMembers>[];
  clubs: InferInsertModel<typeof clubs>[];
  clubMembers: InferInsertModel<typeof clubMembers>[];
  ledgerAccounts: InferInsertModel<typeof ledgerAccounts>[];
  activities: InferInsertModel<typeof activities>[];
  costLines: InferInsertModel<typeof activityCostLines>[];
  signups: InferInsertModel<typeof signups>[];
  settlements: InferInsertModel<typeof activitySettlements>[];
  reviews: InferInsertModel<typeof activityReviews>[];
  volunteers: InferInsertModel<typeof volunteers>[];
  volunteerHours: InferInsertModel<typeof volunteerHours>[];
  issues: InferInsertModel<typeof issues>[];
  issueEvents: InferInsertModel<typeof issueEvents>[];
  meetings: InferInsertModel<typeof meetings>[];
  agendaItems: InferInsertModel<typeof agendaItems>[];
  itemStances: InferInsertModel<typeof itemStances>[];
  attendance: InferInsertModel<typeof meetingAttendance>[];
  actionItems: InferInsertModel<typeof actionItems>[];
  residents: number;
  foundedOn: string;
}

interface Context {
  now: Date;
  households: number;
  surplusRatePercent: number;
  buildingIds: number[];
  /** The highest id in each table whose rows are referred to by others. */
  maxIds: { members: number; clubs: number; activities: number; issues: number; meetings: number; agendaItems: number; committees: number };
}

interface Person {
  id: number;
  joinedAt: number;
  building: number;
  regular: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => iso(ms).slice(0, 10);

/** Builds every row of a community's history; pure, so the same plan, ids and month give the same rows. */
export function buildHistory(plan: HistoryPlan, ctx: Context): HistoryRows {
  const rng: Sequence = sequence(plan.seed);
  const year = ctx.now.getUTCFullYear();
  const month = ctx.now.getUTCMonth();
  /** Month index 0 is twelve months before the current month; 12 is the current month. */
  const monthStart = (m: number) => Date.UTC(year, month - 12 + m, 1);
  const cutoff = monthStart(12);
  const dayOf = (m: number, day: number, hour = 1, minute = 0) => monthStart(m) + (day - 1) * DAY + hour * HOUR + minute * 60_000;
  const ids = { ...ctx.maxIds };
  const rows: HistoryRows = {
    members: [],
    memberRoles: [],
    contactApplications: [],
    committees: [],
    committeeMembers: [],
    clubs: [],
    clubMembers: [],
    ledgerAccounts: [],
    activities: [],
    costLines: [],
    signups: [],
    settlements: [],
    reviews: [],
    volunteers: [],
    volunteerHours: [],
    issues: [],
    issueEvents: [],
    meetings: [],
    agendaItems: [],
    itemStances: [],
    attendance: [],
    actionItems: [],
    residents: Math.round(ctx.households * plan.residentsPerHousehold),
    foundedOn: plan.foundedOn ?? isoDate(dayOf(plan.foundedMonth, 1)),
  };

  // Members: early ones before the window, then the year's newcomers, in order of joining.
  const joinTimes: number[] = [];
  const earlyFrom = monthStart(plan.earlyMembers.fromMonth);
  for (let i = 0; i < plan.earlyMembers.count; i++) joinTimes.push(rng.between(earlyFrom, monthStart(0) - DAY));
  plan.newMembers.forEach((n, m) => {
    for (let i = 0; i < n; i++) joinTimes.push(dayOf(m, rng.int(1, 28), rng.int(0, 14), rng.int(0, 59)));
  });
  joinTimes.sort((a, b) => a - b);
  const buildingCount = ctx.buildingIds.length;
  const flats = new Map<number, string[]>();
  const people: Person[] = joinTimes.map((joinedAt, i) => {
    // The first residents spread over every building, so each has someone to become its contact.
    const building = i < buildingCount * 2 ? i % buildingCount : rng.int(0, buildingCount - 1);
    const taken = flats.get(building) ?? [];
    let household: string;
    if (taken.length > 0 && rng.chance(0.22)) household = rng.pick(taken);
    else {
      do household = `${rng.int(1, 3)}-${rng.int(1, plan.floors)}${String(rng.int(1, 4)).padStart(2, '0')}`;
      while (taken.includes(household));
      taken.push(household);
      flats.set(building, taken);
    }
    const id = ++ids.members;
    rows.members.push({
      id,
      userId: `${USER_PREFIX}${i + 1}`,
      displayName: `${rng.pick(surnames)}${rng.pick(givenNames)}`,
      buildingId: ctx.buildingIds[building]!,
      household,
      joinedAt: iso(joinedAt),
    });
    return { id, joinedAt, building, regular: rng.chance(plan.regularShare) };
  });
  /** How many had joined before `t`: members are in order of joining, so they are a prefix. */
  const countBefore = <T>(items: readonly T[], at: (item: T) => number, t: number) => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(items[mid]!) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const joinedBefore = (t: number) =>
    people.slice(
      0,
      countBefore(people, (p) => p.joinedAt, t),
    );
  const regulars = people.filter((p) => p.regular);
  const roleHolders = new Map<string, Set<number>>();
  const takeFor = (role: string, candidates: Person[]) => {
    const used = roleHolders.get(role) ?? new Set<number>();
    roleHolders.set(role, used);
    const free = candidates.filter((p) => !used.has(p.id));
    if (free.length === 0) return null;
    const person = rng.pick(free);
    used.add(person.id);
    return person;
  };
  const grant = (
    person: Person,
    role: InferInsertModel<typeof memberRoles>['role'],
    at: number,
    extra: { partyKey?: string; buildingId?: number } = {},
  ) =>
    rows.memberRoles.push({
      memberId: person.id,
      role,
      partyKey: extra.partyKey ?? '',
      buildingId: extra.buildingId ?? null,
      grantedBy: String(ADMIN),
      grantedAt: iso(at),
    });

  // Building contacts, confirmed one by one; and the parties' representatives.
  const contactsOf = new Map<number, { id: number; since: number }[]>();
  for (const [building, m] of plan.contacts) {
    const at = dayOf(m, rng.int(3, 25), rng.int(1, 10));
    if (at >= cutoff || building > buildingCount) continue;
    const person = takeFor(
      'building-contact',
      joinedBefore(at - 7 * DAY).filter((p) => p.building === building - 1),
    );
    if (!person) continue;
    const buildingId = ctx.buildingIds[building - 1]!;
    rows.contactApplications.push({
      memberId: person.id,
      buildingId,
      status: 'confirmed',
      decidedBy: ADMIN,
      createdAt: iso(at - rng.int(1, 6) * DAY),
      decidedAt: iso(at),
    });
    grant(person, 'building-contact', at, { buildingId });
    contactsOf.set(buildingId, [...(contactsOf.get(buildingId) ?? []), { id: person.id, since: at }]);
  }
  const repOf = new Map<string, { id: number; since: number }>();
  for (const [partyKey, m] of plan.partyReps) {
    const at = dayOf(m, rng.int(2, 20), 2);
    const person = takeFor('party-representative', joinedBefore(at - 3 * DAY));
    if (!person) continue;
    grant(person, 'party-representative', at, { partyKey });
    repOf.set(partyKey, { id: person.id, since: at });
  }

  // Committees, with residents and outside experts.
  for (const c of plan.committees) {
    const at = dayOf(c.month, rng.int(2, 20), 2);
    if (at >= cutoff) continue;
    const id = ++ids.committees;
    rows.committees.push({
      id,
      name: c.name,
      kind: c.kind,
      remit: c.remit,
      proposes: true,
      supervises: c.kind === 'standing',
      assists: true,
      endsOn: c.endsMonth === undefined ? null : isoDate(dayOf(c.endsMonth, 28)),
      createdAt: iso(at),
    });
    const pool = joinedBefore(at);
    for (let i = 0; i < c.residents; i++) {
      const person = takeFor(`committee:${id}`, pool);
      if (person)
        rows.committeeMembers.push({
          committeeId: id,
          memberId: person.id,
          externalName: null,
          expertise: rng.pick(skills),
          role: i === 0 ? 'chair' : 'member',
        });
    }
    for (const [name, expertise] of c.experts)
      rows.committeeMembers.push({ committeeId: id, memberId: null, externalName: name, expertise, role: 'member' });
  }

  // Clubs: the proposer is responsible and leads; approval opens the fund.
  const clubRuns: { id: number; plan: ClubPlan; approvedAt: number; leader: Person; members: Person[] }[] = [];
  for (const c of plan.clubs) {
    const createdAt = dayOf(c.month, rng.int(1, 20), rng.int(1, 12));
    if (createdAt >= cutoff) continue;
    const leader = takeFor('club-leader', joinedBefore(createdAt - 14 * DAY)) ?? takeFor('club-leader', people);
    if (!leader) continue;
    const id = ++ids.clubs;
    const approved = c.status !== 'proposed';
    const approvedAt = createdAt + rng.int(1, 5) * DAY;
    rows.clubs.push({
      id,
      name: c.name,
      purpose: c.purpose,
      programKey: c.programKey,
      meetingPattern: c.meetingPattern,
      status: c.status,
      responsibleMemberId: leader.id,
      approvedBy: approved ? ADMIN : null,
      approvedAt: approved ? iso(approvedAt) : null,
      createdAt: iso(createdAt),
    });
    rows.clubMembers.push({ clubId: id, memberId: leader.id, role: 'leader', joinedAt: iso(createdAt) });
    const clubMembersOf: Person[] = [leader];
    if (approved) {
      rows.ledgerAccounts.push({ key: clubFundKey(id), kind: 'fund', clubId: id, name: `${c.name}基金 / ${c.name} fund` });
      grant(leader, 'club-leader', approvedAt);
      const size = rng.int(c.size[0], c.size[1]) - 1;
      const lastJoin = c.quietFrom === undefined ? cutoff : monthStart(c.quietFrom);
      const pool = joinedBefore(lastJoin - 10 * DAY).filter((p) => p.id !== leader.id);
      for (let i = 0; i < size && pool.length > 0; i++) {
        const person = pool.splice(rng.int(0, pool.length - 1), 1)[0]!;
        const from = Math.max(approvedAt, person.joinedAt) + DAY;
        const joinedAt = Math.min(from + rng.int(0, 40) * DAY, lastJoin - DAY);
        if (joinedAt <= from - DAY) continue;
        rows.clubMembers.push({ clubId: id, memberId: person.id, role: 'member', joinedAt: iso(joinedAt) });
        clubMembersOf.push(person);
      }
    }
    clubRuns.push({ id, plan: c, approvedAt, leader, members: clubMembersOf });
  }

  // Activities month by month, with sign-ups, check-ins, settlement and review.
  const heldByMonth = new Map<number, { id: number; startsAt: number; programKey: ProgramKey | null; responsible: number }[]>();
  plan.activities.forEach((n, m) => {
    const running = clubRuns.filter(
      (c) => c.plan.status !== 'proposed' && c.approvedAt < monthStart(m) && (c.plan.quietFrom === undefined || m < c.plan.quietFrom),
    );
    const totalWeight = running.reduce((s, c) => s + c.plan.weight, 0);
    for (let i = 0; i < n; i++) {
      let club: (typeof clubRuns)[number] | null = null;
      if (running.length > 0 && !rng.chance(plan.hubShare)) {
        let r = rng.next() * totalWeight;
        for (const c of running) {
          club = c;
          r -= c.plan.weight;
          if (r < 0) break;
        }
      }
      const programKey = club?.plan.programKey ?? null;
      const kind = programKey ?? 'hub';
      const day = 1 + Math.min(27, Math.floor(((i + rng.next()) * 27) / n));
      const startsAt = dayOf(m, day, rng.pick([1, 2, 6, 7, 11]), rng.pick([0, 30]));
      const endsAt = startsAt + rng.pick([1.5, 2, 2.5, 3]) * HOUR;
      const responsible = club?.leader.id ?? ADMIN;
      const capacity = rng.pick([20, 24, 30, 40]);
      const expected = Math.round(capacity * 0.8);
      const plannedFen = rng.int(2, 30) * 5000;
      const feeFen = Math.ceil((plannedFen * (100 + ctx.surplusRatePercent)) / 100 / expected / 100) * 100;
      const createdAt = startsAt - rng.int(10, 21) * DAY;
      const id = ++ids.activities;
      const cancelled = i >= 2 && rng.chance(plan.cancelShare);
      const activity: InferInsertModel<typeof activities> = {
        id,
        clubId: club?.id ?? null,
        title: rng.pick(activityTitles[kind]),
        description: club ? `${club.plan.name}的活动，费用 AA。` : '互助会组织的活动，欢迎新邻居。',
        responsibleMemberId: responsible,
        startsAt: iso(startsAt),
        endsAt: iso(endsAt),
        place: rng.pick(places[kind]),
        capacity,
        audience: kind === 'kids-troupe' || kind === 'little-architects' ? 'children' : 'residents',
        state: 'held',
        expectedParticipants: expected,
        surplusRatePercent: ctx.surplusRatePercent,
        feeFen,
        approvedBy: ADMIN,
        approvedAt: iso(createdAt + rng.int(1, 3) * DAY),
        cancelledReason: null,
        checkinToken: rng.hex(32),
        createdAt: iso(createdAt),
      };
      rows.activities.push(activity);
      rows.costLines.push({ activityId: id, kind: 'planned', label: rng.pick(costLabels), amountFen: plannedFen });
      if (cancelled) {
        activity.state = 'cancelled';
        activity.cancelledReason = rng.pick(['天气原因取消', '报名人数不足，取消', '场地临时维修，取消']);
        continue;
      }

      // Sign-ups: club members first, then regulars, then anyone who had joined.
      const inPool = countBefore(people, (p) => p.joinedAt, startsAt - DAY);
      const inRegulars = countBefore(regulars, (p) => p.joinedAt, startsAt - DAY);
      const fromClub = club ? club.members.filter((p) => p.joinedAt < startsAt - DAY) : [];
      const wanted = Math.min(capacity, rng.int(plan.participants[0], plan.participants[1]), inPool);
      const chosen = new Map<number, Person>();
      for (let tries = 0; chosen.size < wanted && tries < wanted * 6; tries++) {
        const r = rng.next();
        const person =
          r < 0.5 && fromClub.length > 0
            ? rng.pick(fromClub)
            : r < 0.8 && inRegulars > 0
              ? regulars[rng.int(0, inRegulars - 1)]!
              : people[rng.int(0, inPool - 1)]!;
        chosen.set(person.id, person);
      }
      let attended = 0;
      for (const person of chosen.values()) {
        const signedAt = Math.max(person.joinedAt + HOUR, startsAt - rng.int(1, 10) * DAY);
        if (rng.chance(0.04)) {
          rows.signups.push({
            activityId: id,
            memberId: person.id,
            status: 'cancelled',
            createdAt: iso(signedAt),
            cancelledAt: iso(Math.min(signedAt + DAY, startsAt - HOUR)),
            checkedInAt: null,
          });
          continue;
        }
        const present = rng.chance(0.9);
        if (present) attended++;
        rows.signups.push({
          activityId: id,
          memberId: person.id,
          status: 'confirmed',
          createdAt: iso(signedAt),
          cancelledAt: null,
          checkedInAt: present ? iso(startsAt + rng.int(0, 20) * 60_000) : null,
        });
      }
      heldByMonth.set(m, [...(heldByMonth.get(m) ?? []), { id, startsAt, programKey, responsible }]);

      // Settlement within a week as a rule; income a little above cost, sometimes below.
      if (rng.chance(plan.unsettledShare)) continue;
      const settledAt = endsAt + (rng.chance(plan.lateShare) ? rng.between(9, 25) : rng.between(0.3, 6)) * DAY;
      if (settledAt >= cutoff) continue;
      const incomeFen = feeFen * Math.max(1, attended);
      const costFen = rng.chance(plan.deficitShare)
        ? Math.round(incomeFen / rng.between(0.8, 0.97))
        : Math.round(incomeFen / rng.between(1.02, 1.12));
      activity.state = 'settled';
      rows.settlements.push({ activityId: id, incomeFen, costFen, recordedBy: responsible, recordedAt: iso(settledAt) });
      rows.costLines.push({ activityId: id, kind: 'actual', label: '实际支出', amountFen: costFen });
      const reviewedAt = settledAt + rng.between(0.5, 3) * DAY;
      if (!rng.chance(plan.reviewShare) || reviewedAt >= cutoff) continue;
      activity.state = 'reviewed';
      const [wentWell, toChange] = rng.pick(reviewNotes);
      rows.reviews.push({ activityId: id, memberId: responsible, kind: 'summary', wentWell, toChange, createdAt: iso(reviewedAt) });
    }
  });

  // Volunteers and their hours, recorded by the responsible person and confirmed by the volunteer.
  const registered: { id: number; since: number }[] = [];
  const register = (at: number) => {
    const person = takeFor('volunteer', joinedBefore(at));
    if (!person) return;
    registered.push({ id: person.id, since: at });
    rows.volunteers.push({ memberId: person.id, skills: rng.pick(skills), availability: rng.pick(availability), registeredAt: iso(at) });
  };
  for (let i = 0; i < plan.volunteers.early; i++) register(rng.between(Math.max(earlyFrom, monthStart(-12)), monthStart(0) - DAY));
  plan.volunteers.perMonth.forEach((n, m) => {
    for (let i = 0; i < n; i++) register(dayOf(m, rng.int(1, 20), 3));
  });
  registered.sort((a, b) => a.since - b.since);
  const enabledPrograms = [...new Set(clubRuns.map((c) => c.plan.programKey))];
  plan.volunteerHours.forEach((n, m) => {
    const held = heldByMonth.get(m) ?? [];
    for (let i = 0; i < n; i++) {
      const linked = held.length > 0 && rng.chance(0.5) ? rng.pick(held) : null;
      const servedAt = linked?.startsAt ?? dayOf(m, rng.int(1, 28), 2);
      const candidates = countBefore(registered, (v) => v.since, servedAt);
      if (candidates === 0) continue;
      const recordedAt = servedAt + rng.between(0.2, 2) * DAY;
      const confirmedAt = recordedAt + rng.between(0.1, 3) * DAY;
      rows.volunteerHours.push({
        memberId: registered[rng.int(0, candidates - 1)]!.id,
        activityId: linked?.id ?? null,
        programKey: linked?.programKey ?? (enabledPrograms.length > 0 ? rng.pick(enabledPrograms) : null),
        servedOn: isoDate(servedAt),
        minutes: rng.pick([60, 90, 120, 120, 150, 180, 240]),
        note: linked ? '活动现场服务' : rng.pick(['书屋值班', '上门探访', '活动筹备', '楼道宣传']),
        recordedBy: linked?.responsible ?? ADMIN,
        confirmedAt: !rng.chance(plan.unconfirmedHoursShare) && confirmedAt < cutoff ? iso(confirmedAt) : null,
        createdAt: iso(Math.min(recordedAt, cutoff - HOUR)),
      });
    }
  });

  // Issues: raised by residents, taken up by contacts, resolved directly or referred to the joint meeting.
  type Step = { to: InferInsertModel<typeof issues>['state']; at: number; actor: number | null; note: string };
  type IssueRun = {
    row: InferInsertModel<typeof issues>;
    template: IssueTemplate;
    steps: Step[];
    referredAt: number | null;
    raisedBy: number;
  };
  const issueRuns: IssueRun[] = [];
  [plan.priorIssues, ...plan.issues].forEach((n, index) => {
    const m = index - 1;
    for (let i = 0; i < n; i++) {
      const raisedAt = dayOf(m, rng.int(1, 28), rng.int(0, 13), rng.int(0, 59));
      const pool = joinedBefore(raisedAt - DAY);
      if (pool.length === 0) continue;
      const raiser = rng.pick(pool);
      const buildingId = ctx.buildingIds[raiser.building]!;
      const template = rng.pick(issueTemplates);
      const contact = (contactsOf.get(buildingId) ?? []).find((c) => c.since < raisedAt);
      const taker = contact?.id ?? ADMIN;
      const steps: Step[] = [{ to: 'raised', at: raisedAt, actor: raiser.id, note: '' }];
      const run: IssueRun = {
        row: {
          id: ++ids.issues,
          title: template.title,
          description: template.description,
          category: template.category,
          buildingId,
          raisedBy: raiser.id,
          state: 'raised',
          bodyKey: null,
          outcome: null,
          decisionText: null,
          implementationOwner: null,
          dueOn: null,
          stateSince: iso(raisedAt),
          createdAt: iso(raisedAt),
        },
        template,
        steps,
        referredAt: null,
        raisedBy: raiser.id,
      };
      issueRuns.push(run);
      // Without a contact in the building, an issue waits longer for someone to take it up.
      if (rng.chance(plan.stuckShare * (contact ? 0.4 : 1.6))) continue;
      const ackAt = raisedAt + rng.between(plan.ackDays[0], plan.ackDays[1]) * (contact ? 1 : 1.8) * DAY;
      steps.push({ to: 'acknowledged', at: ackAt, actor: taker, note: '' });
      if (rng.chance(plan.directShare)) {
        const resolvedAt = ackAt + rng.between(1, 10) * DAY;
        steps.push({ to: 'resolved-directly', at: resolvedAt, actor: taker, note: template.direct });
        steps.push({ to: 'relayed', at: resolvedAt + rng.between(0.5, 3) * DAY, actor: taker, note: '已在楼栋群说明处理结果' });
        continue;
      }
      const referredAt = ackAt + rng.between(plan.referDays[0], plan.referDays[1]) * DAY;
      steps.push({ to: 'referred', at: referredAt, actor: taker, note: '提交联席会议' });
      run.row.bodyKey = 'joint-meeting';
      run.referredAt = referredAt;
    }
  });

  // The joint meeting, month by month: referred issues go on the agenda, blocked ones come back revised.
  const presenterOf = (run: IssueRun) => rows.members.find((r) => r.id === run.raisedBy)?.displayName ?? '联络人';
  let carried: { run: IssueRun | null; title: string; from: number }[] = [];
  const placed = new Set<IssueRun>();
  plan.meetings.forEach((held, m) => {
    if (!held) return;
    const at = dayOf(m, rng.int(10, 18), 6, 30);
    const meetingId = ++ids.meetings;
    const date = new Date(at);
    const present = new Map<PartyKey, boolean>(PARTIES.map((p) => [p, p === 'association' || !rng.chance(plan.absentShare)]));
    const written = new Map<PartyKey, boolean>(PARTIES.map((p) => [p, !present.get(p) && rng.chance(plan.writtenShare)]));
    const missing = PARTIES.filter((p) => !present.get(p) && !written.get(p));
    const recorder = (p: PartyKey) => (p === 'association' ? ADMIN : (repOf.get(p)?.since ?? Infinity) < at ? repOf.get(p)!.id : ADMIN);
    for (const p of PARTIES) rows.attendance.push({ meetingId, partyKey: p, attended: present.get(p)!, recordedBy: recorder(p) });
    const fresh = issueRuns.filter((r) => r.referredAt !== null && r.referredAt < at - 3 * DAY && !placed.has(r));
    const agenda = [
      ...carried,
      ...fresh.map((run) => ({ run, title: run.template.title, from: 0 })),
      { run: null, title: '通报上月社团活动结算和账目公开情况', from: 0 },
    ];
    carried = [];
    const minutes: string[] = [
      `出席：${PARTIES.filter((p) => present.get(p)).length} 方；${missing.length > 0 ? '有一方缺席且无书面立场，相关议题顺延。' : '各方均已表态。'}`,
    ];
    agenda.forEach((entry, index) => {
      const itemId = ++ids.agendaItems;
      const { run } = entry;
      if (run && !placed.has(run)) {
        placed.add(run);
        run.steps.push({
          to: 'on-agenda',
          at: Math.max(run.referredAt! + HOUR, at - rng.int(3, 7) * DAY),
          actor: ADMIN,
          note: `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月联席会议`,
        });
      }
      let outcome: 'adopted' | 'blocked' | 'not-adopted' | 'undecided' = 'adopted';
      let dissent: { party: PartyKey; position: 'block' | 'object'; reason: string } | null = null;
      if (missing.length > 0) outcome = 'undecided';
      else if (run && entry.from === 0 && rng.chance(plan.blockShare)) {
        outcome = 'blocked';
        dissent = { party: rng.pick(PARTIES.slice(0, 3)), position: 'block', reason: rng.pick(blockReasons) };
      } else if (run && rng.chance(plan.objectShare)) {
        outcome = 'not-adopted';
        dissent = { party: rng.pick(PARTIES.slice(0, 3)), position: 'object', reason: rng.pick(objectReasons) };
      }
      const decisionText = outcome === 'adopted' ? (run?.template.decision ?? '账目已按时公开，各社团结余留在社团基金。') : null;
      rows.agendaItems.push({
        id: itemId,
        meetingId,
        issueId: run?.row.id ?? null,
        title: entry.from ? `${entry.title}（修改后再议）` : entry.title,
        presenter: run ? presenterOf(run) : '互助会秘书',
        minutesAllotted: run ? rng.pick([10, 15, 20]) : 10,
        papers: run ? run.template.description : '',
        position: index + 1,
        outcome,
        decisionText,
        revisedFrom: entry.from || null,
      });
      for (const p of PARTIES) {
        if (!present.get(p) && !written.get(p)) continue;
        const own = dissent?.party === p ? dissent : null;
        rows.itemStances.push({
          itemId,
          voter: p,
          position: own?.position ?? 'agree',
          reason: own?.reason ?? null,
          written: !present.get(p),
          recordedBy: recorder(p),
          recordedAt: iso(at + HOUR),
        });
      }
      minutes.push(
        `${index + 1}. ${entry.title}：${{ adopted: '通过', blocked: `被阻止（${dissent?.reason ?? ''}）`, 'not-adopted': '未通过', undecided: '顺延' }[outcome]}${decisionText ? `。${decisionText}` : ''}`,
      );
      if (!run) return;
      if (outcome === 'blocked' || outcome === 'undecided') {
        carried.push({ run, title: entry.title, from: itemId });
        return;
      }
      const decidedAt = at + 2 * HOUR;
      run.row.outcome = outcome;
      run.row.decisionText = decisionText;
      run.steps.push({
        to: 'decided',
        at: decidedAt,
        actor: ADMIN,
        note: outcome === 'adopted' ? '联席会议一致通过' : (dissent?.reason ?? ''),
      });
      if (outcome === 'not-adopted') {
        run.steps.push({ to: 'relayed', at: decidedAt + rng.between(1, 5) * DAY, actor: ADMIN, note: '已向楼栋说明未通过的理由' });
        return;
      }
      const startedAt = decidedAt + rng.between(1, 6) * DAY;
      const dueOn = isoDate(startedAt + rng.int(30, 60) * DAY);
      const doneAt = startedAt + rng.between(12, 50) * DAY;
      run.steps.push({ to: 'implementing', at: startedAt, actor: ADMIN, note: '' });
      run.steps.push({ to: 'done', at: doneAt, actor: ADMIN, note: '' });
      run.steps.push({ to: 'relayed', at: doneAt + rng.between(0.5, 4) * DAY, actor: ADMIN, note: '已在楼栋群传达' });
      if (startedAt < cutoff) {
        run.row.implementationOwner = run.template.owner;
        run.row.dueOn = dueOn;
      }
      rows.actionItems.push({
        itemId,
        description: `落实：${decisionText}`,
        owner: run.template.owner,
        dueOn,
        doneAt: doneAt < cutoff ? iso(doneAt) : null,
      });
    });
    const closedAt = at + 2.5 * HOUR;
    const publishedAt = closedAt + rng.between(1, 4) * DAY;
    rows.meetings.push({
      id: meetingId,
      bodyKey: 'joint-meeting',
      title: `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月联席会议`,
      scheduledFor: iso(at),
      // Written as in progress and closed at the end of the batch: positions cannot be added to a closed meeting.
      status: 'in-progress',
      createdBy: ADMIN,
      closedAt: iso(closedAt),
      minutes: minutes.join('\n'),
      minutesPublishedAt: rng.chance(plan.minutesPublishedShare) && publishedAt < cutoff ? iso(publishedAt) : null,
    });
  });

  // Each issue ends where its path stood at the end of last month.
  for (const run of issueRuns) {
    const steps = run.steps.filter((s) => s.at < cutoff).sort((a, b) => a.at - b.at);
    let from: Step['to'] | null = null;
    for (const step of steps) {
      rows.issueEvents.push({
        issueId: run.row.id!,
        fromState: from,
        toState: step.to,
        actorMemberId: step.actor,
        note: step.note,
        at: iso(step.at),
      });
      from = step.to;
    }
    const last = steps[steps.length - 1]!;
    run.row.state = last.to;
    run.row.stateSince = iso(last.at);
    if (!steps.some((s) => s.to === 'referred')) run.row.bodyKey = null;
    if (!steps.some((s) => s.to === 'decided')) {
      run.row.outcome = null;
      run.row.decisionText = null;
    }
    rows.issues.push(run.row);
  }
  return rows;
}

/** D1 binds at most 100 parameters; one JSON parameter per chunk carries any number of rows instead. */
const ROWS_PER_STATEMENT = 2000;

/**
 * Inserts typed rows as `INSERT … SELECT … FROM json_each(?)`: the column names come from the Drizzle table,
 * so a renamed column fails here at compile time, and each chunk is one statement with one parameter.
 */
function insertRows<T extends SQLiteTable>(d1: D1Database, table: T, rows: InferInsertModel<T>[]): D1PreparedStatement[] {
  const first = rows[0];
  if (!first) return [];
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  // The generator gives every row of a table the same keys (null where there is nothing), so the first one speaks for all.
  const keys = Object.keys(first);
  const names = keys.map((k) => `"${columns[k]!.name}"`).join(', ');
  const values = keys.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ');
  const sql = `INSERT INTO "${getTableName(table)}" (${names}) SELECT ${values} FROM json_each(?1)`;
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT).map((row) =>
      keys.map((k) => {
        const v = (row as Record<string, unknown>)[k];
        return typeof v === 'boolean' ? Number(v) : (v ?? null);
      }),
    );
    statements.push(d1.prepare(sql).bind(JSON.stringify(chunk)));
  }
  return statements;
}

/** A Drizzle query as a plain D1 statement, so it can join the same batch. */
function prepared(d1: D1Database, query: { toSQL(): { sql: string; params: unknown[] } }): D1PreparedStatement {
  const { sql, params } = query.toSQL();
  return d1.prepare(sql).bind(...params);
}

/**
 * Writes the community's history if it has none yet. Two round trips: one batch of reads, one batch of writes,
 * which D1 runs as a single transaction — so a history is either all there or not there at all.
 */
export async function seedDemoHistory(env: Bindings, binding: string, slug: string, now = new Date()): Promise<boolean> {
  const plan = demoHistoryPlans[slug];
  if (!plan) return false;
  return seedHistory(env, binding, plan, now);
}

/** Writes a year of the given plan into a community's database, once (a second call writes nothing). */
export async function seedHistory(env: Bindings, binding: string, plan: HistoryPlan, now = new Date()): Promise<boolean> {
  const d1 = tenantDatabase(env, binding);
  const db = tenantDb(d1);
  const [done, facts, buildingRows] = await d1.batch<Record<string, number | null>>([
    d1.prepare(`SELECT COUNT(*) AS n FROM members WHERE user_id = ?1`).bind(`${USER_PREFIX}1`),
    d1.prepare(
      `SELECT (SELECT households FROM community_profile WHERE id = 1) AS households,
              (SELECT surplus_rate_percent FROM community_profile WHERE id = 1) AS surplusRate,
              (SELECT COALESCE(MAX(id), 0) FROM members) AS members, (SELECT COALESCE(MAX(id), 0) FROM clubs) AS clubs,
              (SELECT COALESCE(MAX(id), 0) FROM activities) AS activities, (SELECT COALESCE(MAX(id), 0) FROM issues) AS issues,
              (SELECT COALESCE(MAX(id), 0) FROM meetings) AS meetings, (SELECT COALESCE(MAX(id), 0) FROM agenda_items) AS agendaItems,
              (SELECT COALESCE(MAX(id), 0) FROM committees) AS committees`,
    ),
    d1.prepare('SELECT id FROM buildings ORDER BY position'),
  ]);
  if (Number(done?.results[0]?.n ?? 0) > 0) return false;
  const f = facts?.results[0] ?? {};
  const n = (k: string) => Number(f[k] ?? 0);
  const rows = buildHistory(plan, {
    now,
    households: n('households'),
    surplusRatePercent: f.surplusRate ?? 8,
    buildingIds: (buildingRows?.results ?? []).map((r) => Number(r.id)),
    maxIds: {
      members: n('members'),
      clubs: n('clubs'),
      activities: n('activities'),
      issues: n('issues'),
      meetings: n('meetings'),
      agendaItems: n('agendaItems'),
      committees: n('committees'),
    },
  });
  await d1.batch([
    prepared(
      d1,
      db.update(communityProfile).set({ residents: rows.residents, foundedOn: rows.foundedOn }).where(eq(communityProfile.id, 1)),
    ),
    ...(plan.disabledPrograms.length > 0
      ? [prepared(d1, db.update(programs).set({ enabled: false }).where(inArray(programs.key, plan.disabledPrograms)))]
      : []),
    ...insertRows(d1, members, rows.members),
    ...insertRows(d1, memberRoles, rows.memberRoles),
    ...insertRows(d1, contactApplications, rows.contactApplications),
    ...insertRows(d1, committees, rows.committees),
    ...insertRows(d1, committeeMembers, rows.committeeMembers),
    ...insertRows(d1, clubs, rows.clubs),
    ...insertRows(d1, clubMembers, rows.clubMembers),
    ...insertRows(d1, ledgerAccounts, rows.ledgerAccounts),
    ...insertRows(d1, activities, rows.activities),
    ...insertRows(d1, activityCostLines, rows.costLines),
    ...insertRows(d1, signups, rows.signups),
    ...insertRows(d1, activitySettlements, rows.settlements),
    ...insertRows(d1, activityReviews, rows.reviews),
    ...insertRows(d1, volunteers, rows.volunteers),
    ...insertRows(d1, volunteerHours, rows.volunteerHours),
    ...insertRows(d1, issues, rows.issues),
    ...insertRows(d1, issueEvents, rows.issueEvents),
    ...insertRows(d1, meetings, rows.meetings),
    ...insertRows(d1, agendaItems, rows.agendaItems),
    ...insertRows(d1, itemStances, rows.itemStances),
    ...insertRows(d1, meetingAttendance, rows.attendance),
    ...insertRows(d1, actionItems, rows.actionItems),
    ...(rows.meetings.length > 0
      ? [
          prepared(
            d1,
            db
              .update(meetings)
              .set({ status: 'closed' })
              .where(
                inArray(
                  meetings.id,
                  rows.meetings.map((r) => r.id!),
                ),
              ),
          ),
        ]
      : []),
  ]);
  return true;
}
