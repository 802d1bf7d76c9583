import type { Plugin } from 'vite';

export function keepLanguage(source: string, lang: 'zh-CN' | 'en', fileName?: string): string;
export function dictionaryLanguages(): Plugin;
