import { formatYuan } from './budget';

/** Integer fen as yuan with two decimals: 4329 → "¥43.29", −500 → "−¥5.00". */
export function yuan(fen: number): string {
  return `${fen < 0 ? '−' : ''}¥${formatYuan(Math.abs(Math.round(fen)))}`;
}

/** Yuan as typed ("43.29", "43", "43.5") to integer fen; null when it is not a non-negative amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  const value = text.trim().replace(/^¥/, '').replace(/,/g, '');
  if (!/^\d{1,7}(\.\d{0,2})?$/.test(value)) return null;
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Fen as the plain number a yuan input shows ("43.29"). */
export function yuanInput(fen: number): string {
  return formatYuan(fen);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value (local wall time) as ISO 8601 with this device's offset, e.g. 2025-06-01T19:00:00+08:00. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An ISO time as a `datetime-local` value in this device's time zone. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today's local date as YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "6月1日周日 19:00" / "Sun, Jun 1, 19:00". */
export function formatWhen(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale, {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/** A start and end, with the end's date left out when it is the same day. */
export function formatRange(startIso: string, endIso: string, locale: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const sameDay = start.toDateString() === end.toDateString();
  const endText = sameDay ? formatTime(endIso, locale) : formatWhen(endIso, locale);
  return `${formatWhen(startIso, locale)} – ${endText}`;
}

/** "14:06". */
export function formatTime(iso: string, locale: string): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
}

export function formatDate(iso: string, locale: string): string {
  return new Date(iso).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}
