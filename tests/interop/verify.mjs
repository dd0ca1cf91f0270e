// Outside verifiers run on our credentials, with no network (tests/learning/test_certificates_interop.py).
//
//   node verify.mjs verifier-core FIXTURES.json   the DCC's verifier-core (the Learner Credential Wallet's)
//   node verify.mjs jwt JWKS.json TOKEN_FILE       jose: the Open Badges 3.0 JWT (ES256) against our JWKS
//   node verify.mjs vc-jose JWKS.json ENVELOPE     jose: the VC-JOSE envelope (EdDSA) against our JWKS
//   node verify.mjs status-jwt JWKS.json LIST INDEX jose: the status list's JWS (EdDSA), then the bit at INDEX
//
// verifier-core builds its document loader inside the module (securityLoader({fetchRemoteContexts: true}))
// and offers no way to pass another one, and its did:web resolver and status list loader reach the network
// through the global fetch. So before verifier-core is imported, the global fetch is replaced by one that
// answers only the URLs the fixtures name (our DID document, status list, schema; each from a file the
// test wrote) and throws on anything else. Contexts are those verifier-core bundles (VC 2.0, OB 3.0.x, ...);
// a context it does not bundle would be asked of this fetch and refused. Every refused URL is reported.
// The result is printed as one JSON object on stdout.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const [mode, ...args] = process.argv.slice(2);
const refused = [];

function offlineFetch(routes) {
  return async (input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const file = routes[url];
    if (!file) {
      refused.push(url);
      throw new TypeError(`offline: ${url} is not served to this verifier`);
    }
    return new Response(readFileSync(file), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

function print(result) {
  process.stdout.write(JSON.stringify({ ...result, refused }) + '\n');
}

async function verifierCore(fixturesFile) {
  const fixtures = JSON.parse(readFileSync(fixturesFile, 'utf8'));
  globalThis.fetch = offlineFetch(fixtures.routes);
  const { verifyCredential } = await import('@digitalcredentials/verifier-core');
  const credential = JSON.parse(readFileSync(fixtures.credential, 'utf8'));
  const result = await verifyCredential({ credential, knownDIDRegistries: [] });
  // The log names each check (valid_signature, revocation_status, expiration, ...) and whether it passed.
  const errors = (result.errors || []).map((error) => ({ name: error.name, message: error.message }));
  const log = (result.log || []).map((step) => ({ id: step.id, valid: step.valid, error: step.error?.name }));
  print({ errors, log, additionalInformation: result.additionalInformation || [] });
}

async function joseVerify(kind, jwksFile, tokenFile) {
  globalThis.fetch = offlineFetch({});
  const jose = await import('jose');
  const keySet = jose.createLocalJWKSet(JSON.parse(readFileSync(jwksFile, 'utf8')));
  let token = readFileSync(tokenFile, 'utf8').trim();
  try {
    if (kind === 'jwt') {
      const { payload, protectedHeader } = await jose.jwtVerify(token, keySet, { algorithms: ['ES256'], typ: 'JWT' });
      print({ verified: true, header: protectedHeader, payload });
    } else {
      const envelope = JSON.parse(token);
      token = envelope.id.slice('data:application/vc+jwt,'.length);
      const { payload, protectedHeader } = await jose.compactVerify(token, keySet, { algorithms: ['EdDSA'] });
      print({ verified: true, header: protectedHeader, payload: JSON.parse(new TextDecoder().decode(payload)) });
    }
  } catch (error) {
    print({ verified: false, error: error.code || error.name, message: error.message });
  }
}

async function statusJwt(jwksFile, listFile, index) {
  globalThis.fetch = offlineFetch({});
  const jose = await import('jose');
  const keySet = jose.createLocalJWKSet(JSON.parse(readFileSync(jwksFile, 'utf8')));
  try {
    const { payload } = await jose.compactVerify(readFileSync(listFile, 'utf8').trim(), keySet, { algorithms: ['EdDSA'] });
    const list = JSON.parse(new TextDecoder().decode(payload));
    // Multibase base64url (u...) of the gzipped bitstring; bit 0 is the leftmost (Bitstring Status List §3).
    const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url'));
    const position = Number(index);
    const revoked = Boolean(bits[position >> 3] & (0x80 >> (position % 8)));
    print({ verified: true, revoked, validUntil: list.validUntil });
  } catch (error) {
    print({ verified: false, error: error.code || error.name, message: error.message });
  }
}

if (mode === 'verifier-core') {
  await verifierCore(args[0]);
} else if (mode === 'jwt' || mode === 'vc-jose') {
  await joseVerify(mode, args[0], args[1]);
} else if (mode === 'status-jwt') {
  await statusJwt(args[0], args[1], args[2]);
} else {
  process.stderr.write('usage: node verify.mjs verifier-core FIXTURES | jwt JWKS TOKEN | vc-jose JWKS ENVELOPE | status-jwt JWKS LIST INDEX\n');
  process.exit(2);
}
