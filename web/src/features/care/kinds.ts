import { useMembership } from '../../components/member-gate';

/** The lists the API names; kept here so the pages need not load the server's schema. */
export const needKinds = ['companionship', 'shopping', 'phone-help', 'clinic-escort', 'meals', 'housework'] as const;
export const consentWays = ['in-person', 'phone', 'written'] as const;
export type NeedKind = (typeof needKinds)[number];

/** Whether the reader coordinates elder care (appointed, or an association administrator), and whether they are a building contact. */
export function useCareRoles() {
  const { member, isAdmin } = useMembership();
  const isCoordinator = () => isAdmin() || (member()?.roles.some((r) => r.role === 'care-coordinator') ?? false);
  const isContact = () => member()?.roles.some((r) => r.role === 'building-contact') ?? false;
  return { member, isCoordinator, isContact };
}

/** Minutes as hours with at most two decimals. */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
