// The Node adapter of app's Crypto port (app/ports.ts).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Crypto, Hasher } from '../app/ports.js';

export function nodeCrypto(): Crypto {
  return {
    sha256(): Hasher {
      const h = createHash('sha256');
      const hasher: Hasher = {
        update(bytes) {
          h.update(bytes);
          return hasher;
        },
        digest: () => h.digest('hex'),
      };
      return hasher;
    },
    hmacSha256: (key, text) => createHmac('sha256', key).update(text, 'utf8').digest('hex'),
    randomBytes: (n) => randomBytes(n),
    timingSafeEqual: (a, b) => a.length === b.length && timingSafeEqual(a, b),
  };
}
