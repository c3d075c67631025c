/**
 * `local_file` and `local_sensitive_file`: a file on the machine running streamform. Every
 * argument forces replacement (as upstream). Refresh treats a missing file, or one whose content
 * no longer matches the SHA-1 id, as gone, so the next plan recreates it (drift is not absorbed).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import type { AttributeSchema, ResourceSchema } from '../../provider/index.js';
import { T } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { readString, requireString } from '../attribute-values.js';
import type { BuiltinResource } from '../types.js';
import { contentHashes, hashAttributes } from './content-hashes.js';
import { permissionMode, validatePermission } from './file-permission.js';

function arg(type: AttributeSchema['type'], extra: Omit<AttributeSchema, 'type' | 'onChange'> = {}): AttributeSchema {
  return { type, optional: true, onChange: { kind: 'replace' }, ...extra };
}

function fileSchema(sensitive: boolean): ResourceSchema {
  const perm = sensitive ? '0700' : '0777';
  return {
    description: sensitive ? 'A local file with sensitive content.' : 'A local file.',
    attributes: {
      filename: { ...arg(T.string), optional: false, required: true, description: 'Path of the file; parent directories are created.' },
      content: arg(T.string, { sensitive, description: 'UTF-8 content of the file.' }),
      content_base64: arg(T.string, { sensitive, description: 'Base64-encoded binary content of the file.' }),
      source: arg(T.string, { description: 'Path of a file whose content is copied.' }),
      ...(sensitive ? {} : { sensitive_content: arg(T.string, { sensitive: true, deprecated: 'Use the local_sensitive_file resource instead.' }) }),
      file_permission: arg(T.string, { default: perm, validate: validatePermission, description: `Permissions of the file (default "${perm}").` }),
      directory_permission: arg(T.string, { default: perm, validate: validatePermission, description: `Permissions of created parent directories (default "${perm}").` }),
      ...hashAttributes,
    },
  };
}

const CONTENT_ARGS = ['content', 'sensitive_content', 'content_base64', 'source'] as const;

/** Exactly one of the content arguments (unknown counts as set). */
function validateContent(config: ObjectValue, sensitive: boolean): readonly Diagnostic[] {
  const args = CONTENT_ARGS.filter((n) => !sensitive || n !== 'sensitive_content');
  const set = args.filter((n) => config[n] !== undefined && config[n] !== null);
  if (set.length === 1) return [];
  const names = args.join(', ');
  return [errorDiag('local-file-content-conflict', set.length === 0
    ? `Exactly one of ${names} must be set` : `Only one of ${names} may be set; found ${set.join(', ')}`)];
}

async function contentBytes(planned: ObjectValue): Promise<Uint8Array> {
  const content = readString(planned, 'content') ?? readString(planned, 'sensitive_content');
  if (content !== undefined) return Buffer.from(content, 'utf8');
  const b64 = readString(planned, 'content_base64');
  if (b64 !== undefined) return Buffer.from(b64, 'base64');
  return readFile(requireString(planned, 'source'));
}

function fileResource(sensitive: boolean): BuiltinResource {
  return {
    schema: fileSchema(sensitive),
    validate: (config) => validateContent(config, sensitive),
    async create(planned) {
      const filename = requireString(planned, 'filename');
      const bytes = await contentBytes(planned);
      await mkdir(dirname(filename), { recursive: true, mode: permissionMode(readString(planned, 'directory_permission') ?? '0777') });
      await writeFile(filename, bytes, { mode: permissionMode(readString(planned, 'file_permission') ?? '0777') });
      return { ...planned, ...contentHashes(bytes) };
    },
    async delete(prior) {
      await rm(requireString(prior, 'filename'), { force: true });
    },
    async read(state) {
      let bytes: Buffer;
      try {
        bytes = await readFile(requireString(state, 'filename'));
      } catch (e) {
        if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return null;
        throw e;
      }
      const hashes = contentHashes(bytes);
      return hashes['id'] === state['id'] ? state : null;
    },
  };
}

/** The local_file resource. */
export const localFileResource: BuiltinResource = fileResource(false);

/** The local_sensitive_file resource (content sensitive, default permissions 0700). */
export const localSensitiveFileResource: BuiltinResource = fileResource(true);

