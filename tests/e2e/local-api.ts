import { request } from 'node:http';

/** Calls the local server from Node, which cannot resolve *.localhost: connect to 127.0.0.1 with a Host header. */
export function api(port: number, host: string, path: string, options: { method?: string; body?: unknown; token?: string } = {}) {
  return new Promise<{ status: number; json: any }>((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? (payload ? 'POST' : 'GET'),
        headers: {
          host: `${host}:${port}`,
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: data ? JSON.parse(data) : null }));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Signs up a community through the API and returns its slug. */
export async function createCommunity(port: number, founder: string, overrides: Record<string, unknown> = {}) {
  const { json } = await api(port, 'localhost', '/api/dev/sign-in', { body: { userId: founder, name: '管理员' } });
  const slug = `e2e-${Date.now().toString(36)}-${Math.floor(Math.random() * 1000)}`;
  const res = await api(port, 'localhost', '/api/communities', {
    token: json.token,
    body: {
      nameZh: '梧桐里',
      slug,
      city: '南京',
      households: 1200,
      buildings: 8,
      parties: { residentsCommittee: '梧桐社区居委会' },
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.json)}`);
  return slug;
}
