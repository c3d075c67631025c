import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DATA, err, makeCtx, val } from './lang-test-kit.test.js';

describe('filesystem functions', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sf-lang-'));
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, 'schemas', 'order.avsc'), '{"type": "record", "name": "Order"}\n');
    writeFileSync(join(dir, 'greeting.tftpl'), 'Hello ${name}!\n%{ for t in topics ~}\n- ${upper(t)}\n%{ endfor ~}\n');
    writeFileSync(join(dir, 'bad.tftpl'), 'Hello ${nope}');
    writeFileSync(join(dir, 'binary.bin'), Buffer.from([0xff, 0xfe, 0x00]));
    mkdirSync(join(dir, 'schemas', 'nested'));
    writeFileSync(join(dir, 'schemas', 'payment.avsc'), '{}');
    writeFileSync(join(dir, 'schemas', 'notes.txt'), 'x');
    writeFileSync(join(dir, 'schemas', 'nested', 'refund.avsc'), '{}');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const opts = (): { ctx: ReturnType<typeof makeCtx>; data: typeof DATA } => ({ ctx: makeCtx(dir), data: { ...DATA, path: { module: dir } } });

  it('file reads relative to the base directory', () => {
    assert.equal(val('${file("schemas/order.avsc")}', opts()), '{"type": "record", "name": "Order"}\n');
  });
  it('file reads absolute paths built from path.module', () => {
    assert.equal(val('${jsondecode(file("${path.module}/schemas/order.avsc")).name}', opts()), 'Order');
  });
  it('file of a missing path is an argument error', () => {
    const d = err('${file("nope.txt")}', opts());
    assert.equal(d.summary, 'Invalid function argument');
    assert.match(d.detail!, /"path" parameter \(argument 1 of file\): no file exists at "nope.txt"/);
  });
  it('file rejects non-UTF-8 content', () => assert.match(err('${file("binary.bin")}', opts()).detail!, /not valid UTF-8/));
  it('filebase64 reads bytes', () => assert.equal(val('${filebase64("binary.bin")}', opts()), '//4A'));
  it('templatefile renders with the given vars only', () => {
    assert.equal(val('${templatefile("greeting.tftpl", { name = "Ann", topics = ["a", "b"] })}', opts()), 'Hello Ann!\n- A\n- B\n');
  });
  it('templatefile reports undeclared template variables', () => {
    const d = err('${templatefile("bad.tftpl", {})}', opts());
    assert.equal(d.code, 'expr-undeclared-reference');
    assert.match(d.range!.file, /bad\.tftpl$/);
  });
  it('fileexists', () => {
    assert.equal(val('${fileexists("schemas/order.avsc")}', opts()), true);
    assert.equal(val('${fileexists("schemas/none.avsc")}', opts()), false);
  });
  it('path helpers', () => {
    assert.equal(val('${basename("/a/b/c.txt")}'), 'c.txt');
    assert.equal(val('${dirname("/a/b/c.txt")}'), '/a/b');
    assert.equal(val('${abspath("x/y")}', opts()), `${dir}/x/y`);
    assert.equal(val('${pathexpand("/abs")}'), '/abs');
  });
  it('fileset matches globs relative to the given path, sorted', () => {
    assert.deepEqual(val('${fileset(path.module, "schemas/*.avsc")}', opts()), ['schemas/order.avsc', 'schemas/payment.avsc']);
    assert.deepEqual(val('${fileset("${path.module}/schemas", "**/*.avsc")}', opts()), ['nested/refund.avsc', 'order.avsc', 'payment.avsc']);
    assert.deepEqual(val('${fileset("schemas", "{notes.txt,nested/*}")}', opts()), ['nested/refund.avsc', 'notes.txt']);
    assert.deepEqual(val('${fileset("missing", "*")}', opts()), []);
  });
  it('for_each over fileset builds a map of schema files', () => {
    assert.deepEqual(val('${{for f in fileset(path.module, "schemas/*.avsc") : trimsuffix(basename(f), ".avsc") => length(file(f))}}', opts()), { order: 36, payment: 2 });
  });
  it('file hashes', () => {
    assert.equal(val('${filesha256("schemas/notes.txt")}', opts()), val('${sha256("x")}'));
    assert.equal(val('${filemd5("schemas/notes.txt")}', opts()), val('${md5("x")}'));
    assert.equal(val('${filebase64sha256("schemas/notes.txt")}', opts()), val('${base64sha256("x")}'));
  });
  it('templatestring renders a string value as a template', () => {
    assert.equal(val('${templatestring("Hi $${n}", { n = "Bo" })}', opts()), 'Hi Bo');
  });
});
