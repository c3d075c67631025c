import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DATA, err, run, table, val } from './lang-test-kit.test.js';
import { UNKNOWN } from './value.js';

describe('evaluate: references and traversal', () => {
  table(it, [
    ['${var.name}', 'orders'],
    ['${var.n}', 5],
    ['${var.list[1]}', 'b'],
    ['${var.list["2"]}', 'c'],
    ['${var.list.0}', 'a'],
    ['${var.obj.nested.deep}', true],
    ['${var.obj["b"]}', 'two'],
    ['${var.tags[var.list[0] == "a" ? "env" : "team"]}', 'prod'],
    ['${local.prefix}', 'sf'],
    ['${confluent_kafka_topic.orders.topic_name}', 'orders'],
    ['${data.confluent_organization.main.id}', 'org-1'],
    ['${path.module}/schema.avsc', '/mod/schema.avsc'],
    ['${var.users[*].name}', ['ann', 'bob']],
    ['${var.users.*.id}', [1, 2]],
    ['${var.obj[*].a}', [1]],
    ['${var.nothing[*]}', []],
    ['${[for u in var.users : u.name][1]}', 'bob'],
    ['${(var.obj).b}', 'two'],
  ]);
});

describe('evaluate: operators and conversions', () => {
  table(it, [
    ['${5/2}', 2.5],
    ['${7 % 3}', 1],
    ['${1 + 2 * 3}', 7],
    ['${(1 + 2) * 3}', 9],
    ['${-var.n}', -5],
    ['${"3" + 4}', 7],
    ['${var.str_num * 2}', 84],
    ['${1 == 1}', true],
    ['${1 == "1"}', false],
    ['${[1, {a = 2}] == [1, {a = 2}]}', true],
    ['${var.obj != {a = 1}}', true],
    ['${3 >= 3 && 2 < 1}', false],
    ['${!var.flag || true}', true],
    ['${true ? 1 : "s"}', '1'],
    ['${false ? "a" : 2}', '2'],
    ['${var.nothing == null ? "none" : "some"}', 'none'],
    ['n=${var.n} f=${2.5} b=${true}', 'n=5 f=2.5 b=true'],
    ['${0.1 + 0.2}', 0.30000000000000004],
    ['${"x${0.1 + 0.2}"}', 'x0.3'],
    ['${{a = 1, "b-c" = 2, (var.name) = 3}}', { a: 1, 'b-c': 2, orders: 3 }],
    ['${[1, "x", null]}', [1, 'x', null]],
  ]);
});

describe('evaluate: for expressions', () => {
  table(it, [
    ['${[for x in var.nums : x * 10]}', [30, 10, 20]],
    ['${[for i, x in var.list : "${i}:${x}"]}', ['0:a', '1:b', '2:c']],
    ['${[for x in var.nums : x if x > 1]}', [3, 2]],
    ['${{for k, v in var.tags : v => k}}', { prod: 'env', data: 'team' }],
    ['${{for u in var.users : u.name => u.id}}', { ann: 1, bob: 2 }],
    ['${{for s in ["a", "bb", "cc"] : length(s) => s...}}', { 1: ['a'], 2: ['bb', 'cc'] }],
    ['${[for k, v in {b = 2, a = 1} : k]}', ['a', 'b']],
  ]);
  it('for variables shadow scope roots', () => {
    assert.deepEqual(val('${[for var in [1, 2] : var]}'), [1, 2]);
  });
  it('duplicate keys without grouping are an error', () => {
    const d = err('${{for s in ["a", "a"] : s => 1}}');
    assert.equal(d.code, 'expr-duplicate-key');
    assert.match(d.detail!, /use the ellipsis/);
  });
  it('iterating null is an error', () => {
    assert.equal(err('${[for x in var.nothing : x]}').summary, 'Iteration over null value');
  });
});

describe('evaluate: templates', () => {
  table(it, [
    ['%{if var.flag}on%{else}off%{endif}', 'on'],
    ['%{if !var.flag}on%{endif}', ''],
    ['%{for x in var.list}${x},%{endfor}', 'a,b,c,'],
    ['%{for k, v in var.tags}${k}=${v};%{endfor}', 'env=prod;team=data;'],
    ['a  ${~var.name~}  b', 'aordersb'],
    ['line\n  %{~ for x in var.list ~}\n  ${x}\n  %{~ endfor ~}\nend', 'lineabcend'],
    ['$${literal} %%{literal}', '${literal} %{literal}'],
    ['${"quoted \\"x\\" \\u00e9"}', 'quoted "x" é'],
    ['${upper(<<EOT\nhi ${var.name}\nEOT\n)}', 'HI ORDERS\n'],
    ['${<<-EOT\n    a\n      b\n    EOT\n}', 'a\n  b\n'],
  ]);
  it('a single interpolation keeps its type', () => {
    assert.deepEqual(val('${var.list}'), ['a', 'b', 'c']);
    assert.equal(val('${var.n}'), 5);
  });
  it('null in a template is an error with the interpolation range', () => {
    const d = err('x-${var.nothing}');
    assert.equal(d.summary, 'Invalid template interpolation value');
    assert.deepEqual(d.range, { file: 'main.tf', start: { line: 1, column: 5 }, end: { line: 1, column: 16 } });
  });
  it('a list in a template is an error', () => {
    assert.match(err('x-${var.list}').detail!, /string required, but have tuple/);
  });
});

