import { useMembership } from '../../components/member-gate';

/** Whether the reader is a librarian of this community, and whether they may change the library's settings and roster. */
export function useLibraryRoles() {
  const { member, isAdmin } = useMembership();
  const isLibrarian = () => member()?.roles.some((r) => r.role === 'librarian') ?? false;
  return { member, isAdmin, isLibrarian, isKeeper: () => isLibrarian() || isAdmin() };
}
