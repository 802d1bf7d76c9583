import { isErasedParticipant } from '../../../../worker/community/retention/rules';

/** A participant's name as shown: a child's name erased by the retention pass (`#<id>`) reads as `erased`. */
export const nameOrErased = (name: string, erased: string) => (isErasedParticipant(name) ? erased : name);
