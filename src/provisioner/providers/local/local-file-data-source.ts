/**
 * `local_file` and `local_sensitive_file` data sources: read a file's content and checksums.
 * A missing file is a diagnostic (the user pointed at nothing).
 */
import { readFile } from 'node:fs/promises';
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import { T } from '../../lang/index.js';
import { requireString } from '../attribute-values.js';
import type { BuiltinDataSource } from '../types.js';
import { contentHashes, hashAttributes } from './content-hashes.js';

function fileDataSource(sensitive: boolean): BuiltinDataSource {
  return {
    schema: {
      attributes: {
        filename: { type: T.string, required: true, description: 'Path of the file to read.' },
        content: { type: T.string, computed: true, sensitive, description: 'Raw content of the file, as UTF-8.' },
        content_base64: { type: T.string, computed: true, sensitive, description: 'Content of the file, base64-encoded.' },
        ...hashAttributes,
      },
    },
    async read(config) {
      const filename = requireString(config, 'filename');
      let bytes: Buffer;
      try {
        bytes = await readFile(filename);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        throw new DiagnosticsError([errorDiag('local-file-unreadable', `Cannot read file ${filename}`, { detail: message })]);
      }
      return { filename, content: bytes.toString('utf8'), content_base64: bytes.toString('base64'), ...contentHashes(bytes) };
    },
  };
}

/** The local_file data source. */
export const localFileDataSource: BuiltinDataSource = fileDataSource(false);

/** The local_sensitive_file data source. */
export const localSensitiveFileDataSource: BuiltinDataSource = fileDataSource(true);
