import { describe, expect, it } from 'vitest';
import { eventTexts, type NotificationEvent, renderEvent } from '../../worker/community/notifications/events';
import { eventKinds } from '../../worker/community/notifications/rules';

const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Every string inside a sample's params: what the member wrote, in whatever language they wrote it. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('every kind of notification has its words in both languages', () => {
  it('the catalogue of texts names exactly the kinds there are', () => {
    expect(Object.keys(eventTexts).sort()).toEqual([...eventKinds].sort());
  });

  it.each([...eventKinds])('%s renders its sample in Chinese and in English', (kind) => {
    const sample = eventTexts[kind].sample;
    const text = renderEvent({ kind, params: sample } as NotificationEvent);
    for (const t of [text.zh, text.en]) {
      expect(t.trim()).not.toBe('');
      expect(t).not.toMatch(/undefined|null|\[object/);
    }
    expect(text.zh).toMatch(cjk);
    // The English words are English; names and titles the sample carries may be Chinese.
    let en = text.en;
    for (const s of strings(sample).sort((a, b) => b.length - a.length)) en = en.split(s).join('');
    expect(en).not.toMatch(cjk);
  });
});
