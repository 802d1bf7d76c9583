/** The joint meeting month by month: referred issues on the agenda, each party's stance, outcomes, minutes and action items. */
import { DAY, HOUR, iso, isoDate } from './calendar';
import type { Spokespeople } from './contacts';
import { blockReasons, objectReasons } from './issue-texts';
import type { IssueRun } from './issues';
import { PARTIES, type PartyKey } from './plan';
import { ADMIN, type Build } from './state';

/**
 * Holds the planned meetings; blocked and undecided items come back revised at the next one. Each decision moves its
 * issue on (decided, then carried out and relayed, or relayed with the reasons it was not adopted).
 */
export function holdJointMeetings(b: Build, issueRuns: IssueRun[], { repOf }: Spokespeople): void {
  const { plan, rng, rows, ids, dayOf, cutoff } = b;
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
}
