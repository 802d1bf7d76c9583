/** Bindings and variables of the Worker, as declared in wrangler.toml and set as secrets. */
export interface Bindings {
  PLATFORM_DB: D1Database;
  ASSETS: Fetcher;
  /** Photos and receipts; keys start with the community's id. */
  MEDIA: R2Bucket;
  /** The communities' daily backups (`backups/<communityId>/<day>.zip`) and their chunks while a run writes them. */
  BACKUPS: R2Bucket;
  /** Advances each community's backup one chunk per message. */
  BACKUP_QUEUE: Queue<import('./platform/backups/runs').BackupMessage>;
  /** `manual`: the crons neither start nor resume backup runs; only an operator (or a test) does (the worker tests set it). */
  BACKUP_TRIGGER?: string;
  /** Fans the metric snapshot work out a few communities at a time. */
  METRICS_QUEUE: Queue<import('./metrics/snapshots').MetricsMessage>;
  /** Carries notifications out of the app: delivery runs per community, and the sending of big digest runs. */
  DELIVERY_QUEUE: Queue<import('./community/notifications/delivery-queue').DeliveryMessage>;
  /** Steps of large community exports (worker/community/archive/queue.ts). */
  ARCHIVE_QUEUE: Queue<import('./community/archive/queue').ArchiveMessage>;
  /** Web Push (VAPID): the application server's key pair, base64url (public: 65-byte point; private: 32-byte scalar). */
  VAPID_PUBLIC_KEY?: string;
  VAPID_PRIVATE_KEY?: string;
  /** Who the push services may contact about this sender, e.g. `mailto:ops@example.org`. */
  VAPID_SUBJECT?: string;
  /** Email: `capture` keeps every message in the outbox for /dev/mailbox (the default locally); `http` posts it to EMAIL_API_URL. */
  EMAIL_MODE?: string;
  EMAIL_API_URL?: string;
  EMAIL_API_KEY?: string;
  EMAIL_FROM?: string;
  /** `manual`: delivery runs only when asked or on the hourly tick, not after each write (the worker tests set it). */
  DELIVERY_TRIGGER?: string;
  /** The platform's own host name, e.g. `huzhu.example.org`; `localhost` locally. */
  PLATFORM_HOST: string;
  AUTH_MODE: string;
  /** Clerk's PEM public key, for networkless verification of session tokens. */
  CLERK_JWT_KEY?: string;
  CLERK_PUBLISHABLE_KEY?: string;
  /** Development identity provider only: the PKCS#8 PEM private key that signs its tokens. */
  DEV_JWT_PRIVATE_KEY?: string;
  /** The operator page warns when fewer pool databases than this are free (a whole number; 5 when unset). */
  POOL_WARN_BELOW?: string;
  /** How many free databases each Worker keeps prepared for sign-ups (worker/tenancy/warm-pool.ts; 20 when unset). */
  WARM_POOL_TARGET?: string;
  /**
   * Unset (or `main`) when one Worker serves everything. Behind the router (worker/router/), this shard's name
   * (`shard-1`…): it then serves only requests the router forwarded to it by that name, and only its own databases.
   */
  SHARD_NAME?: string;
  /** Rate limits on starting a community, per account and per client address (`worker/http/rate-limit.ts`). */
  SIGNUP_ACCOUNT_LIMITER: RateLimit;
  SIGNUP_IP_LIMITER: RateLimit;
  /** Rate limits on joining a community, per account and per client address. */
  JOIN_ACCOUNT_LIMITER: RateLimit;
  JOIN_IP_LIMITER: RateLimit;
  [tenantBinding: `TENANT_DB_${string}`]: D1Database;
}

export interface Config {
  platformHost: string;
  authMode: 'clerk' | 'dev';
  jwtKey: string;
  devPrivateKey?: string;
  clerkPublishableKey?: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

export function isLocalHostname(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

export class ConfigError extends Error {}

const configCache = new WeakMap<object, Config>();

/**
 * Reads and checks the configuration once per env object. The development identity provider
 * refuses to run unless the platform itself is on localhost.
 */
export function readConfig(env: Bindings): Config {
  const cached = configCache.get(env);
  if (cached) return cached;
  const platformHost = (env.PLATFORM_HOST ?? '').trim().toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(platformHost)) throw new ConfigError('PLATFORM_HOST must be a host name');
  const authMode = env.AUTH_MODE;
  if (authMode !== 'clerk' && authMode !== 'dev') throw new ConfigError('AUTH_MODE must be "clerk" or "dev"');
  if (authMode === 'dev') {
    if (!LOCAL_HOSTS.has(platformHost)) {
      throw new ConfigError('AUTH_MODE=dev is only allowed when PLATFORM_HOST is localhost or 127.0.0.1');
    }
    if (!env.DEV_JWT_PRIVATE_KEY) throw new ConfigError('AUTH_MODE=dev needs DEV_JWT_PRIVATE_KEY');
  }
  if (!env.CLERK_JWT_KEY) throw new ConfigError('CLERK_JWT_KEY is required');
  const config: Config = {
    platformHost,
    authMode,
    jwtKey: env.CLERK_JWT_KEY,
    devPrivateKey: authMode === 'dev' ? env.DEV_JWT_PRIVATE_KEY : undefined,
    clerkPublishableKey: env.CLERK_PUBLISHABLE_KEY,
  };
  configCache.set(env, config);
  return config;
}
