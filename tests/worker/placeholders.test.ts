import { describe, expect, it } from 'vitest';
import { type CommunityFacts, renderPlaceholders } from '../../worker/templates/placeholders';

const facts: CommunityFacts = {
  name: { zh: '翠竹园', en: 'Cuizhuyuan' },
  city: '南京',
  district: null,
  households: 3000,
  foundedOn: null,
  surplusRatePercent: 8,
  buildings: ['1栋', '2栋', '3栋'],
  contactsRequired: 2,
  parties: {
    'residents-committee': '翠竹园社区居委会',
    'owners-committee': null,
    'property-company': '物业服务中心',
    association: '翠竹园社区互助会',
  },
  programs: [
    { key: 'library', name: { zh: '明志书屋', en: 'Mingzhi Library' }, enabled: true },
    { key: 'salon', name: { zh: '社区沙龙', en: 'Salon' }, enabled: false },
  ],
  bodies: [{ key: 'joint-meeting', name: { zh: '四方圆桌会', en: 'Round table' } }],
};

describe('renderPlaceholders', () => {
  it("fills in the community's facts", () => {
    expect(
      renderPlaceholders('{{community.name}}有{{community.households}}户、{{buildings.count}}栋楼：{{buildings.list}}。', facts, 'zh-CN'),
    ).toBe('翠竹园有3,000户、3栋楼：1栋、2栋、3栋。');
    expect(renderPlaceholders('{{ party.association }} · {{community.surplus_rate}}', facts, 'zh-CN')).toBe('翠竹园社区互助会 · 8%');
  });

  it('uses English names in English text', () => {
    expect(renderPlaceholders('Welcome to {{community.name}}: {{programs.enabled}}', facts, 'en')).toBe(
      'Welcome to Cuizhuyuan: Mingzhi Library',
    );
  });

  it('follows renamed programs and bodies, and lists only enabled programs', () => {
    expect(renderPlaceholders('{{program.library}}；{{body.joint-meeting}}；{{programs.enabled_count}}', facts, 'zh-CN')).toBe(
      '明志书屋；四方圆桌会；1',
    );
  });

  it('marks a missing fact visibly, never blank and never as raw braces', () => {
    const zh = renderPlaceholders(
      '成立于{{community.founded_on}}，业委会：{{party.owners-committee}}，区：{{community.district}}',
      facts,
      'zh-CN',
    );
    expect(zh).toBe('成立于（待填写：互助会成立日期），业委会：（待填写：业委会名称），区：（待填写：所在区/街道）');
    expect(renderPlaceholders('{{community.founded_on}}', facts, 'en')).toBe("(to be filled in: association's founding date)");
  });

  it('marks an unknown placeholder instead of leaking it', () => {
    const text = renderPlaceholders('{{no.such_thing}} {{program.nonexistent}}', facts, 'zh-CN');
    expect(text).not.toContain('{{');
    expect(text).toContain('（待填写：no.such_thing）');
  });
});
