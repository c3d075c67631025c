/** The checksums local_file exposes; `id` is the SHA-1 hex of the content, as upstream. */
import { createHash } from 'node:crypto';
import { T } from '../../lang/index.js';
import type { AttributeSchema } from '../../provider/index.js';
import type { ObjectValue } from '../../lang/index.js';

/** Schema of the computed checksum attributes (including `id`). */
export const hashAttributes: { readonly [name: string]: AttributeSchema } = {
  id: { type: T.string, computed: true, description: 'Hexadecimal SHA-1 checksum of the content.' },
  content_md5: { type: T.string, computed: true, description: 'MD5 checksum, hex.' },
  content_sha1: { type: T.string, computed: true, description: 'SHA-1 checksum, hex.' },
  content_sha256: { type: T.string, computed: true, description: 'SHA-256 checksum, hex.' },
  content_base64sha256: { type: T.string, computed: true, description: 'SHA-256 checksum, base64.' },
  content_sha512: { type: T.string, computed: true, description: 'SHA-512 checksum, hex.' },
  content_base64sha512: { type: T.string, computed: true, description: 'SHA-512 checksum, base64.' },
};

/** The checksum attributes for the given bytes. */
export function contentHashes(bytes: Uint8Array): ObjectValue {
  const digest = (alg: string, enc: 'hex' | 'base64'): string => createHash(alg).update(bytes).digest(enc);
  const sha1 = digest('sha1', 'hex');
  return {
    id: sha1,
    content_md5: digest('md5', 'hex'),
    content_sha1: sha1,
    content_sha256: digest('sha256', 'hex'),
    content_base64sha256: digest('sha256', 'base64'),
    content_sha512: digest('sha512', 'hex'),
    content_base64sha512: digest('sha512', 'base64'),
  };
}
