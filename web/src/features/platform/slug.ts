/** Suggests an address from a community's name: pinyin for Chinese, kept to a–z, 0–9 and hyphens. */
export async function suggestSlug(name: string): Promise<string> {
  const { pinyin } = await import('pinyin-pro');
  const syllables = pinyin(name.trim(), { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return normaliseSlug(syllables.join(''));
}

export function normaliseSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 32)
    .replace(/-$/, '');
}
