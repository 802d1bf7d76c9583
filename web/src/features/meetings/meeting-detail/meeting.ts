import { api, request } from '../../../lib/api';
import type { ItemOutcome } from '../../../lib/coordination';

export const loadMeeting = (id: string) => request(api.api.meetings[':id'].$get({ param: { id } }));
export type Meeting = Awaited<ReturnType<typeof loadMeeting>>;
export type Item = Meeting['items'][number];
export type Voter = Meeting['voters'][number];

/** Outcomes after which positions can no longer change. */
export const FINAL: ItemOutcome[] = ['adopted', 'blocked'];

/** The route parameters of an agenda item's own calls. */
export const itemParams = (meeting: Meeting, item: Item) => ({ id: String(meeting.id), itemId: String(item.id) });

/** What every part of an agenda item is given; a part with fields also gets their id prefix, unique on the page. */
export interface ItemPartProps {
  item: Item;
  meeting: Meeting;
}
