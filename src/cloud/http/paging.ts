/** Page-size/page-token paging shared by list endpoints (`metadata.first`, `metadata.next`). */
import { ApiError } from './types.js';

/** One page of a sorted list plus the links to build `metadata`. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Token for the next page, when there is one. */
  readonly nextToken?: string;
}

/** Parses `page_size` (default 10, max 100 unless `max` says otherwise) and `page_token` and cuts one page. */
export function paginate<T>(all: readonly T[], query: URLSearchParams, opts: { defaultSize?: number; maxSize?: number } = {}): Page<T> {
  const sizeText = query.get('page_size');
  const maxSize = opts.maxSize ?? 100;
  let size = opts.defaultSize ?? 10;
  if (sizeText !== null && sizeText !== '') {
    const n = Number(sizeText);
    if (!Number.isInteger(n) || n < 1) throw new ApiError(400, 'invalid_input', `Query parameter 'page_size' must be a positive integer, got '${sizeText}'.`);
    size = Math.min(n, maxSize);
  }
  const offset = decodeToken(query.get('page_token'));
  const items = all.slice(offset, offset + size);
  const end = offset + items.length;
  return end < all.length ? { items, nextToken: encodeToken(end) } : { items };
}

/** URL of the same list with a different page token (or none). */
export function pageUrl(baseUrl: string, path: string, query: URLSearchParams, token: string | undefined): string {
  const q = new URLSearchParams(query);
  q.delete('page_token');
  if (token !== undefined) q.set('page_token', token);
  const s = q.toString();
  return `${baseUrl}${path}${s === '' ? '' : `?${s}`}`;
}

function encodeToken(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeToken(token: string | null): number {
  if (token === null || token === '') return 0;
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const m = /^o:(\d+)$/.exec(text);
  if (m === null) throw new ApiError(400, 'invalid_input', `Query parameter 'page_token' is not a token this server issued.`);
  return Number(m[1]);
}
