import { describe, expect, it } from 'vitest';
import { type ProgramFigureSource, toolFigures } from '../../worker/community/programs/figures';
import {
  commonProgramFigures,
  lastMonths,
  monthIn,
  monthsWindow,
  programTool,
  templateSectionMarkdown,
} from '../../worker/community/programs/rules';
import type { TenantDb } from '../../worker/db/client';

describe('months on the community calendar', () => {
  it('places an instant in the month of its time zone, not of UTC', () => {
    expect(monthIn('2026-03-31T17:00:00Z', 'Asia/Shanghai')).toBe('2026-04');
    expect(monthIn('2026-03-31T17:00:00Z', 'UTC')).toBe('2026-03');
    expect(monthIn('2026-04-01T03:00:00Z', 'America/Los_Angeles')).toBe('2026-03');
  });

  it('gives the twelve months up to the current one, oldest first, across a year end', () => {
    const months = lastMonths(new Date('2026-12-31T18:00:00Z'), 'Asia/Shanghai', 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-02');
    expect(months.at(-1)).toBe('2027-01');
    expect(lastMonths(new Date('2026-03-15T00:00:00Z'), 'UTC', 3)).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('reads a window wide enough for any offset', () => {
    expect(monthsWindow(['2026-01', '2026-02'])).toEqual({ from: '2025-12-31T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' });
  });
});

describe("a program's common figures", () => {
  const months = ['2026-03', '2026-04'];
  it('counts activities, participants and clubs by month in the time zone, and hours by the date served', () => {
    const figures = commonProgramFigures(
      [
        { startsAt: '2026-03-31T17:00:00Z', clubId: 1, participants: 12 },
        { startsAt: '2026-04-10T02:00:00Z', clubId: 1, participants: 8 },
        { startsAt: '2026-04-11T02:00:00Z', clubId: null, participants: 30 },
        { startsAt: '2026-03-10T02:00:00Z', clubId: 2, participants: 5 },
        { startsAt: '2026-02-27T02:00:00Z', clubId: 2, participants: 5 },
      ],
      [
        { servedOn: '2026-04-02', minutes: 90 },
        { servedOn: '2026-04-20', minutes: 40 },
        { servedOn: '2026-05-01', minutes: 600 },
      ],
      months,
      'Asia/Shanghai',
    );
    const by = Object.fromEntries(figures.map((f) => [f.key, f.values]));
    expect(by.activitiesHeld).toEqual({ '2026-03': 1, '2026-04': 3 });
    expect(by.participants).toEqual({ '2026-03': 5, '2026-04': 50 });
    expect(by.activeClubs).toEqual({ '2026-03': 1, '2026-04': 1 });
    expect(by.volunteerHours).toEqual({ '2026-03': 0, '2026-04': 2.2 });
    expect(figures.find((f) => f.key === 'volunteerHours')?.unit).toBe('hours');
  });

  it('adds only the figures of sources registered for the program', async () => {
    const source = (programKey: string, key: string): ProgramFigureSource => ({
      programKey,
      reads: (_db, ms) => ({
        statements: [],
        figures: () => [{ key, labelZh: key, labelEn: key, unit: 'count', values: Object.fromEntries(ms.map((m) => [m, 1])) }],
      }),
    });
    const db = {} as TenantDb;
    const sources = [source('library', 'loans'), source('charity-shop', 'sales'), source('library', 'newBooks')];
    const figures = await toolFigures(db, 'library', months, 'Asia/Shanghai', sources);
    expect(figures.map((f) => f.key)).toEqual(['loans', 'newBooks']);
    expect(await toolFigures(db, 'salon', months, 'Asia/Shanghai', sources)).toEqual([]);
  });
});

describe("a program's text and tool", () => {
  const program = { purpose: '让邻居相识', roles: ['馆员', '编目'], howToRun: ['找房间', '招馆员'], measures: ['借阅量'] };
  it("writes the template's sections as Markdown: a paragraph, lists, and numbered steps", () => {
    expect(templateSectionMarkdown(program, 'purpose')).toBe('让邻居相识');
    expect(templateSectionMarkdown(program, 'roles')).toBe('- 馆员\n- 编目');
    expect(templateSectionMarkdown(program, 'how-to-run')).toBe('1. 找房间\n2. 招馆员');
    expect(templateSectionMarkdown(program, 'measures')).toBe('- 借阅量');
  });

  it('links the library, the shop and the needs register to their tools, and no other program', () => {
    expect(programTool('library')).toBe('/library');
    expect(programTool('charity-shop')).toBe('/shop');
    expect(programTool('community-helps-community')).toBe('/needs');
    expect(programTool('sports')).toBeNull();
  });
});
