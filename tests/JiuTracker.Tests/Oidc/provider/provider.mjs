// A real OpenID provider (oidc-provider, OpenID Certified) on 127.0.0.1 for JiuTracker's single sign-on tests.
//
//   node provider.mjs <port> <state.json>
//
// state.json is read again at every use, so a test changes it between sign-ins:
//   { "clients": [{ "client_id", "client_secret", "redirect_uris": [], "post_logout_redirect_uris": [] }],
//     "users": { "<subject>": { "login", "password", "email", "name", "groups": [] } },
//     "idTokenAudience": null }
// Clients are read once, at start. "idTokenAudience" makes ID tokens name another audience (the wrong-audience test).
// GET /impostor/.well-known/openid-configuration is this provider's discovery claiming the issuer <issuer>/impostor,
// so an app that trusts that issuer receives tokens from another one (the wrong-issuer test).
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const [port, statePath] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const state = () => JSON.parse(readFileSync(statePath, 'utf8'));
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const loginForm = (uid, message) => page('Test provider sign-in', `
${message ? `<p role="alert">${escape(message)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
  <p><label for="login">User name</label> <input id="login" name="login" autocomplete="username" required></p>
  <p><label for="password">Password</label> <input id="password" name="password" type="password" required></p>
  <p><button type="submit">Sign in to the test provider</button></p>
</form>`);

const configuration = {
  clients: state().clients.map((client) => ({
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
    ...client,
  })),
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  cookies: { keys: ['jiutracker-test-provider-cookies'] },
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = page('Sign out of the test provider', `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>`);
      },
      postLogoutSuccessSource: async (ctx) => { ctx.body = page('Signed out of the test provider', ''); },
    },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  // A first-party client: everything it asks for is granted, with no consent page.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const existing = await ctx.oidc.provider.Grant.find(grantId);
      if (existing) return existing;
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile groups');
    await grant.save();
    return grant;
  },
  findAccount: async (ctx, id) => {
    const user = state().users[id];
    if (!user) return undefined;
    return {
      accountId: id,
      claims: async () => ({ sub: id, email: user.email, email_verified: true, name: user.name, groups: user.groups ?? [] }),
    };
  },
  renderError: async (ctx, out) => { ctx.type = 'html'; ctx.body = page('Test provider error', `<pre>${escape(JSON.stringify(out))}</pre>`); },
};

const provider = new Provider(issuer, configuration);

// The wrong-audience switch: ID tokens issued while it is set name another client.
const issue = provider.IdToken.prototype.issue;
provider.IdToken.prototype.issue = async function issueFor(options) {
  const audience = state().idTokenAudience;
  if (!audience || options?.use !== 'idtoken') return issue.call(this, options);
  const { client } = this;
  this.client = Object.create(client, { clientId: { value: audience } });
  try { return await issue.call(this, options); } finally { this.client = client; }
};

// The impostor's discovery: the same endpoints and keys, another issuer named.
provider.use(async (ctx, next) => {
  const impostor = ctx.path === '/impostor/.well-known/openid-configuration';
  if (impostor) ctx.path = '/.well-known/openid-configuration';
  await next();
  if (impostor && ctx.body && typeof ctx.body === 'object') ctx.body = { ...ctx.body, issuer: `${issuer}/impostor` };
});

// The provider's own sign-in page: a user name and password from state.json.
provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(ctx.path);
  if (!match) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  ctx.type = 'html';
  if (ctx.method === 'GET') {
    ctx.body = loginForm(details.uid);
    return undefined;
  }
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  const entry = Object.entries(state().users).find(([, u]) => u.login === form.get('login') && u.password === form.get('password'));
  if (!entry) {
    ctx.body = loginForm(details.uid, 'The user name or the password is not right.');
    return undefined;
  }
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: entry[0] } }, { mergeWithLastSubmission: false });
  ctx.status = 303;
  ctx.redirect(returnTo);
  return undefined;
});

provider.listen(Number(port), '127.0.0.1', () => console.log(`listening ${issuer}`));
