/// <reference types="vite/client" />
/**
 * Every sentence of the handbooks that tells people to do something "in Huzhu / 在软件里 / in the system" is
 * listed here with the feature that serves it; a new such sentence fails until it is listed (and true).
 */
import { describe, expect, it } from 'vitest';
import appSource from '../../web/src/app.tsx?raw';
import { templatePackages } from '../../worker/templates/registry';
import { PLATFORM, rawCall } from './helpers';

/** What promises the software: in Chinese and in English. */
const PROMISE = {
  zh: /在软件|软件(?:自动|按|算|不提供)|在系统|系统里|系统会|系统中|互助系统|在互助里|在网站/,
  en: /\bin Huzhu\b|into Huzhu|the software|the system|on the website/i,
};

interface Passage {
  chapter: string;
  /** A phrase of the sentence, in either language. */
  phrase: string;
  operations?: string[];
  routes?: string[];
}

const passages: Passage[] = [
  // Operating handbook
  { chapter: 'five-operating-rules', phrase: '请团体的带头人在互助里提出成立社团', operations: ['clubs.propose'], routes: ['/clubs'] },
  {
    chapter: 'five-operating-rules',
    phrase: "the group's leader proposes a club in Huzhu",
    operations: ['clubs.propose'],
    routes: ['/clubs'],
  },
  {
    chapter: 'five-operating-rules',
    phrase: '请居民在互助里提出议题',
    operations: ['issues.raise', 'clubs.propose'],
    routes: ['/issues', '/clubs'],
  },
  {
    chapter: 'five-operating-rules',
    phrase: 'ask the resident to raise an issue in Huzhu',
    operations: ['issues.raise', 'clubs.propose'],
    routes: ['/issues'],
  },
  // The needs register (需求登记), version 2 onwards.
  {
    chapter: 'five-operating-rules',
    phrase: '把收集到的需求记在互助里的需求登记',
    operations: ['needs.post', 'needs.respond', 'needs.list'],
    routes: ['/needs'],
  },
  {
    chapter: 'five-operating-rules',
    phrase: 'Write the needs down in the needs register in Huzhu',
    operations: ['needs.post', 'needs.respond', 'needs.list'],
    routes: ['/needs'],
  },
  {
    chapter: 'five-operating-rules',
    phrase: '在软件里，一条需求只能被一个人认领',
    operations: ['needs.claim', 'needs.turnInto', 'needs.transition', 'needs.origin'],
    routes: ['/needs/:id', '/activities/:id', '/clubs/:id'],
  },
  {
    chapter: 'five-operating-rules',
    phrase: 'In the software a need can be claimed by one person only',
    operations: ['needs.claim', 'needs.turnInto', 'needs.transition', 'needs.origin'],
    routes: ['/needs/:id', '/activities/:id', '/clubs/:id'],
  },
  {
    chapter: 'five-operating-rules',
    phrase: '在软件里，超过规定天数',
    operations: ['needs.list', 'needs.updateSettings', 'needs.figures'],
    routes: ['/needs'],
  },
  {
    chapter: 'five-operating-rules',
    phrase: 'In the software, a need nobody has claimed',
    operations: ['needs.list', 'needs.updateSettings', 'needs.figures'],
    routes: ['/needs'],
  },
  {
    chapter: 'five-operating-rules',
    phrase: '互助会枢纽账户在互助里已经开好',
    operations: ['ledger.listFunds', 'ledger.record', 'media.uploadReceipt'],
    routes: ['/accounts'],
  },
  {
    chapter: 'five-operating-rules',
    phrase: 'The hub fund already exists in Huzhu',
    operations: ['ledger.listFunds', 'ledger.record', 'media.uploadReceipt'],
    routes: ['/accounts'],
  },
  {
    chapter: 'five-operating-rules',
    phrase: '社团的交接在互助里由卸任的负责人发起',
    operations: ['clubs.offerHandover', 'clubs.decideHandover', 'clubs.listHandovers'],
    routes: ['/clubs/:id'],
  },
  {
    chapter: 'five-operating-rules',
    phrase: "in Huzhu a club's handover is offered",
    operations: ['clubs.offerHandover', 'clubs.decideHandover', 'clubs.listHandovers'],
    routes: ['/clubs/:id'],
  },
  { chapter: 'founding-a-club', phrase: '在软件里，发起人自动成为社团负责人', operations: ['clubs.propose'], routes: ['/clubs'] },
  {
    chapter: 'founding-a-club',
    phrase: 'In the software the founder automatically becomes',
    operations: ['clubs.propose'],
    routes: ['/clubs'],
  },
  {
    chapter: 'founding-a-club',
    phrase: '社团在软件里正式建档',
    operations: ['clubs.setStatus', 'ledger.listFunds'],
    routes: ['/clubs/:id'],
  },
  {
    chapter: 'founding-a-club',
    phrase: 'the club is registered in the software',
    operations: ['clubs.setStatus', 'ledger.listFunds'],
    routes: ['/clubs/:id'],
  },
  // The advance to a club is recorded on the accounts page (Record money → Advance to a club).
  {
    chapter: 'founding-a-club',
    phrase: '卸任负责人在互助里把社团交给继任者',
    operations: ['clubs.offerHandover', 'clubs.decideHandover', 'ledger.getStatement'],
    routes: ['/clubs/:id', '/accounts/:key'],
  },
  {
    chapter: 'founding-a-club',
    phrase: 'The outgoing leader hands the club over in Huzhu',
    operations: ['clubs.offerHandover', 'clubs.decideHandover', 'ledger.getStatement'],
    routes: ['/clubs/:id', '/accounts/:key'],
  },
  {
    chapter: 'founding-a-club',
    phrase: '陈女士在互助里把社团交给老王',
    operations: ['clubs.offerHandover', 'clubs.decideHandover'],
    routes: ['/clubs/:id'],
  },
  {
    chapter: 'founding-a-club',
    phrase: 'Ms Chen handed the club over in Huzhu',
    operations: ['clubs.offerHandover', 'clubs.decideHandover'],
    routes: ['/clubs/:id'],
  },
  { chapter: 'activity-process', phrase: '报名名单（软件自动生成）', operations: ['activities.listSignUps'], routes: ['/activities/:id'] },
  {
    chapter: 'activity-process',
    phrase: 'Sign-up list (generated by the software)',
    operations: ['activities.listSignUps'],
    routes: ['/activities/:id'],
  },
  { chapter: 'activity-process', phrase: '的规则算出每人费用', operations: ['activities.create'], routes: ['/activities/new'] },
  {
    chapter: 'activity-process',
    phrase: 'The software works out the fee per person',
    operations: ['activities.create'],
    routes: ['/activities/new'],
  },
  {
    chapter: 'activity-process',
    phrase: '批准后即可在软件里开放报名',
    operations: ['activities.takeStep', 'activities.signUp'],
    routes: ['/activities/:id'],
  },
  {
    chapter: 'activity-process',
    phrase: 'Sign-up opens in the software',
    operations: ['activities.takeStep', 'activities.signUp'],
    routes: ['/activities/:id'],
  },
  {
    chapter: 'activity-process',
    phrase: '复盘记录写在软件里',
    operations: ['activities.review', 'media.uploadPhoto'],
    routes: ['/activities/:id'],
  },
  {
    chapter: 'activity-process',
    phrase: 'The review note goes into the software',
    operations: ['activities.review', 'media.uploadPhoto'],
    routes: ['/activities/:id'],
  },
  { chapter: 'aa-cost-sharing', phrase: '软件按下面的公式计算每人费用', operations: ['activities.create'], routes: ['/activities/new'] },
  {
    chapter: 'aa-cost-sharing',
    phrase: 'The software works out the fee per person like this',
    operations: ['activities.create'],
    routes: ['/activities/new'],
  },
  { chapter: 'aa-cost-sharing', phrase: '软件算出每人费用、保本人数', operations: ['activities.create'], routes: ['/activities/new'] },
  {
    chapter: 'aa-cost-sharing',
    phrase: 'The software shows the fee per person, the break-even',
    operations: ['activities.create'],
    routes: ['/activities/new'],
  },
  { chapter: 'publishing-accounts', phrase: '软件不提供删除和修改按钮', operations: ['ledger.reverse'], routes: ['/accounts/:key'] },
  {
    chapter: 'publishing-accounts',
    phrase: 'The software has no delete or edit button',
    operations: ['ledger.reverse'],
    routes: ['/accounts/:key'],
  },
  { chapter: 'publishing-accounts', phrase: '在互助里提出一个议题，写明是哪个账户', operations: ['issues.raise'], routes: ['/issues'] },
  { chapter: 'publishing-accounts', phrase: 'Raise an issue in Huzhu naming the fund', operations: ['issues.raise'], routes: ['/issues'] },
  { chapter: 'volunteers', phrase: '都在互助里“志愿服务”页面完成', operations: ['volunteers.getMine'], routes: ['/volunteering'] },
  {
    chapter: 'volunteers',
    phrase: 'both on the Volunteering page in Huzhu',
    operations: ['volunteers.getMine'],
    routes: ['/volunteering'],
  },
  {
    chapter: 'volunteers',
    phrase: '由活动负责人在互助里为帮忙的邻居记录时长',
    operations: ['volunteers.recordHours', 'volunteers.confirmHours'],
    routes: ['/volunteering'],
  },
  {
    chapter: 'volunteers',
    phrase: 'its responsible person records in Huzhu the hours',
    operations: ['volunteers.recordHours', 'volunteers.confirmHours'],
    routes: ['/volunteering'],
  },
  {
    chapter: 'four-parties-and-joint-meeting',
    phrase: '最初反映问题的居民能在系统里看到',
    operations: ['issues.get'],
    routes: ['/issues/:id'],
  },
  {
    chapter: 'four-parties-and-joint-meeting',
    phrase: 'can see in the system that the issue',
    operations: ['issues.get'],
    routes: ['/issues/:id'],
  },
  { chapter: 'building-contacts', phrase: '系统会列出还缺人的楼栋', operations: ['buildings.list'], routes: ['/buildings'] },
  {
    chapter: 'building-contacts',
    phrase: 'The system lists the buildings still short of contacts',
    operations: ['buildings.list'],
    routes: ['/buildings'],
  },
  {
    chapter: 'building-contacts',
    phrase: '管理员在系统里确认其联络人身份',
    operations: ['buildings.decideContactApplication'],
    routes: ['/buildings'],
  },
  {
    chapter: 'building-contacts',
    phrase: 'confirms the new contact in the system',
    operations: ['buildings.decideContactApplication'],
    routes: ['/buildings'],
  },
  { chapter: 'federation-and-shared-space', phrase: '所有公共空间统一在系统里预约', operations: ['spaces.book'], routes: ['/spaces/:id'] },
  {
    chapter: 'federation-and-shared-space',
    phrase: 'All shared spaces are booked in the system',
    operations: ['spaces.book'],
    routes: ['/spaces/:id'],
  },
  {
    chapter: 'federation-and-shared-space',
    phrase: 'the system refuses overlapping bookings',
    operations: ['spaces.book'],
    routes: ['/spaces/:id'],
  },
  {
    chapter: 'program-charity-shop',
    phrase: '在互助系统里，收货志愿者给每件物品编号并打印带二维码的价签',
    operations: ['shop.takeIn', 'shop.sell', 'shop.closeDay', 'shop.listMyDonations'],
    routes: ['/shop/desk', '/shop'],
  },
  {
    chapter: 'program-charity-shop',
    phrase: 'In Huzhu, intake volunteers number each item and print a label with a QR code',
    operations: ['shop.takeIn', 'shop.sell', 'shop.closeDay', 'shop.listMyDonations'],
    routes: ['/shop/desk', '/shop'],
  },
  {
    chapter: 'program-charity-shop',
    phrase: '跳蚤市场在互助系统里设为每两个月一次的定期活动',
    operations: ['series.create', 'series.addOccurrences', 'activities.signUp'],
    routes: ['/series/:id', '/activities/:id'],
  },
  {
    chapter: 'program-charity-shop',
    phrase: 'In Huzhu the flea market is a recurring activity every two months',
    operations: ['series.create', 'series.addOccurrences', 'activities.signUp'],
    routes: ['/series/:id', '/activities/:id'],
  },
  // Community-building handbook
  { chapter: 'the-canvas', phrase: '把画布录入互助系统', operations: ['canvas.updateEntry'], routes: ['/canvas'] },
  { chapter: 'the-canvas', phrase: 'enter it into Huzhu', operations: ['canvas.updateEntry'], routes: ['/canvas'] },
  {
    chapter: 'community-leaders',
    phrase: '在互助系统里，每个社团、每场活动都必须写明负责人',
    operations: ['clubs.propose', 'activities.create'],
    routes: ['/clubs'],
  },
  {
    chapter: 'community-leaders',
    phrase: 'In Huzhu, every group and every activity must name',
    operations: ['clubs.propose', 'activities.create'],
    routes: ['/clubs'],
  },
  {
    chapter: 'community-leaders',
    phrase: '活动记录、账目、成员名单都存进互助系统',
    operations: ['activities.list', 'ledger.getStatement', 'members.list'],
    routes: ['/accounts', '/members'],
  },
  {
    chapter: 'community-leaders',
    phrase: 'Keep activity records, accounts and member lists in Huzhu',
    operations: ['activities.list', 'ledger.getStatement', 'members.list'],
    routes: ['/accounts', '/members'],
  },
  {
    chapter: 'working-with-the-parties',
    phrase: '会议在互助系统里登记',
    operations: ['meetings.create', 'consultants.compare'],
    routes: ['/meetings'],
  },
  {
    chapter: 'working-with-the-parties',
    phrase: 'Meetings are recorded in Huzhu',
    operations: ['meetings.create', 'consultants.compare'],
    routes: ['/meetings'],
  },
  {
    chapter: 'case-route-33-bus-council',
    phrase: '在互助系统中记录议题从提出到决议的全过程',
    operations: ['issues.transition', 'meetings.decide'],
    routes: ['/issues/:id'],
  },
  {
    chapter: 'case-route-33-bus-council',
    phrase: 'record in Huzhu the whole path of the issue',
    operations: ['issues.transition', 'meetings.decide'],
    routes: ['/issues/:id'],
  },
  {
    chapter: 'measuring-progress',
    phrase: '从互助系统里的日常记录直接算出来',
    operations: ['consultants.compare'],
    routes: ['/consultant/compare'],
  },
  {
    chapter: 'measuring-progress',
    phrase: 'straight from the everyday records in Huzhu',
    operations: ['consultants.compare'],
    routes: ['/consultant/compare'],
  },
  // Forms
  {
    chapter: 'form-sign-in-sheet',
    phrase: 'once entered into the system',
    operations: ['activities.checkIn'],
    routes: ['/activities/:id/check-in'],
  },
  {
    chapter: 'form-meeting-minutes',
    phrase: '公开版在公告栏和系统中发布',
    operations: ['meetings.publishMinutes'],
    routes: ['/meetings/:id'],
  },
  {
    chapter: 'form-meeting-minutes',
    phrase: 'the public version is posted on the notice board and in the system',
    operations: ['meetings.publishMinutes'],
    routes: ['/meetings/:id'],
  },
  { chapter: 'form-issue-form', phrase: '提出人可以在系统中随时查看议题进度', operations: ['issues.get'], routes: ['/issues/:id'] },
  { chapter: 'form-issue-form', phrase: "follow the issue's progress in the system", operations: ['issues.get'], routes: ['/issues/:id'] },
];

