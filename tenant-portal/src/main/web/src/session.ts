import Keycloak from 'keycloak-js';

/** Where the identity server is, as the portal says (GET /app-config.json). */
export interface AppConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

/** The signed-in staff member's session: authorization code with PKCE at the realm's public portal client. */
export interface Session {
  keycloak: Keycloak;
  /** The chains (organization slugs) the token names. */
  chains: string[];
  name: string;
  /** Whether the account is platform staff (realm role {@code platform-admin}). */
  platformAdmin: boolean;
}

export async function signIn(config: AppConfig): Promise<Session> {
  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    // no `organization` asked for: the portal client has it as a default scope (the token names the chains all the
    // same), and asking for it makes Keycloak 26's cookie step wait for an organization step our browser flow does
    // not have, so every reload would show the sign-in form again instead of signing in at once
  });
  const token = (keycloak.tokenParsed ?? {}) as Record<string, unknown>;
  const organizations = token['organization'];
  const chains = Array.isArray(organizations)
    ? organizations.map(String)
    : organizations && typeof organizations === 'object'
      ? Object.keys(organizations as object)
      : [];
  const name = String(token['name'] ?? token['preferred_username'] ?? '');
  const realm = token['realm_access'] as { roles?: unknown } | undefined;
  const platformAdmin = Array.isArray(realm?.roles) && realm.roles.includes('platform-admin');
  return { keycloak, chains: chains.sort(), name, platformAdmin };
}

/** A token good for at least 30 more seconds. */
export async function bearer(session: Session): Promise<string> {
  await session.keycloak.updateToken(30);
  return session.keycloak.token ?? '';
}
