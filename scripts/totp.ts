// Prints the current TOTP code for a secret: for trying the demo without an authenticator app.
import { totpCode } from '../src/server/auth/totp.ts';

const secret = process.argv[2];
if (!secret) {
  console.error('usage: npx tsx scripts/totp.ts BASE32SECRET');
  process.exit(2);
}
console.log(totpCode(secret));
