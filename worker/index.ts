import { app } from './app';
import type { Bindings } from './env';
import { resumeStalledProvisioning } from './platform/provisioning';

export type { AppType } from './app';

export default {
  fetch: app.fetch,
  /** Finishes sign-ups whose request died part-way through provisioning. */
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(resumeStalledProvisioning(env));
  },
} satisfies ExportedHandler<Bindings>;
