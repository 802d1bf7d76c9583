import type { EventKind } from './rules';

/** A phrase already written in both languages, e.g. a state's name. */
export interface Both {
  zh: string;
  en: string;
}

type Texts<P> = { sample: P; zh: (p: P) => string; en: (p: P) => string };

const tail = (note: string | undefined, zhSep = '：', enSep = ': ') => ({
  zh: note ? `${zhSep}${note}` : '',
  en: note ? `${enSep}${note}` : '',
});

/**
 * The words of every event, in both languages, with the parameters each needs. A feature emits `{ kind, params }`
 * and the texts are written once, when the event happens (so a notification reads the same later). Every kind has
 * a sample, so a test renders them all.
 */
export const eventTexts = {
  'activity.waitlist-promoted': {
    sample: { activity: '周六网球体验课', when: { zh: '12月6日 09:00', en: '6 Dec 09:00' } },
    zh: (p) => `好消息：“${p.activity}”（${p.when.zh}）有空位了，你已从候补转为报名成功。`,
    en: (p) => `Good news: a place opened on "${p.activity}" (${p.when.en}); you moved from the waitlist to signed up.`,
  } satisfies Texts<{ activity: string; when: Both }>,
  'activity.cancelled': {
    sample: { activity: '周六网球体验课', when: { zh: '12月6日 09:00', en: '6 Dec 09:00' }, reason: '下雨' },
    zh: (p) => `你报名的“${p.activity}”（${p.when.zh}）取消了${tail(p.reason).zh}`,
    en: (p) => `"${p.activity}" (${p.when.en}), which you signed up for, was cancelled${tail(p.reason).en}`,
  } satisfies Texts<{ activity: string; when: Both; reason?: string }>,
  'activity.changed': {
    sample: { activity: '周六网球体验课', when: { zh: '12月6日 09:00', en: '6 Dec 09:00' }, place: '网球场' },
    zh: (p) => `你报名的“${p.activity}”有变动：现在是 ${p.when.zh}，地点 ${p.place}。`,
    en: (p) => `"${p.activity}", which you signed up for, changed: it is now ${p.when.en} at ${p.place}.`,
  } satisfies Texts<{ activity: string; when: Both; place: string }>,
  'club.handover-offered': {
    sample: { club: '网球俱乐部', from: '王老师' },
    zh: (p) => `${p.from}希望把“${p.club}”的负责人交给你，请在社团页接受或婉拒。`,
    en: (p) => `${p.from} would like to hand "${p.club}" over to you; accept or decline on the club's page.`,
  } satisfies Texts<{ club: string; from: string }>,
  'meeting.scheduled': {
    sample: { meeting: '12月联席会议', when: { zh: '12月15日 19:00', en: '15 Dec 19:00' }, place: '社区会议室' as string | undefined },
    zh: (p) => `已安排会议“${p.meeting}”：${p.when.zh}${p.place ? `，${p.place}` : ''}。`,
    en: (p) => `A meeting is scheduled: "${p.meeting}", ${p.when.en}${p.place ? `, ${p.place}` : ''}.`,
  } satisfies Texts<{ meeting: string; when: Both; place?: string }>,
  'meeting.papers-out': {
    sample: { meeting: '12月联席会议', when: { zh: '12月15日 19:00', en: '15 Dec 19:00' }, items: 3 },
    zh: (p) => `“${p.meeting}”（${p.when.zh}）的会议材料已发出：${p.items} 项议程，请提前阅读。`,
    en: (p) => `The papers for "${p.meeting}" (${p.when.en}) are out: ${p.items} agenda items; please read them beforehand.`,
  } satisfies Texts<{ meeting: string; when: Both; items: number }>,
  'meeting.minutes-published': {
    sample: { meeting: '12月联席会议' },
    zh: (p) => `“${p.meeting}”的会议纪要已发布。`,
    en: (p) => `The minutes of "${p.meeting}" are published.`,
  } satisfies Texts<{ meeting: string }>,
  'consent.asked': {
    sample: { what: { zh: '社团提议', en: 'club proposal' }, title: '书法社', days: 7 },
    zh: (p) => `新的${p.what.zh}「${p.title}」请您表态：${p.days} 天内无人反对即视为同意。`,
    en: (p) => `A new ${p.what.en}, "${p.title}", asks for your consent: approved after ${p.days} days unless someone objects.`,
  } satisfies Texts<{ what: Both; title: string; days: number }>,
  'consent.objection': {
    sample: { who: '李会长', what: { zh: '社团提议', en: 'club proposal' }, title: '书法社', reason: '时间与合唱团冲突' },
    zh: (p) => `${p.who} 对您的${p.what.zh}「${p.title}」提出反对：${p.reason}。修改后将重新征求意见。`,
    en: (p) => `${p.who} objects to your ${p.what.en} "${p.title}": ${p.reason}. Revise it to ask again.`,
  } satisfies Texts<{ who: string; what: Both; title: string; reason: string }>,
  'issue.moved': {
    sample: {
      issue: '3栋门口路灯坏了',
      step: { zh: '已受理', en: 'accepted' },
      note: { zh: '物业本周维修', en: 'the property company repairs it this week' },
    },
    zh: (p) => `你提出的议题“${p.issue}”${p.step?.zh ?? ''}${tail(p.note?.zh).zh}`,
    en: (p) => `Your issue "${p.issue}"${p.step ? ` was ${p.step.en}` : ''}${tail(p.note?.en).en}`,
  } satisfies Texts<{ issue: string; step?: Both; note?: Both }>,
  'decision.relayed': {
    sample: { issue: '3栋门口路灯坏了', decision: '物业12月10日前更换灯具', building: '3栋' },
    zh: (p) => `关于“${p.issue}”的决定已传达到${p.building}${tail(p.decision).zh}`,
    en: (p) => `The decision on "${p.issue}" was relayed to ${p.building}${tail(p.decision).en}`,
  } satisfies Texts<{ issue: string; decision: string; building: string }>,
  'need.moved': {
    sample: { need: '想学智能手机', what: { zh: '已被认领', en: 'was taken on' }, mine: true },
    zh: (p) => `${p.mine ? '你登记的需求' : '你也需要的需求'}“${p.need}”${p.what.zh}`,
    en: (p) => (p.mine ? `Your need "${p.need}" ${p.what.en}` : `A need you share, "${p.need}", ${p.what.en}`),
  } satisfies Texts<{ need: string; what: Both; mine: boolean }>,
  'hours.to-confirm': {
    sample: { hours: 2, what: '周六网球体验课', by: '王老师' },
    zh: (p) => `${p.by}为你记录了“${p.what}”的志愿时长 ${p.hours} 小时，请在“我的志愿时长”确认。`,
    en: (p) => `${p.by} recorded ${p.hours} h of volunteering for "${p.what}"; please confirm them under My volunteer hours.`,
  } satisfies Texts<{ hours: number; what: string; by: string }>,
  'library.duty-taken': {
    sample: { who: '陈阿姨', when: '12月7日 14:00' },
    zh: (p) => `${p.who}接下了你换出的书屋值班（${p.when}）。`,
    en: (p) => `${p.who} took the library duty you offered (${p.when}).`,
  } satisfies Texts<{ who: string; when: string }>,
  'library.reminder': {
    sample: { title: '城南旧事', due: '12月5日', late: false },
    zh: (p) => (p.late ? `你借的《${p.title}》已于 ${p.due} 到期，请尽快归还明志书屋。` : `你借的《${p.title}》将于 ${p.due} 到期。`),
    en: (p) => (p.late ? `"${p.title}" was due on ${p.due}; please return it to the library soon.` : `"${p.title}" is due on ${p.due}.`),
  } satisfies Texts<{ title: string; due: string; late: boolean }>,
  'library.hold-ready': {
    sample: { title: '城南旧事', until: '12月9日' },
    zh: (p) => `你预约的《${p.title}》已到馆，为你保留到 ${p.until}，请在此之前到明志书屋借阅。`,
    en: (p) => `The book you reserved, "${p.title}", is back and kept for you until ${p.until}; borrow it at the library before then.`,
  } satisfies Texts<{ title: string; until: string }>,
  'care.concern': {
    sample: {
      text: {
        zh: '居家养老：张奶奶已经 9 天没有志愿者探访了，请安排。',
        en: 'Elder care: Grandma Zhang had no visit for 9 days; please arrange one.',
      },
    },
    zh: (p) => p.text.zh,
    en: (p) => p.text.en,
  } satisfies Texts<{ text: Both }>,
  'care.time-bank': {
    sample: { text: { zh: '时间银行：刘叔叔把 2 小时转赠给了张奶奶。', en: 'Time bank: Uncle Liu gave 2 hours to Grandma Zhang.' } },
    zh: (p) => p.text.zh,
    en: (p) => p.text.en,
  } satisfies Texts<{ text: Both }>,
  'course.decided': {
    sample: { text: { zh: '课程“少儿围棋”已开班。', en: 'The course "Go for children" is open.' } },
    zh: (p) => p.text.zh,
    en: (p) => p.text.en,
  } satisfies Texts<{ text: Both }>,
  'member.application': {
    sample: { who: { zh: '赵先生（3栋）', en: 'Mr Zhao (Building 3)' }, page: 'admin' as 'admin' | 'contact' },
    zh: (p) => `${p.who.zh}申请加入社区，请在“${p.page === 'admin' ? '成员' : '楼栋联络人'}”页批准或婉拒。`,
    en: (p) =>
      `${p.who.en} asks to join the community; approve or decline on the ${p.page === 'admin' ? 'Members' : 'Building contacts'} page.`,
  } satisfies Texts<{ who: Both; page: 'admin' | 'contact' }>,
  'member.welcome': {
    sample: {},
    zh: (_p) => '你加入社区的申请已通过，欢迎你！现在可以参加社团和活动、通过楼栋联络人反映议题了。',
    en: (_p) =>
      'Your application to join the community was approved. Welcome! You can now join clubs and activities and raise issues through your building contacts.',
  } satisfies Texts<Record<string, never>>,
  'role.invitation-requested': {
    sample: { who: '赵先生' },
    zh: (p) => `${p.who}通过邀请链接申请担任新角色，请在“成员”页确认或婉拒。`,
    en: (p) => `${p.who} used an invitation link to ask for a role; confirm or decline on the Members page.`,
  } satisfies Texts<{ who: string }>,
  'role.invitation-decided': {
    sample: { confirmed: true },
    zh: (p) =>
      p.confirmed
        ? '你通过邀请链接申请的角色已确认，谢谢你愿意为邻居服务！'
        : '你通过邀请链接申请的角色没有被确认；如有疑问请联系互助会管理员。',
    en: (p) =>
      p.confirmed
        ? 'The role you asked for through an invitation was confirmed. Thank you for serving your neighbours!'
        : 'The role you asked for through an invitation was not confirmed; ask an association administrator if unsure.',
  } satisfies Texts<{ confirmed: boolean }>,
  'assisted.claimed': {
    sample: { who: '张奶奶' },
    zh: (p) => `${p.who}已用认领码认领了你代为登记的记录，以后可以自己报名和查看了。`,
    en: (p) => `${p.who} claimed the record you kept for them with their code; they can now sign up and follow things themselves.`,
  } satisfies Texts<{ who: string }>,
} satisfies Record<EventKind, { sample: unknown; zh: (p: never) => string; en: (p: never) => string }>;

export type EventParams<K extends EventKind> = (typeof eventTexts)[K]['zh'] extends (p: infer P) => string ? P : never;

/** One event for one or more members: its kind, what the texts need, and the page it is about. */
export type NotificationEvent = {
  [K in EventKind]: { kind: K; params: EventParams<K>; link?: string; issueId?: number };
}[EventKind];

/** The event's texts in both languages. */
export function renderEvent(event: NotificationEvent): Both {
  const texts = eventTexts[event.kind] as unknown as Texts<typeof event.params>;
  return { zh: texts.zh(event.params), en: texts.en(event.params) };
}
