import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeaveConfirmation } from '../../web/src/features/personal-data/leave-confirmation';
import { shownValue } from '../../web/src/features/personal-data/my-data';
import { withProviders } from './render';

afterEach(cleanup);

describe('the leave confirmation', () => {
  it('explains both choices, and leaves (keeping the data) only once the box is ticked', () => {
    const onConfirm = vi.fn();
    render(withProviders(() => <LeaveConfirmation onConfirm={onConfirm} />));
    expect(screen.getByText('只离开，保留我的数据')).toBeTruthy();
    expect(screen.getByText(/删除后无法恢复/)).toBeTruthy();
    const submit = screen.getByRole('button', { name: '确认离开' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('我明白离开后不再是本社区的成员'));
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    expect(onConfirm).toHaveBeenCalledWith(false);
  });

  it('deletes only when the phrase is typed as well', () => {
    const onConfirm = vi.fn();
    render(withProviders(() => <LeaveConfirmation onConfirm={onConfirm} />));
    fireEvent.click(screen.getByLabelText('离开并删除我的数据'));
    fireEvent.click(screen.getByLabelText('我明白离开后不再是本社区的成员'));
    const submit = screen.getByRole('button', { name: '离开并永久删除' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    const phrase = screen.getByLabelText('请输入“删除我的数据”以确认删除');
    fireEvent.input(phrase, { target: { value: '删除' } });
    expect(submit.disabled).toBe(true);
    fireEvent.input(phrase, { target: { value: '删除我的数据' } });
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    expect(onConfirm).toHaveBeenCalledWith(true);
  });

  it('speaks English to an English reader', () => {
    render(withProviders(() => <LeaveConfirmation onConfirm={() => {}} />, 'en'));
    fireEvent.click(screen.getByLabelText('Leave and delete my data'));
    expect(screen.getByLabelText('Type "delete my data" to confirm the deletion')).toBeTruthy();
  });
});

describe('my data as a reader sees it', () => {
  it("shows instants in the community's time zone and empty fields as a dash", () => {
    expect(shownValue('2026-03-01T02:30:00.000Z', 'en', 'Asia/Shanghai')).toMatch(/10:30/);
    expect(shownValue(null, 'zh-CN', 'Asia/Shanghai')).toBe('—');
    expect(shownValue(42, 'zh-CN', 'Asia/Shanghai')).toBe('42');
  });
});
