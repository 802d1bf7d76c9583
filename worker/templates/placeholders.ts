/**
 * Fills a template text with one community's facts. Pure, so the web app's live preview renders
 * exactly what readers will see. A missing fact becomes a visible marker, never a blank or `{{…}}`.
 */

export type Locale = 'zh-CN' | 'en';

export interface CommunityFacts {
  name: { zh: string; en: string | null };
  city: string;
  district: string | null;
  households: number;
  foundedOn: string | null;
  surplusRatePercent: number | null;
  buildings: string[];
  contactsRequired: number;
  parties: Record<string, string | null>;
  programs: { key: string; name: { zh: string; en: string }; enabled: boolean }[];
  bodies: { key: string; name: { zh: string; en: string } }[];
}

const labels: Record<string, { zh: string; en: string }> = {
  'community.name': { zh: '社区名称', en: 'community name' },
  'community.city': { zh: '城市', en: 'city' },
  'community.district': { zh: '所在区/街道', en: 'district' },
  'community.households': { zh: '户数', en: 'number of households' },
  'community.founded_on': { zh: '互助会成立日期', en: "association's founding date" },
  'community.surplus_rate': { zh: '默认结余比例', en: 'default surplus rate' },
  'buildings.count': { zh: '楼栋数', en: 'number of buildings' },
  'buildings.list': { zh: '楼栋名单', en: 'list of buildings' },
  'buildings.contacts_required': { zh: '每栋联络人数', en: 'contacts per building' },
  'party.residents-committee': { zh: '居委会名称', en: "residents' committee name" },
  'party.owners-committee': { zh: '业委会名称', en: "owners' committee name" },
  'party.property-company': { zh: '物业公司名称', en: 'property company name' },
  'party.association': { zh: '互助会名称', en: 'association name' },
  'programs.enabled': { zh: '开展的互助项目', en: 'programs run' },
  'programs.enabled_count': { zh: '开展的项目数', en: 'number of programs run' },
};

export const PLACEHOLDER_PATTERN = /\{\{\s*([a-z_.-]+)\s*\}\}/g;

export function missingMarker(name: string, locale: Locale): string {
  const label = labels[name] ?? { zh: name, en: name };
  return locale === 'en' ? `(to be filled in: ${label.en})` : `（待填写：${label.zh}）`;
}

function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN').format(n);
}

/** The value of one placeholder, or null when the community has not given that fact. */
export function resolvePlaceholder(name: string, facts: CommunityFacts, locale: Locale): string | null {
  const pick = (text: { zh: string; en: string | null }) => (locale === 'en' && text.en ? text.en : text.zh);
  const list = (items: string[]) => items.join(locale === 'en' ? ', ' : '、');
  const [scope, key] = name.split('.', 2) as [string, string | undefined];
  switch (name) {
    case 'community.name':
      return pick(facts.name);
    case 'community.city':
      return facts.city || null;
    case 'community.district':
      return facts.district;
    case 'community.households':
      return facts.households > 0 ? formatNumber(facts.households, locale) : null;
    case 'community.founded_on':
      return facts.foundedOn;
    case 'community.surplus_rate':
      return facts.surplusRatePercent === null ? null : `${facts.surplusRatePercent}%`;
    case 'buildings.count':
      return facts.buildings.length > 0 ? String(facts.buildings.length) : null;
    case 'buildings.list':
      return facts.buildings.length > 0 ? list(facts.buildings) : null;
    case 'buildings.contacts_required':
      return String(facts.contactsRequired);
    case 'programs.enabled': {
      const names = facts.programs.filter((p) => p.enabled).map((p) => pick(p.name));
      return names.length > 0 ? list(names) : null;
    }
    case 'programs.enabled_count':
      return String(facts.programs.filter((p) => p.enabled).length);
  }
  if (!key) return null;
  if (scope === 'party') return facts.parties[key] ?? null;
  if (scope === 'program') {
    const program = facts.programs.find((p) => p.key === key);
    return program ? pick(program.name) : null;
  }
  if (scope === 'body') {
    const body = facts.bodies.find((b) => b.key === key);
    return body ? pick(body.name) : null;
  }
  return null;
}

/** Replaces every `{{ name }}`; unknown or missing facts become the visible marker. */
export function renderPlaceholders(text: string, facts: CommunityFacts, locale: Locale): string {
  return text.replace(PLACEHOLDER_PATTERN, (_, name: string) => resolvePlaceholder(name, facts, locale) ?? missingMarker(name, locale));
}

/** Placeholder names a text uses, for checking a template against the known ones. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1] as string);
}

export const programPlaceholderKeys = [
  'library',
  'charity-shop',
  'university',
  'kids-troupe',
  'little-architects',
  'sports',
  'salon',
  'community-helps-community',
  'elder-care',
];

/** Every placeholder name templates may use. */
export const knownPlaceholders = new Set([
  ...Object.keys(labels),
  ...programPlaceholderKeys.map((k) => `program.${k}`),
  ...['joint-meeting', 'professional-committees', 'building-groups', 'federation'].map((k) => `body.${k}`),
]);
