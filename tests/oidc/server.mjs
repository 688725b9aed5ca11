// A real OpenID Provider (oidc-provider, OpenID Certified) for the SSO tests.
//
//   PORT=... REDIRECT_URI=... node server.mjs
//
// One static confidential client ("rf-test" / "rf-test-secret"), PKCE required, ID tokens
// carrying email, email_verified and name. Signing in needs no form: the interaction signs in
// the account named by the authorization request's login_hint and grants the requested scopes,
// so a test completes the flow by following redirects.
//
// Test-only controls (loopback, never in the product):
//   POST /__test/account {"id", "claims": {...}}  what the provider says about an account
//   POST /__test/mode {"mode": null | "wrong_audience" | "expired" | "bad_signature" | "rotated"}
//     the next ID tokens from the token endpoint are re-signed with that defect (a foreign
//     audience; iat/exp an hour in the past; signed by a key that is not in the JWKS), so the
//     app's validation meets a real misbehaving provider; "rotated" is no defect: the provider
//     has a new key (its own kid, published in the JWKS from then on) and signs with it.
//   GET /__test/stats  {"jwks_requests": n}: how often the JWKS was fetched
import http from "node:http";
import * as jose from "jose";
import Provider from "oidc-provider";

const port = Number(process.env.PORT);
const redirectUri = process.env.REDIRECT_URI;
if (!port || !redirectUri) throw new Error("PORT and REDIRECT_URI are required");
const issuer = `http://127.0.0.1:${port}`;

const signing = await jose.generateKeyPair("RS256", { extractable: true });
const rogue = await jose.generateKeyPair("RS256", { extractable: true });
const jwk = { ...(await jose.exportJWK(signing.privateKey)), kid: "test-key", alg: "RS256", use: "sig" };
const rotatedJwk = { ...(await jose.exportJWK(rogue.publicKey)), kid: "rotated-key", alg: "RS256", use: "sig" };
let rotated = false;
let jwksRequests = 0;

const overrides = new Map();
let mode = null;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "rf-test",
      client_secret: "rf-test-secret",
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [jwk] },
  pkce: { required: () => true },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  conformIdTokenClaims: false,
  cookies: { keys: ["rf-test-cookie-key"] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, name: `Test ${id}`, ...(overrides.get(id) ?? {}) };
      },
    };
  },
});

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === "/jwks") {
    jwksRequests += 1;
    if (rotated && ctx.body && Array.isArray(ctx.body.keys)) ctx.body = { keys: [...ctx.body.keys, rotatedJwk] };
  }
  if (ctx.path === "/token" && mode && ctx.body && ctx.body.id_token) {
    ctx.body.id_token = await tamper(ctx.body.id_token);
  }
});

async function tamper(token) {
  const payload = jose.decodeJwt(token);
  let { kid } = jose.decodeProtectedHeader(token);
  if (mode === "rotated") kid = rotatedJwk.kid;
  const now = Math.floor(Date.now() / 1000);
  if (mode === "wrong_audience") payload.aud = "someone-else";
  if (mode === "expired") Object.assign(payload, { iat: now - 7200, exp: now - 3600 });
  const key = mode === "bad_signature" || mode === "rotated" ? rogue.privateKey : signing.privateKey;
  return new jose.SignJWT(payload).setProtectedHeader({ alg: "RS256", kid }).sign(key);
}

async function interaction(req, res) {
  const { prompt, params, session } = await provider.interactionDetails(req, res);
  if (prompt.name === "login") {
    const accountId = String(params.login_hint || "nobody@example.com");
    return provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  }
  const grant = new provider.Grant({ accountId: session.accountId, clientId: String(params.client_id) });
  grant.addOIDCScope(String(params.scope));
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function control(req, res) {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  const body = raw ? JSON.parse(raw) : {};
  if (req.url === "/__test/stats") {
    res.setHeader("Content-Type", "application/json");
    return res.end(JSON.stringify({ jwks_requests: jwksRequests }));
  }
  if (req.url === "/__test/mode") {
    mode = body.mode ?? null;
    // Once rotated, the new key stays published (a provider keeps its current key listed).
    if (mode === "rotated") rotated = true;
  }
  else if (req.url === "/__test/account") overrides.set(body.id, body.claims ?? {});
  else {
    res.statusCode = 404;
    return res.end();
  }
  res.statusCode = 204;
  res.end();
}

const handle = provider.callback();
http
  .createServer((req, res) => {
    const route = req.url.startsWith("/interaction/") ? interaction : req.url.startsWith("/__test/") ? control : null;
    if (!route) return handle(req, res);
    route(req, res).catch((err) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  })
  .listen(port, "127.0.0.1", () => console.log(`oidc test provider on ${issuer}`));
