/** Share of buildings with at least the contacts they need (the model asks for two). */
export function contactCoverage(buildings: { contacts: number; contactsRequired: number }[]) {
  const covered = buildings.filter((b) => b.contacts >= b.contactsRequired).length;
  const share = buildings.length === 0 ? 0 : Math.round((covered / buildings.length) * 1000) / 1000;
  return { buildings: buildings.length, covered, share };
}
