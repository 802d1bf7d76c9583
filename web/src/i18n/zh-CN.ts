import type { Translation } from './translation';

/**
 * Simplified Chinese, the default language: the words of the page frame and of every page (the header, errors…).
 * Each feature's words are in the `i18n.ts` in its folder, loaded with its pages (see `features.ts`). `en.ts` must
 * have the same keys.
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
    consultant: '顾问',
    admin: '管理清单',
  },
  privacyLinks: {
    notice: '隐私告知',
    mine: '我的隐私',
    turnOnConsent: '去“我的隐私”开启',
    settings: '隐私告知 管理',
  },
  gate: {
    signIn: '登录后即可使用这里的功能。',
    join: '加入本社区后即可使用这里的功能。',
    waiting: '你的加入申请正在等待批准，批准后即可使用成员功能。',
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
    not_ready: '社区正在创建中，请稍候。',
    misconfigured: '服务配置有误，请联系平台运营。',
    internal: '服务器出了点问题，请稍后再试。',
    network: '网络连接失败，请检查网络后重试。',
    pageFailed: '页面没有加载成功。',
    serverSaid: '服务器说明：{{ message }}',
  },
};

/** The shape `en.ts` must have. */
export type SharedWords = Translation<typeof zhCN>;
