import type { Translation } from '../../i18n/translation';

/** Appointing each party's representative, and answering an offer to be one. */
export const zh = {
  parties: {
    title: '各方代表',
    intro: '各方代表由管理员提名、本人接受后生效；一人同一时间只代表一方。管理员代表社区互助会。',
    appoint: '提名代表',
    appointLabel: '提名为{{ party }}代表',
    choose: '选择居民',
    offered: '已提名，等待本人接受',
    accepted: '现任代表',
    declined: '已婉拒',
    withdrawn: '已撤回',
    ended: '已卸任',
    remove: '卸任',
    none: '还没有代表',
    offersTitle: '请你担任代表',
    offer: '管理员提名你为{{ party }}代表。接受后，你可以在联席会议上记录该方的出席和表态。',
    accept: '接受',
    decline: '婉拒',
  },
};

export const en: Translation<typeof zh> = {
  parties: {
    title: "Parties' representatives",
    intro:
      'An administrator proposes a representative, who takes it up by accepting; one person speaks for one party at a time. Administrators speak for the association.',
    appoint: 'Propose',
    appointLabel: 'Propose as representative of {{ party }}',
    choose: 'Choose a resident',
    offered: 'Proposed, waiting for them to accept',
    accepted: 'Representative',
    declined: 'Declined',
    withdrawn: 'Withdrawn',
    ended: 'Stepped down',
    remove: 'End term',
    none: 'No representative yet',
    offersTitle: 'You are asked to represent a party',
    offer:
      'An administrator proposes you as representative of {{ party }}. Once you accept, you record its attendance and positions at the joint meeting.',
    accept: 'Accept',
    decline: 'Decline',
  },
};
