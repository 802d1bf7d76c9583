import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ChildEnrolmentBody, ChildEnrolment, enrolChild } from '../../web/src/features/courses/child-enrolment';
import { storeSessionToken } from '../../web/src/lib/session-token';
import { jsonResponse, withProviders } from './render';

vi.setConfig({ testTimeout: 20_000 });

let posted: { path: string; body: unknown }[] = [];

beforeEach(() => {
  posted = [];
  storeSessionToken('test-token');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://community.localhost'), init);
      const path = new URL(request.url).pathname;
      if (request.method === 'POST') {
        posted.push({ path, body: await request.json() });
        return jsonResponse({ id: 9, childName: '王小禾', status: 'enrolled', feeFen: 0 }, 201);
      }
      return jsonResponse({ children: [{ id: 3, name: '王小禾', birthMonth: '2016-05' }], signups: [] }, 200);
    }),
  );
});
afterEach(() => {
  cleanup();
  storeSessionToken(null);
  vi.unstubAllGlobals();
});

describe("the course's child enrolment form", () => {
  it('enrols only with consent ticked, sending the child from 我的孩子, the emergency contact and the allergies', async () => {
    const enrolled: string[] = [];
    const enrol = async (json: ChildEnrolmentBody, name: string) => {
      await enrolChild(12, json);
      enrolled.push(name);
    };
    render(withProviders(() => <ChildEnrolment courseId={12} enrol={enrol} />));
    fireEvent.change(await screen.findByLabelText('孩子'), { target: { value: '3' } });
    fireEvent.input(screen.getByLabelText('紧急联系人姓名'), { target: { value: '王奶奶' } });
    fireEvent.input(screen.getByLabelText('紧急联系人电话'), { target: { value: '13912340001' } });
    fireEvent.input(screen.getByLabelText('过敏或需要注意的事（可不填）'), { target: { value: '对芒果过敏' } });
    const submit = screen.getByRole('button', { name: '为孩子报名' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('我是这个孩子的监护人，同意孩子参加本课程'));
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      path: '/api/courses/12/enrolments',
      body: { childId: 3, consent: true, emergencyName: '王奶奶', emergencyPhone: '13912340001', needsNote: '对芒果过敏' },
    });
    expect(enrolled).toEqual(['王小禾']);
  });
});
