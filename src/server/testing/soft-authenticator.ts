/**
 * A software WebAuthn authenticator for database tests: one P-256 credential, "none" attestation,
 * answers in the browser part's JSON shape. The browser test uses Chromium's virtual authenticator.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const b64u = (b: Uint8Array | Buffer) => Buffer.from(b).toString('base64url');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest();

export interface SoftAuthenticator {
  credentialId: string;
  counter: number;
  userHandle: string | null;
  register(options: { challenge: string; rp: { id?: string }; user: { id: string } }, origin: string): unknown;
  assert(options: { challenge: string; rpId?: string }, origin: string, opts?: { userVerified?: boolean }): unknown;
}

export function softAuthenticator(rpId: string): SoftAuthenticator {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' }) as { x: string; y: string };
  const rawId = randomBytes(16);
  const cose = new Map<number, number | Uint8Array>([
    [1, 2], // kty EC2
    [3, -7], // alg ES256
    [-1, 1], // crv P-256
    [-2, Buffer.from(jwk.x, 'base64url')],
    [-3, Buffer.from(jwk.y, 'base64url')],
  ]);
  const authData = (flags: number, counter: number, attested?: Buffer) => {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    return Buffer.concat([sha(rpId), Buffer.from([flags]), c, attested ?? Buffer.alloc(0)]);
  };
  const clientData = (type: string, challenge: string, origin: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  const a: SoftAuthenticator = {
    credentialId: b64u(rawId),
    counter: 0,
    userHandle: null,
    register(options, origin) {
      a.userHandle = options.user.id;
      const idLen = Buffer.alloc(2);
      idLen.writeUInt16BE(rawId.length);
      const attested = Buffer.concat([Buffer.alloc(16), idLen, rawId, Buffer.from(isoCBOR.encode(cose))]);
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', new Uint8Array(authData(0x45, 0, attested))], // UP | UV | AT
        ]) as never,
      );
      return {
        id: a.credentialId,
        rawId: a.credentialId,
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64u(clientData('webauthn.create', options.challenge, origin)),
          attestationObject: b64u(attestationObject),
          transports: ['internal'],
        },
      };
    },
    assert(options, origin, { userVerified = true } = {}) {
      a.counter += 1;
      const data = authData(userVerified ? 0x05 : 0x01, a.counter);
      const cd = clientData('webauthn.get', options.challenge, origin);
      const signature = sign('sha256', Buffer.concat([data, sha(cd)]), privateKey);
      return {
        id: a.credentialId,
        rawId: a.credentialId,
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64u(cd),
          authenticatorData: b64u(data),
          signature: b64u(signature),
          ...(a.userHandle ? { userHandle: a.userHandle } : {}),
        },
      };
    },
  };
  return a;
}
