/** A size in bytes as people read it: "812 KB", "3.4 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** How long ago an instant was, in the largest whole unit: "3 小时" / "3 hours". */
export function ageText(iso: string, locale: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  const format = (value: number, unit: Intl.NumberFormatOptions['unit']) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  if (seconds < 60) return format(seconds, 'second');
  if (seconds < 3600) return format(Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return format(Math.floor(seconds / 3600), 'hour');
  return format(Math.floor(seconds / 86_400), 'day');
}
