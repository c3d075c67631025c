import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DiagnosticsError } from '../../../shared/index.js';
import { HttpClient } from './http-client.js';

describe('http client', () => {
  let server: Server;
  let url = '';
  const hits = new Map<string, number>();
  before(async () => {
    server = createServer((req, res) => {
      const n = (hits.get(req.url ?? '') ?? 0) + 1;
      hits.set(req.url ?? '', n);
      res.setHeader('content-type', 'application/json');
      if (req.url === '/flaky' && n < 3) { res.statusCode = 503; res.end('{}'); return; }
      if (req.url === '/always-429') { res.statusCode = 429; res.end('{"errors":[{"detail":"slow down"}]}'); return; }
      if (req.url === '/conflict') { res.statusCode = 409; res.end('{"errors":[{"status":"409","title":"Conflict","detail":"Statement name already exists","source":{"pointer":"/name"}}]}'); return; }
      if (req.url === '/sr') { res.statusCode = 422; res.end('{"error_code":42201,"message":"Invalid schema"}'); return; }
      if (req.url === '/missing') { res.statusCode = 404; res.end('{"error_code":40403,"message":"nope"}'); return; }
      res.end(JSON.stringify({ auth: req.headers.authorization ?? null, ua: req.headers['user-agent'] ?? null }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const client = new HttpClient({ maxRetries: 4, userAgent: 'test-agent' });

  it('sends Basic auth and the user agent', async () => {
    const r = await client.send({ baseUrl: url, credentials: { key: 'k', secret: 's' } }, 'GET', '/ok');
    assert.deepEqual(r.body, { auth: `Basic ${Buffer.from('k:s').toString('base64')}`, ua: 'test-agent' });
  });

  it('retries 5xx and then succeeds', async () => {
    const r = await client.send({ baseUrl: url }, 'GET', '/flaky');
    assert.equal(r.status, 200);
    assert.equal(hits.get('/flaky'), 3);
  });

  it('gives up on 429 after max_retries with the server detail', async () => {
    await assert.rejects(client.send({ baseUrl: url }, 'GET', '/always-429'), (e: unknown) => {
      assert.ok(e instanceof DiagnosticsError);
      assert.match(e.diagnostics[0]?.summary ?? '', /429.*slow down/);
      return true;
    });
    assert.equal(hits.get('/always-429'), 5);
  });

  it('turns both error envelopes into diagnostics with status and detail', async () => {
    await assert.rejects(client.send({ baseUrl: url }, 'POST', '/conflict', { body: {} }), (e: unknown) => {
      assert.ok(e instanceof DiagnosticsError);
      assert.equal(e.diagnostics[0]?.code, 'confluent-api-error');
      assert.match(e.diagnostics[0]?.summary ?? '', /POST \/conflict: 409 .*Statement name already exists \(at \/name\)/);
      return true;
    });
    await assert.rejects(client.send({ baseUrl: url }, 'POST', '/sr', { body: {} }), /Invalid schema \(error_code 42201\)/);
  });

  it('returns accepted statuses instead of failing', async () => {
    const r = await client.send({ baseUrl: url }, 'GET', '/missing', { accept: [404] });
    assert.equal(r.status, 404);
  });

  it('honours an aborted signal', async () => {
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(client.send({ baseUrl: url }, 'GET', '/ok', { signal: ac.signal }), (e: unknown) => e instanceof DiagnosticsError && e.diagnostics[0]?.code === 'confluent-interrupted');
  });
});
