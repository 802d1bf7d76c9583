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
    push: {
      title: '在这台设备上接收推送',
      checking: '正在查看这台设备能否接收推送……',
      unsupported:
        '这个浏览器不支持推送通知。可以换用手机或电脑上较新的 Chrome、Edge、Firefox 或 Safari（iPhone 需先把本站添加到主屏幕）。',
      unconfigured: '本站还没有开通推送通知。',
      blocked: '通知已在浏览器中被拒绝。请在浏览器的网站设置里允许本站发通知，再点「开启推送」。',
      off: '这台设备未开启推送。',
      offElsewhere: '这台设备未开启推送；你另有 {{ count }} 台设备在接收。',
      on: '已开启：这台设备会收到推送。',
      onMore: '已开启：这台设备会收到推送；你另有 {{ count }} 台设备也在接收。',
      turnOn: '开启推送',
      turnOff: '关闭推送',
    },
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
    push: {
      title: 'Get push notifications on this device',
      checking: 'Checking whether this device can get push notifications…',
      unsupported:
        'Push notifications are not available on this browser. A recent Chrome, Edge, Firefox or Safari can (on an iPhone, add this site to the home screen first).',
      unconfigured: 'Push notifications are not set up on this site yet.',
      blocked: 'Notifications are blocked in this browser. Allow them for this site in the browser’s site settings, then press “Turn on”.',
      off: 'Push notifications are off on this device.',
      offElsewhere: 'Push notifications are off on this device (on for {{ count }} of your devices elsewhere).',
      on: 'On: this device gets push notifications.',
      onMore: 'On: this device gets push notifications, and so do {{ count }} more of your devices.',
      turnOn: 'Turn on',
      turnOff: 'Turn off',
    },
  },
};
