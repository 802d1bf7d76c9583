/**
 * The development identity provider: it signs Clerk-shaped RS256 session tokens with a local key,
 * which then pass through the same `verifyToken` as production tokens. `readConfig` refuses
 * AUTH_MODE=dev unless the platform runs on localhost, and the sign-in route checks the host again.
 */

export interface DevPersona {
  userId: string;
  nameZh: string;
  nameEn: string;
  roleZh: string;
  roleEn: string;
}

/** Demo people seeded by `npm start`; all invented. */
export const devPersonas: DevPersona[] = [
  { userId: 'demo-resident', nameZh: '王小雨', nameEn: 'Wang Xiaoyu', roleZh: '居民', roleEn: 'Resident' },
  { userId: 'demo-contact', nameZh: '李建国', nameEn: 'Li Jianguo', roleZh: '楼栋联络人', roleEn: 'Building contact' },
  { userId: 'demo-club-founder', nameZh: '陈思远', nameEn: 'Chen Siyuan', roleZh: '社团发起人', roleEn: 'Club founder' },
  { userId: 'demo-party-rep', nameZh: '赵敏', nameEn: 'Zhao Min', roleZh: '业委会代表', roleEn: "Owners' committee representative" },
  { userId: 'demo-admin', nameZh: '周明', nameEn: 'Zhou Ming', roleZh: '互助会管理员', roleEn: 'Association admin' },
  { userId: 'demo-operator', nameZh: '孙运营', nameEn: 'Sun Yunying', roleZh: '平台运营', roleEn: 'Platform operator' },
  { userId: 'demo-consultant', nameZh: '顾问林', nameEn: 'Lin Guwen', roleZh: '顾问', roleEn: 'Consultant' },
];

function base64url(data: ArrayBuffer | Uint8Array | string): string {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function pemToDer(pem: string): ArrayBuffer {
  const body = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

const keyCache = new Map<string, Promise<CryptoKey>>();

function importSigningKey(privateKeyPem: string): Promise<CryptoKey> {
  let key = keyCache.get(privateKeyPem);
  if (!key) {
    key = crypto.subtle.importKey('pkcs8', pemToDer(privateKeyPem), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    keyCache.set(privateKeyPem, key);
  }
  return key;
}

export interface DevTokenClaims {
  userId: string;
  name: string;
  /** The origin the token is for; verification accepts it only there. */
  origin: string;
  /** Seconds from now; negative values make expired tokens for tests. */
  expiresIn?: number;
}

/** Signs a session token shaped like Clerk's (sub, sid, azp, iat, nbf, exp). */
export async function signDevToken(privateKeyPem: string, claims: DevTokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = claims.expiresIn ?? 8 * 3600;
  const header = { alg: 'RS256', typ: 'JWT', kid: 'huzhu-dev' };
  const payload = {
    iss: 'https://dev-identity.huzhu.localhost',
    sub: claims.userId,
    sid: `sess_dev_${crypto.randomUUID()}`,
    azp: claims.origin,
    name: claims.name,
    iat: now - 5,
    nbf: now - 5,
    exp: now + expiresIn,
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const key = await importSigningKey(privateKeyPem);
  const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64url(signature)}`;
}
