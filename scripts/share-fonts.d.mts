import type { Plugin } from 'vite';

export function parseUnicodeRange(text: string): [number, number][];
export function writeShareFonts(outDir: string): void;
export function shareFonts(): Plugin;
