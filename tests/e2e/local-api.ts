import { request } from 'node:http';
import { hc } from 'hono/client';
import type { AppType } from '../../worker/app';
import { bodyOf, read } from '../client-response';

export { bodyOf, expectStatus, read } from '../client-response';

const NULL_BODY_STATUSES = [101, 204, 205, 304];

/** Sends one request to the local server from Node, which cannot resolve *.localhost: connect to 127.0.0.1 with a Host header. */
async function send(port: number, host: string, req: Request): Promise<Response> {
  const url = new URL(req.url);
  const payload = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
  const headers: Record<string, string> = {};
  req.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path: `${url.pathname}${url.search}`,
        method: req.method,
        headers: { ...headers, host: `${host}:${port}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const answered = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const one of [value ?? []].flat()) answered.append(name, one);
          }
          const status = res.statusCode ?? 0;
          resolve(new Response(NULL_BODY_STATUSES.includes(status) ? null : Buffer.concat(chunks), { status, headers: answered }));
        });
      },
    );
    outgoing.on('error', reject);
    if (payload) outgoing.write(payload);
    outgoing.end();
  });
}

/** The typed API client for `host` on the local server on `port`, optionally signed in with `token`. */
export function client(port: number, host: string, token?: string) {
  return hc<AppType>(`http://${host}`, {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => send(port, host, new Request(input, init)),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** A session token from the development provider, valid only on `host`. */
export async function tokenFor(port: number, host: string, userId: string, name: string): Promise<string> {
  return bodyOf(await read(client(port, host).api.dev['sign-in'].$post({ json: { userId, name } })), 200).token;
}

/** Signs up a community through the API and returns its slug. */
export async function createCommunity(port: number, founder: string, overrides: { template?: string } = {}) {
  const token = await tokenFor(port, 'localhost', founder, '管理员');
  const slug = `e2e-${Date.now().toString(36)}-${Math.floor(Math.random() * 1000)}`;
  const res = await read(
    client(port, 'localhost', token).api.communities.$post({
      json: {
        nameZh: '梧桐里',
        slug,
        city: '南京',
        households: 1200,
        buildings: 8,
        parties: { residentsCommittee: '梧桐社区居委会' },
        ...overrides,
      },
    }),
  );
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
  return slug;
}
