export interface FirstLoad {
  total: number;
  chunks: { file: string; source: string; gzip: number }[];
}
export function wordsOf(appSource: string, module: string): string[];
export function firstLoad(dist: string, module: string, lang: 'zh-CN' | 'en', appSource?: string): FirstLoad;
