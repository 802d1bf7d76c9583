import * as activities from '../features/activities/i18n';
import * as assisted from '../features/assisted/i18n';
import * as association from '../features/association/i18n';
import * as buildings from '../features/buildings/i18n';
import * as canvas from '../features/canvas/i18n';
import * as children from '../features/children/i18n';
import * as clubs from '../features/clubs/i18n';
import * as consent from '../features/consent/i18n';
import * as consultants from '../features/consultants/i18n';
import * as handbooks from '../features/handbooks/i18n';
import * as home from '../features/home/i18n';
import * as issues from '../features/issues/i18n';
import * as print from '../features/print/i18n';
import * as ledger from '../features/ledger/i18n';
import * as courses from '../features/courses/i18n';
import * as care from '../features/care/i18n';
import * as library from '../features/library/i18n';
import * as meetings from '../features/meetings/i18n';
import * as needs from '../features/needs/i18n';
import * as committees from '../features/committees/i18n';
import * as members from '../features/members/i18n';
import * as notifications from '../features/notifications/i18n';
import * as personalData from '../features/personal-data/i18n';
import * as parties from '../features/parties/i18n';
import * as partnerships from '../features/partnerships/i18n';
import * as operator from '../features/operator/i18n';
import * as platform from '../features/platform/i18n';
import * as privacy from '../features/privacy/i18n';
import * as programs from '../features/programs/i18n';
import * as series from '../features/series/i18n';
import * as settings from '../features/settings/i18n';
import * as archive from '../features/archive/i18n';
import * as shop from '../features/shop/i18n';
import * as spaces from '../features/spaces/i18n';
import * as structure from '../features/structure/i18n';
import * as volunteers from '../features/volunteers/i18n';
import type { Translation } from './translation';

/**
 * Simplified Chinese, the default language: the words shared by every page are here, each feature's come from the
 * `i18n.ts` in its folder. `en.ts` must have the same keys.
 */
export const zhCN = {
  app: {
    platformName: '互助 Huzhu',
    skipToContent: '跳到正文',
    language: '语言',
    switchTo: 'English',
    largeText: '大字',
    normalText: '标准字号',
    signIn: '登录',
    signOut: '退出',
    signedInAs: '已登录：{{ name }}',
    loading: '加载中…',
    retry: '重试',
    back: '返回',
    next: '下一步',
    footer: '互助 · 让每个小区都能复制社区互助会模式',
    share: '分享',
    shareCopied: '链接已复制，可以粘贴到微信群',
    shareFailed: '没能复制，请长按地址栏复制链接',
    timesIn: '时间均为{{ name }}（{{ zone }}）',
    beijingTime: '北京时间',
  },
  nav: {
    association: '现状',
    home: '首页',
    handbooks: '手册',
    canvas: '画布',
    settings: '社区信息',
    activities: '活动',
    clubs: '社团',
    accounts: '账目',
    shop: '彩虹屋',
    mine: '我的',
    needs: '需求',
    issues: '议题',
    meetings: '会议',
    structure: '结构',
    spaces: '公共空间',
    library: '书屋',
    children: '我的孩子',
    care: '养老',
    members: '成员',
    notifications: '通知',
    unreadCount: '（{{ count }} 条未读）',
  },
  gate: {
    signIn: '登录后即可使用这里的功能。',
    join: '加入本社区后即可使用这里的功能。',
  },
  principles: {
    whoProposes: '谁主张谁负责',
  },
  money: {
    free: '免费',
  },
  errors: {
    validation_failed: '填写的内容有误，请检查后重试。',
    bad_request: '请求无效，请刷新页面后重试。',
    unsupported_media_type: '请求的格式不受支持，请刷新页面后重试。',
    rate_limited: '操作太频繁了，请一分钟后再试。',
    unauthenticated: '请先登录。',
    invalid_token: '登录已失效，请重新登录。',
    forbidden: '你没有权限进行此操作。',
    not_a_member: '请先加入这个社区。',
    membership_pending: '你的加入申请还在等待批准。',
    community_suspended: '这个社区已暂停。',
    not_found: '没有找到。',
    slug_taken: '这个网址已经被使用了，请换一个。',
    community_limit_reached: '你的账号创建中和运行中的社区已达上限。如需更多，请联系平台运营人员提高上限。',
    conflict: '操作与当前状态冲突。',
    consent_required: '这一步需要你先在“我的隐私”中单独同意相关敏感信息的使用。',
    pool_exhausted: '暂时没有可用的数据库来创建新社区，平台运营已收到提醒，请稍后再试。',
    wrong_shard: '请求被送到了错误的服务分区，请刷新页面重试。',
    not_ready: '社区正在创建中，请稍候。',
    misconfigured: '服务配置有误，请联系平台运营。',
    internal: '服务器出了点问题，请稍后再试。',
    network: '网络连接失败，请检查网络后重试。',
    pageFailed: '页面没有加载成功。',
    serverSaid: '服务器说明：{{ message }}',
  },
  ...platform.zh,
  ...operator.zh,
  ...home.zh,
  ...members.zh,
  ...committees.zh,
  ...settings.zh,
  ...archive.zh,
  ...handbooks.zh,
  ...canvas.zh,
  ...activities.zh,
  ...clubs.zh,
  ...consent.zh,
  ...spaces.zh,
  ...programs.zh,
  ...ledger.zh,
  ...shop.zh,
  ...series.zh,
  ...library.zh,
  ...courses.zh,
  ...children.zh,
  ...care.zh,
  ...privacy.zh,
  ...volunteers.zh,
  ...issues.zh,
  ...needs.zh,
  ...partnerships.zh,
  ...meetings.zh,
  ...notifications.zh,
  ...personalData.zh,
  ...parties.zh,
  ...buildings.zh,
  ...print.zh,
  ...assisted.zh,
  ...structure.zh,
  ...consultants.zh,
  ...association.zh,
};

export type Dictionary = Translation<typeof zhCN>;
