import { type DigestItem, type EventGroup, groupDigest } from './rules';

/** The language a member reads email in. */
export type MailLanguage = 'zh-CN' | 'en';

const groupNames: Record<EventGroup | 'other', { zh: string; en: string }> = {
  activities: { zh: '活动与社团', en: 'Activities and clubs' },
  meetings: { zh: '会议与表态', en: 'Meetings and consent' },
  issues: { zh: '议题、决定与需求', en: 'Issues, decisions and needs' },
  volunteering: { zh: '志愿服务', en: 'Volunteering' },
  programs: { zh: '互助项目', en: 'Programs' },
  membership: { zh: '成员与角色', en: 'Members and roles' },
  other: { zh: '其他', en: 'Other' },
};

export interface MessageContext {
  /** The community's name in the member's language. */
  community: string;
  /** The community site's origin, e.g. `https://cuizhuyuan.huzhu.example`. */
  origin: string;
  language: MailLanguage;
}

const settingsPath = '/notifications/settings';

function footer(ctx: MessageContext) {
  return ctx.language === 'en'
    ? `\n\n—\n${ctx.community} · Huzhu\nChoose what you hear and when: ${ctx.origin}${settingsPath}`
    : `\n\n——\n${ctx.community} · 互助\n设置接收哪些通知、何时接收：${ctx.origin}${settingsPath}`;
}

const ellipsis = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One notification sent on its own: the subject is its first words, the body its text and its page. */
export function singleMessage(item: { text: string; link: string | null }, ctx: MessageContext) {
  const subject = `【${ctx.community}】${ellipsis(item.text, 40)}`;
  const open = item.link ? (ctx.language === 'en' ? `\n\nOpen: ${ctx.origin}${item.link}` : `\n\n查看：${ctx.origin}${item.link}`) : '';
  return { subject, body: `${item.text}${open}${footer(ctx)}`, link: item.link };
}

/**
 * A digest: one message for everything a member was told in the period, grouped as the preferences list the kinds,
 * each line with its page. `period` is the digest's key (`daily:2026-12-03`, `weekly:2026-11-30`).
 */
export function digestMessage(items: DigestItem[], period: string, ctx: MessageContext) {
  const [cadence, date] = period.split(':') as ['daily' | 'weekly', string];
  const en = ctx.language === 'en';
  const title = en
    ? `${cadence === 'weekly' ? 'Weekly' : 'Daily'} digest (${date}): ${items.length} ${items.length === 1 ? 'update' : 'updates'}`
    : `${cadence === 'weekly' ? '每周' : '每日'}摘要（${date}）：${items.length} 条新消息`;
  const sections = groupDigest(items).map(({ group, items: list }) => {
    const heading = en ? groupNames[group].en : groupNames[group].zh;
    const lines = list.map((i) => `• ${i.text}${i.link ? `\n  ${ctx.origin}${i.link}` : ''}`);
    return `${heading}\n${lines.join('\n')}`;
  });
  return {
    subject: `【${ctx.community}】${title}`,
    body: `${title}\n\n${sections.join('\n\n')}\n\n${en ? 'All notifications' : '全部通知'}：${ctx.origin}/notifications${footer(ctx)}`,
    link: '/notifications',
  };
}
