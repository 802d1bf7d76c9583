import { describe, expect, it } from 'vitest';
import {
  addDays,
  cardNumberOf,
  erasureCutoff,
  holdLapsed,
  holdUntil,
  instantAt,
  isbn10CheckDigit,
  isbn13CheckDigit,
  lastMonths,
  loanHistoryVisible,
  monthSlots,
  nextInQueue,
  normaliseIsbn,
  onTimeRate,
  reminderStage,
  renewalProblem,
  rosterMonthProblem,
} from '../../worker/community/library/rules';

describe('ISBN check digits', () => {
  it('computes the ISBN-13 and ISBN-10 check digits of real books', () => {
    expect(isbn13CheckDigit('978030640615')).toBe('7'); // 978-0-306-40615-7
    expect(isbn13CheckDigit('978702002220')).toBe('5'); // 978-7-02-002220-5
    expect(isbn10CheckDigit('030640615')).toBe('2'); // 0-306-40615-2
    expect(isbn10CheckDigit('080442957')).toBe('X'); // 0-8044-2957-X
  });

  it('accepts a valid ISBN-13 or ISBN-10 with hyphens and gives its 13 digits; refuses a wrong check digit', () => {
    expect(normaliseIsbn('978-7-02-002220-5')).toBe('9787020022205');
    expect(normaliseIsbn('0-306-40615-2')).toBe('9780306406157');
    expect(normaliseIsbn('080442957x')).toBe('9780804429573');
    expect(normaliseIsbn('9787020022207')).toBeNull();
    expect(normaliseIsbn('0-306-40615-3')).toBeNull();
    expect(normaliseIsbn('1234567890123')).toBeNull(); // not a 978/979 book number
    expect(normaliseIsbn('红楼梦')).toBeNull();
  });
});

describe('loans', () => {
  it('sends the due-soon reminder two days ahead, overdue the day after, long-overdue after two weeks', () => {
    expect(reminderStage('2025-03-10', '2025-03-07')).toBe(0);
    expect(reminderStage('2025-03-10', '2025-03-08')).toBe(1);
    expect(reminderStage('2025-03-10', '2025-03-10')).toBe(1);
    expect(reminderStage('2025-03-10', '2025-03-11')).toBe(2);
    expect(reminderStage('2025-03-10', '2025-03-24')).toBe(2);
    expect(reminderStage('2025-03-10', '2025-03-25')).toBe(3);
  });

  it('renews once, and not while someone waits for the title', () => {
    expect(renewalProblem({ renewals: 0, returned: false, reservedByOthers: false })).toBeNull();
    expect(renewalProblem({ renewals: 1, returned: false, reservedByOthers: false })).toMatch(/once/);
    expect(renewalProblem({ renewals: 0, returned: false, reservedByOthers: true })).toMatch(/waiting/);
    expect(renewalProblem({ renewals: 0, returned: true, reservedByOthers: false })).toMatch(/returned/);
  });

  it('keeps a returned copy for three days, then passes it to the longest-waiting reservation', () => {
    const returned = Date.parse('2025-05-01T10:00:00Z');
    const until = holdUntil(returned, 3);
    expect(until).toBe('2025-05-04T10:00:00.000Z');
    expect(holdLapsed(until, returned + 3 * 86400_000 - 1)).toBe(false);
    expect(holdLapsed(until, returned + 3 * 86400_000)).toBe(true);
    const queue = [
      { id: 7, status: 'waiting', createdAt: '2025-04-02T00:00:00Z' },
      { id: 3, status: 'expired', createdAt: '2025-04-01T00:00:00Z' },
      { id: 5, status: 'waiting', createdAt: '2025-04-02T00:00:00Z' },
      { id: 9, status: 'waiting', createdAt: '2025-04-03T00:00:00Z' },
    ];
    expect(nextInQueue(queue)?.id).toBe(5);
    expect(nextInQueue(queue.filter((r) => r.id !== 5))?.id).toBe(7);
    expect(nextInQueue([{ id: 1, status: 'fulfilled', createdAt: '2025-01-01' }])).toBeNull();
  });

  it('shows a borrower’s history to them and to librarians only', () => {
    expect(loanHistoryVisible({ memberId: 4, librarian: false }, 4)).toBe(true);
    expect(loanHistoryVisible({ memberId: 5, librarian: false }, 4)).toBe(false);
    expect(loanHistoryVisible({ memberId: 5, librarian: true }, 4)).toBe(true);
    expect(loanHistoryVisible(null, 4)).toBe(false);
    // An erased loan has no borrower to show to anyone.
    expect(loanHistoryVisible({ memberId: 5, librarian: true }, null)).toBe(false);
  });

  it('erases N calendar months after the return', () => {
    expect(erasureCutoff(Date.parse('2025-08-15T03:00:00Z'), 6)).toBe('2025-02-15T03:00:00.000Z');
  });

  it('reads a card number from the QR text or the typed digits, and nothing else', () => {
    expect(cardNumberOf('HZLIB:1234567890')).toBe('1234567890');
    expect(cardNumberOf(' 12345 67890 ')).toBe('1234567890');
    expect(cardNumberOf('9787020022205')).toBeNull();
    expect(cardNumberOf('HZLIB:12')).toBeNull();
  });

  it('rounds the on-time rate and has none without returns', () => {
    expect(onTimeRate(0, 0)).toBeNull();
    expect(onTimeRate(3, 2)).toBe(67);
  });
});

describe("the duty roster on the community's clock", () => {
  it('turns a weekly pattern into the month’s slots in Shanghai time', () => {
    const slots = monthSlots('2025-06', [{ weekday: 6, startsAt: '09:00', endsAt: '11:00' }], 'Asia/Shanghai');
    expect(slots).toHaveLength(4); // Saturdays 7, 14, 21, 28 June 2025
    expect(slots[0]).toEqual({ startsAt: '2025-06-07T01:00:00.000Z', endsAt: '2025-06-07T03:00:00.000Z' });
  });

  it('keeps the wall-clock time across a change of summer time', () => {
    expect(instantAt('2025-03-29', '10:00', 'Europe/Berlin')).toBe('2025-03-29T09:00:00.000Z');
    expect(instantAt('2025-03-31', '10:00', 'Europe/Berlin')).toBe('2025-03-31T08:00:00.000Z');
  });

  it('publishes for this month or the next only', () => {
    expect(rosterMonthProblem('2025-12', '2025-11-20')).toBeNull();
    expect(rosterMonthProblem('2025-11', '2025-11-20')).toBeNull();
    expect(rosterMonthProblem('2026-01', '2025-11-20')).not.toBeNull();
    expect(rosterMonthProblem('2025-10', '2025-11-20')).not.toBeNull();
    expect(rosterMonthProblem('2026-01', '2025-12-31')).toBeNull();
  });

  it('lists the last twelve months oldest first, and adds days across months', () => {
    expect(lastMonths('2025-02-10', 12)).toEqual([
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(addDays('2025-01-31', 30)).toBe('2025-03-02');
  });
});
