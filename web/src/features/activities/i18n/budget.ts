/** The AA budget breakdown: costs, surplus target, the fee per person and its exceptions. */
import type { Translation } from '../../../i18n/translation';

export const zh = {
  budget: {
    title: 'AA 费用测算',
    principle: '公益不是免费：参与者分摊费用，再留一点结余，让社团能长久办下去。',
    lines: '费用明细',
    item: '项目',
    amount: '金额',
    costs: '费用合计',
    surplusTarget: '结余目标（{{ rate }}%）',
    target: '需要收回',
    fee: '每人费用',
    feeRule: '{{ target }} ÷ {{ people }} 人 = {{ exact }}，向上取整为 {{ fee }}',
    income: '按预计 {{ people }} 人的收入',
    surplus: '预计结余',
    breakEven: '保本人数',
    people: '{{ count }} 人',
    lowered: '本次收费 {{ fee }}，低于测算的 {{ derived }}。',
    noParticipants: '还没有预计人数，费用无法分摊。请填写预计人数，或记录例外原因。',
    doesNotCover: '收费不足以覆盖费用和结余目标，需要记录例外原因（例如由社团基金补贴）才能批准。',
    exception: '例外原因：{{ reason }}',
  },
};

export const en: Translation<typeof zh> = {
  budget: {
    title: 'Shared-cost (AA) budget',
    principle: 'Community service is not free: participants share the costs, plus a small surplus so the club can keep going.',
    lines: 'Cost lines',
    item: 'Item',
    amount: 'Amount',
    costs: 'Total costs',
    surplusTarget: 'Surplus target ({{ rate }}%)',
    target: 'To recover',
    fee: 'Fee per person',
    feeRule: '{{ target }} ÷ {{ people }} people = {{ exact }}, rounded up to {{ fee }}',
    income: 'Income at the expected {{ people }} people',
    surplus: 'Expected surplus',
    breakEven: 'Break-even participants',
    people: '{{ count }} people',
    lowered: 'The fee charged, {{ fee }}, is below the {{ derived }} the rule gives.',
    noParticipants:
      'Nobody is expected yet, so the costs cannot be shared. Give the expected number of participants, or record an exception.',
    doesNotCover:
      'The fees do not cover the costs plus the surplus target; an exception (e.g. paid from the club fund) must be recorded before it can be approved.',
    exception: 'Exception: {{ reason }}',
  },
};
