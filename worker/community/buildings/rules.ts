/** Share of buildings with at least the contacts they need (the model asks for two). */
export function contactCoverage(buildings: { contacts: number; contactsRequired: number }[]) {
  const covered = buildings.filter((b) => b.contacts >= b.contactsRequired).length;
  const share = buildings.length === 0 ? 0 : Math.round((covered / buildings.length) * 1000) / 1000;
  return { buildings: buildings.length, covered, share };
}

/** An offer to serve is confirmed by someone else: nobody confirms their own (a conflict of interest, not a role). */
export function confirmationProblem(applicantId: number, deciderId: number): string | null {
  return applicantId === deciderId ? 'Someone else confirms your own offer' : null;
}
