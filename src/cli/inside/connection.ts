/**
 * Which cloud the inside commands talk to: `--url` or STREAMFORM_CLOUD_URL, else the local cloud
 * of the directory (started in the background when none runs). Credentials from `--api-key
 * KEY:SECRET`, STREAMFORM_API_KEY(+_SECRET), CONFLUENT_CLOUD_API_KEY+_SECRET, or the local
 * cloud's bootstrap admin key. The data dir is known only when the URL is served from it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCloudState } from '../../cloud/index.js';
import { defaultDataDir, ensureLocalCloud } from '../cloud-commands.js';
import type { Io } from '../terminal.js';
import { InsideError } from './inside-error.js';
import { str } from './json-fields.js';
import type { Connection } from './types.js';

/** The connection flags every inside command accepts. */
export interface ConnectionFlags {
  readonly url?: string;
  readonly apiKey?: string;
  readonly dataDir?: string;
}

/** Resolves where to send requests and with which credentials. */
export async function resolveConnection(io: Io, dir: string, flags: ConnectionFlags): Promise<Connection> {
  const explicitUrl = flags.url ?? (process.env.STREAMFORM_CLOUD_URL || undefined);
  const localDir = flags.dataDir !== undefined ? resolve(flags.dataDir) : defaultDataDir(dir);
  let url: string;
  let dataDir: string | undefined;
  if (explicitUrl !== undefined) {
    url = explicitUrl.replace(/\/+$/, '');
    // The directory is this cloud's when the user said so, or when its state file names this URL.
    const state = readCloudState(localDir);
    if (flags.dataDir !== undefined || (state !== undefined && sameUrl(state.url, url))) dataDir = localDir;
  } else {
    url = await ensureLocalCloud(io, dir);
    dataDir = localDir;
  }
  const credentials = readCredentials(flags.apiKey) ?? (dataDir === undefined ? undefined : adminCredentials(dataDir));
  return {
    url,
    ...(credentials === undefined ? {} : { credentials }),
    ...(dataDir === undefined ? {} : { dataDir }),
  };
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

function readCredentials(flag: string | undefined): { key: string; secret: string } | undefined {
  if (flag !== undefined) return splitPair(flag, '--api-key');
  const sf = process.env.STREAMFORM_API_KEY;
  if (sf) return sf.includes(':') ? splitPair(sf, 'STREAMFORM_API_KEY') : { key: sf, secret: process.env.STREAMFORM_API_SECRET ?? '' };
  const cc = process.env.CONFLUENT_CLOUD_API_KEY;
  if (cc) return { key: cc, secret: process.env.CONFLUENT_CLOUD_API_SECRET ?? '' };
  return undefined;
}

function splitPair(text: string, where: string): { key: string; secret: string } {
  const i = text.indexOf(':');
  if (i <= 0) throw new InsideError('invalid-api-key', `${where} must be KEY:SECRET.`);
  return { key: text.slice(0, i), secret: text.slice(i + 1) };
}

/** The bootstrap OrganizationAdmin key a local cloud started with --auth keeps in its data dir. */
function adminCredentials(dataDir: string): { key: string; secret: string } | undefined {
  const file = join(dataDir, 'admin-credentials.json');
  if (!existsSync(file)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const key = str(parsed, 'apiKey');
    const secret = str(parsed, 'apiSecret');
    return key === '' ? undefined : { key, secret };
  } catch {
    // An unreadable file only means no default credentials; requests then say what is missing.
    return undefined;
  }
}
