/** Meetings: the list, a meeting with its agenda, positions and minutes, and the governance bodies’ procedure, composed from the parts here. */
import type { Translation } from '../../../i18n/translation';
import * as governance from './governance';
import * as agenda from './meeting-agenda';
import * as discussion from './meeting-discussion';
import * as minutes from './meeting-minutes';
import * as voting from './meeting-voting';
import * as list from './meetings-list';
import * as states from './states';

export const zh = {
  ...states.zh,
  ...list.zh,
  meeting: { ...agenda.zh, ...discussion.zh, ...voting.zh, ...minutes.zh },
  ...governance.zh,
};

export const en: Translation<typeof zh> = {
  ...states.en,
  ...list.en,
  meeting: { ...agenda.en, ...discussion.en, ...voting.en, ...minutes.en },
  ...governance.en,
};