const chapters = [...templatePackages().values()].flatMap((pkg) =>
  pkg.handbooks.flatMap((handbook) => handbook.chapters.map((chapter) => ({ pkg: pkg.id, handbook: handbook.key, chapter }))),
);

describe('the handbooks promise only what the software does', () => {
  it('lists every sentence that sends people to the software, in every version and language', () => {
    const unlisted: string[] = [];
    for (const { pkg, handbook, chapter } of chapters) {
      for (const locale of ['zh', 'en'] as const) {
        for (const line of chapter.body[locale].split('\n')) {
          if (!PROMISE[locale].test(line)) continue;
          if (!passages.some((p) => p.chapter === chapter.key && line.includes(p.phrase)))
            unlisted.push(`${pkg} ${handbook}/${chapter.key} (${locale}): ${line.slice(0, 120)}`);
        }
      }
    }
    expect(unlisted).toEqual([]);
  });

  it('every listed sentence is still in a handbook', () => {
    for (const p of passages) {
      const found = chapters.some(
        ({ chapter }) => chapter.key === p.chapter && (chapter.body.zh.includes(p.phrase) || chapter.body.en.includes(p.phrase)),
      );
      expect(found, `${p.chapter}: ${p.phrase}`).toBe(true);
    }
  });

  it('each is served by an operation in the API document and a page of the web app', async () => {
    const doc = (await rawCall(PLATFORM, '/api/openapi.json')).json as { paths: Record<string, Record<string, { operationId?: string }>> };
    const operations = new Set(Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId)));
    const routes = new Set([...appSource.matchAll(/path="([^"]+)"/g)].map((m) => m[1]));
    for (const p of passages) {
      for (const op of p.operations ?? []) expect(operations.has(op), `${p.chapter}: ${op}`).toBe(true);
      for (const route of p.routes ?? []) expect(routes.has(route), `${p.chapter}: ${route}`).toBe(true);
      expect((p.operations ?? []).length + (p.routes ?? []).length, p.phrase).toBeGreaterThan(0);
    }
  });
});
