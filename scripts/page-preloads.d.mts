import type { Plugin } from 'vite';

export const LANGUAGES: readonly ['zh-CN', 'en'];
export interface AppRoute {
  host: 'platform' | 'community';
  path: string;
  component: string;
  module: string;
  features: string[];
}
export type PagePreloads = Record<'platform' | 'community', { path: string; files: Record<'zh-CN' | 'en', string[]> }[]>;
export function readRoutes(source: string): AppRoute[];
export function pagePreloads(routes: AppRoute[], manifest: Record<string, unknown>): PagePreloads;
export function pagePreloadsPlugin(): Plugin;
