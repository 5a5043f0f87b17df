import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { bearer, type Session } from '../session';

export type Api = ReturnType<typeof createClient<paths>>;

/** The portal's API, typed from its committed OpenAPI description: the session's token, the chosen chain (none for
 * the platform's own endpoints). */
export function api(session: Session, chain: string | null): Api {
  const client = createClient<paths>({ baseUrl: '' });
  const auth: Middleware = {
    async onRequest({ request }) {
      request.headers.set('Authorization', 'Bearer ' + (await bearer(session)));
      if (chain !== null) {
        request.headers.set('X-Tenant', chain);
      }
      return request;
    },
  };
  client.use(auth);
  return client;
}

/**
 * A record as the portal sends it: every component present (the description lists them without saying they always
 * come, as springdoc does for Java records), a missing value as null.
 */
export type Answer<T> = T extends (infer U)[]
  ? Answer<U>[]
  : T extends object
    ? { [K in keyof T]-?: Answer<Exclude<T[K], undefined>> }
    : T;

/** What a problem+json answer says, for a message. */
export function problemText(error: unknown): string {
  if (error && typeof error === 'object') {
    const problem = error as Record<string, unknown>;
    const detail = problem['detail'] ?? problem['title'];
    if (typeof detail === 'string') {
      return detail;
    }
  }
  return String(error);
}
