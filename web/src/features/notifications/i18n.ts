import type { Translation } from '../../i18n/translation';

/** Notifications. */
export const zh = {
  notifications: {
    title: '通知',
    intro: '你提出的议题每走一步，这里都会告诉你。',
    unreadCount: '{{ count }} 条未读',
    allRead: '没有未读通知。',
    markAllRead: '全部标为已读',
    none: '还没有通知。',
    new: '未读',
    openIssue: '查看议题',
    openIssueNamed: '查看议题 #{{ id }}',
  },
};

export const en: Translation<typeof zh> = {
  notifications: {
    title: 'Notifications',
    intro: 'Every step of the issues you raised is reported here.',
    unreadCount: '{{ count }} unread',
    allRead: 'No unread notifications.',
    markAllRead: 'Mark all read',
    none: 'No notifications yet.',
    new: 'New',
    openIssue: 'Open issue',
    openIssueNamed: 'Open issue #{{ id }}',
  },
};