describe('evaluate: unknown values', () => {
  const unknownCases = [
    '${var.unknown + 1}', '${var.unknown.attr}', '${var.unknown[0]}', '${var.unknown ? 1 : 2}', 'x-${var.unknown}',
    '${[for x in var.unknown : x]}', '${upper(var.unknown)}', '${jsonencode(var.partial)}', '${can(var.unknown)}',
    '${try(var.unknown, 1)}', '${var.unknown == 1}', '${!var.unknown}', '${var.unknown[*].id}', '%{if var.unknown}a%{endif}',
    '${{(var.unknown) = 1}}', '${join(",", var.partial)}',
  ];
  for (const c of unknownCases) it(`${c} is unknown`, () => assert.equal(val(c), UNKNOWN));
  table(it, [
    ['${length(var.partial)}', 2],
    ['${var.partial[0]}', 'x'],
    ['${[var.unknown, 1]}', [UNKNOWN, 1]],
    ['${false && var.unknown}', false],
    ['${true || var.unknown}', true],
    ['${concat(var.partial, ["y"])}', ['x', UNKNOWN, 'y']],
  ]);
});

describe('evaluate: sensitivity', () => {
  it('propagates through operators, templates, functions and collections', () => {
    for (const c of ['${var.password}', 'pw=${var.password}', '${upper(var.password)}', '${[var.password]}', '${{p = var.password}}', '${length(var.password) > 1}', '${var.flag ? var.password : "x"}']) {
      assert.equal(run(c).value!.sensitive, true, c);
    }
    assert.equal(run('${var.name}').value!.sensitive, false);
  });
  it('sensitive() marks and nonsensitive() unmarks', () => {
    assert.equal(run('${sensitive("a")}').value!.sensitive, true);
    assert.deepEqual(run('${nonsensitive(var.password)}').value, { value: 's3cret', sensitive: false });
  });
});

describe('evaluate: errors name the problem and its position', () => {
  it('missing attribute suggests a close name', () => {
    const d = err('${var.obj.nestd}');
    assert.equal(d.summary, 'Unsupported attribute');
    assert.equal(d.detail, 'This object does not have an attribute named "nestd". Did you mean "nested"?');
    assert.deepEqual(d.range?.start, { line: 1, column: 10 });
  });
  it('index out of range', () => {
    const d = err('${var.list[3]}');
    assert.equal(d.code, 'expr-invalid-index');
    assert.match(d.detail!, /greater than or equal to the length/);
  });
  it('negative index', () => assert.match(err('${var.list[-1]}').detail!, /negative number/));
  it('missing map key', () => assert.equal(err('${var.tags["nope"]}').summary, 'Invalid index'));
  it('attribute of a list', () => assert.match(err('${var.users.name}').detail!, /list of objects/));
  it('undeclared variable', () => {
    const d = err('${var.nope}');
    assert.equal(d.summary, 'Reference to undeclared input variable');
    assert.equal(d.code, 'expr-undeclared-reference');
  });
  it('undeclared resource', () => assert.equal(err('${confluent_kafka_topic.nope.id}').summary, 'Reference to undeclared resource'));
  it('bare var object', () => assert.match(err('${var}').detail!, /cannot be accessed directly/));
  it('arithmetic on a non-number', () => {
    const d = err('${"abc" + 1}');
    assert.equal(d.code, 'expr-invalid-operand');
    assert.match(d.detail!, /a number is required, but have string "abc"/);
  });
  it('&& requires bools', () => assert.match(err('${1 && true}').detail!, /a bool is required/));
  it('division by zero', () => assert.equal(err('${1 / 0}').summary, 'Division by zero'));
  it('condition must be bool', () => assert.equal(err('${"x" ? 1 : 2}').summary, 'Incorrect condition type'));
  it('unknown function suggests a close name', () => {
    const d = err('${lenght(var.list)}');
    assert.equal(d.summary, 'Call to unknown function');
    assert.equal(d.detail, 'There is no function named "lenght". Did you mean "length"?');
  });
  it('bad function argument names the parameter, position and expected type', () => {
    const d = err('${upper([1])}');
    assert.equal(d.summary, 'Invalid function argument');
    assert.equal(d.detail, 'Invalid value for "str" parameter (argument 1 of upper): string required, but have tuple.');
    assert.deepEqual(d.range?.start, { line: 1, column: 9 });
  });
  it('wrong arity', () => {
    assert.equal(err('${upper()}').summary, 'Not enough function arguments');
    assert.equal(err('${upper("a", "b")}').summary, 'Too many function arguments');
  });
  it('errors on a later line carry that line', () => {
    const d = err('${merge(\n  var.tags,\n  var.nope,\n)}');
    assert.deepEqual(d.range?.start, { line: 3, column: 3 });
  });
});

describe('evaluate: each, count, self and terraform', () => {
  const data = { ...DATA, each: { key: 'orders', value: { partitions: 6 } }, count: { index: 2 }, self: { id: 'x-1' }, terraform: { workspace: 'default' } };
  it('reads the iteration objects', () => {
    assert.equal(val('${each.key}-${count.index}-${self.id}-${terraform.workspace}', { data }), 'orders-2-x-1-default');
    assert.equal(val('${each.value.partitions * 2}', { data }), 12);
  });
  it('each outside for_each is an error', () => {
    assert.equal(err('${each.key}').summary, 'Reference to "each" in context without for_each');
  });
  it('count outside count is an error', () => {
    assert.equal(err('${count.index}').summary, 'Reference to "count" in non-counted context');
  });
});
