import type { Translation } from '../../i18n/translation';

/** The administrators' consent window on a club proposal or an activity budget, and the rule in the settings. */
export const zh = {
  consent: {
    title: '互助会意见征询',
    intro: '所有互助会管理员都会收到征询；{{ days }} 天内无人反对即视为同意。有反对时，提议人修改后重新征询。',
    status_waiting: '征询中',
    status_blocked: '有反对，待修改',
    status_approved: '已通过（无人反对）',
    deadline: '截止：{{ when }}',
    asked: '征询对象',
    objections: '反对意见',
    noObjections: '暂无反对意见。',
    resolution_revised: '已修改回应',
    resolution_withdrawn: '已撤回',
    reason: '反对理由',
    object: '提出反对',
    withdraw: '撤回反对',
    settingsTitle: '互助会的决策方式',
    rule_single: '一位管理员批准即可',
    rule_consent: '全体管理员征询：有人反对即暂停，无人反对到期即通过',
    days: '征询天数',
    daysHelp: '只有一位管理员时，按一人批准处理。',
  },
};

export const en: Translation<typeof zh> = {
  consent: {
    title: "The association's consent",
    intro:
      'Every association administrator is asked; silence for {{ days }} days is consent. After an objection the proposer revises and the window starts again.',
    status_waiting: 'Asking',
    status_blocked: 'Objected; waiting for a revision',
    status_approved: 'Approved (no objection)',
    deadline: 'Until {{ when }}',
    asked: 'Asked',
    objections: 'Objections',
    noObjections: 'No objections.',
    resolution_revised: 'Answered by a revision',
    resolution_withdrawn: 'Withdrawn',
    reason: 'Why you object',
    object: 'Object',
    withdraw: 'Withdraw my objection',
    settingsTitle: 'How the association decides',
    rule_single: 'One administrator approves',
    rule_consent: 'All administrators by consent: an objection pauses it, silence approves at the deadline',
    days: 'Days to object',
    daysHelp: 'With a single administrator it is their approval.',
  },
};
