import type { Translation } from '../../i18n/translation';

/** Setting up, staffing and closing committees and working groups. */
export const zh = {
  committeeAdmin: {
    newTitle: '成立委员会或工作组',
    name: '名称',
    kind: '类型',
    remit: '职责范围',
    endsOn: '结束日期',
    create: '成立',
    expertName: '外部专家姓名',
    resident: '加入委员会的居民',
    chooseResident: '请选择居民',
    addResident: '加入委员会',
    expertise: '专长或身份（如律师、社工）',
    addExpert: '添加专家',
    closeNamed: '结束“{{ name }}”',
    removeNamed: '移出{{ name }}',
    closedTitle: '已结束的委员会和工作组',
    closedOn: '{{ date }} 结束',
  },
};

export const en: Translation<typeof zh> = {
  committeeAdmin: {
    newTitle: 'Set up a committee or working group',
    name: 'Name',
    kind: 'Kind',
    remit: 'Remit',
    endsOn: 'End date',
    create: 'Set up',
    expertName: "Outside expert's name",
    resident: 'Resident to seat',
    chooseResident: 'Choose a resident',
    addResident: 'Seat on the committee',
    expertise: 'Expertise or role (e.g. lawyer, social worker)',
    addExpert: 'Add expert',
    closeNamed: 'Close “{{ name }}”',
    removeNamed: 'Remove {{ name }}',
    closedTitle: 'Closed committees and working groups',
    closedOn: 'closed {{ date }}',
  },
};
