import { dictionary } from '@zxcvbn-ts/language-common';

/** About 49,000 passwords most often found in breaches (zxcvbn-ts' common list), lower-cased, plus local ones. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  ...(dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()),
  'passwordpassword',
  'password1234',
  'password12345',
  'password123456',
  'ciaociaociao',
  'amoreamoreamore',
  'qwertyuiopasdf',
  'milanomilano',
  'percorsipercorsi',
  '123456789012',
  '1234567890123',
]);
