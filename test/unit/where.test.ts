// parseWhere (src/compiler/model/where.ts), form by form, against spec/README.md's "Addressing".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseWhere, pointerText, type Place, type Segment, type Subject } from '../../src/compiler/model/where.js';

const op = (method: string, path: string, action?: string): Subject => (action ? { kind: 'operation', method, path, action } : { kind: 'operation', method, path });
const prop = (name: string): Segment => ({ t: 'prop', name });
const ITEMS: Segment = { t: 'items' };
const VALUES: Segment = { t: 'values' };
const alt = (index: number): Segment => ({ t: 'alt', index });

const ok: [string, Subject, Place][] = [
  // The examples table of spec/README.md, in its order.
  ['GET /servers/{server_id}', op('GET', '/servers/{server_id}'), { kind: 'self' }],
  ['GET /servers query tags', op('GET', '/servers'), { kind: 'parameter', in: 'query', name: 'tags' }],
  ['GET /servers/{server_id} response 200 /server/locked', op('GET', '/servers/{server_id}'), { kind: 'response', status: '200', pointer: [prop('server'), prop('locked')] }],
  ['GET /servers/detail response 200 /servers/[]/locked', op('GET', '/servers/detail'), { kind: 'response', status: '200', pointer: [prop('servers'), ITEMS, prop('locked')] }],
  ['POST /os-keypairs response 200', op('POST', '/os-keypairs'), { kind: 'response', status: '200', pointer: [] }],
  ['POST /servers/{server_id}/action #createImage response 202 header Location', op('POST', '/servers/{server_id}/action', 'createImage'), { kind: 'response-header', status: '202', name: 'Location' }],
  ['POST /servers/{server_id}/action #evacuate request /evacuate/onSharedStorage', op('POST', '/servers/{server_id}/action', 'evacuate'), { kind: 'request', pointer: [prop('evacuate'), prop('onSharedStorage')] }],
  ['schema Server /locked', { kind: 'schema', name: 'Server' }, { kind: 'schema-pointer', pointer: [prop('locked')] }],
  ['* header OpenStack-API-Version', { kind: 'all' }, { kind: 'parameter', in: 'header', name: 'OpenStack-API-Version' }],
  ['* response header X-OpenStack-Request-ID', { kind: 'all' }, { kind: 'common-response-header', name: 'X-OpenStack-Request-ID' }],
  // Every form of the grammar.
  ['schema Server', { kind: 'schema', name: 'Server' }, { kind: 'self' }],
  ['schema Server_2', { kind: 'schema', name: 'Server_2' }, { kind: 'self' }],
  ['POST /servers/{server_id}/action #os-migrateLive', op('POST', '/servers/{server_id}/action', 'os-migrateLive'), { kind: 'self' }],
  ['POST /servers request', op('POST', '/servers'), { kind: 'request', pointer: [] }],
  ['POST /servers/{server_id}/action #reboot request', op('POST', '/servers/{server_id}/action', 'reboot'), { kind: 'request', pointer: [] }],
  ['POST /servers/{server_id}/action #reboot response 202', op('POST', '/servers/{server_id}/action', 'reboot'), { kind: 'response', status: '202', pointer: [] }],
  ['GET /servers/{server_id} path server_id', op('GET', '/servers/{server_id}'), { kind: 'parameter', in: 'path', name: 'server_id' }],
  ['GET /servers header X-Auth-Token', op('GET', '/servers'), { kind: 'parameter', in: 'header', name: 'X-Auth-Token' }],
  ['GET /servers query changes-since', op('GET', '/servers'), { kind: 'parameter', in: 'query', name: 'changes-since' }],
  ['GET /servers query a.b:c_1', op('GET', '/servers'), { kind: 'parameter', in: 'query', name: 'a.b:c_1' }],
  ['GET /servers response 200 header x-openstack-request-id', op('GET', '/servers'), { kind: 'response-header', status: '200', name: 'x-openstack-request-id' }],
  ['PUT /a response 200 /m/{}/v', op('PUT', '/a'), { kind: 'response', status: '200', pointer: [prop('m'), VALUES, prop('v')] }],
  ['PUT /a request /x/[0]/y/[12]', op('PUT', '/a'), { kind: 'request', pointer: [prop('x'), alt(0), prop('y'), alt(12)] }],
  ['PATCH /a request /[]', op('PATCH', '/a'), { kind: 'request', pointer: [ITEMS] }],
  ['schema S /a/[]/{}/[1]/b', { kind: 'schema', name: 'S' }, { kind: 'schema-pointer', pointer: [prop('a'), ITEMS, VALUES, alt(1), prop('b')] }],
  // JSON Pointer escapes: ~1 is "/", ~0 is "~", and ~01 is "~1" (not "/").
  ['schema S /a~1b', { kind: 'schema', name: 'S' }, { kind: 'schema-pointer', pointer: [prop('a/b')] }],
  ['schema S /a~0b', { kind: 'schema', name: 'S' }, { kind: 'schema-pointer', pointer: [prop('a~b')] }],
  ['schema S /~01', { kind: 'schema', name: 'S' }, { kind: 'schema-pointer', pointer: [prop('~1')] }],
  ['schema S /~0~1', { kind: 'schema', name: 'S' }, { kind: 'schema-pointer', pointer: [prop('~/')] }],
  // Segments that only look like the special ones are property names.
  ['schema S /[x]/[]x/{a}/[-1]', { kind: 'schema', name: 'S' }, { kind: 'schema-pointer', pointer: [prop('[x]'), prop('[]x'), prop('{a}'), prop('[-1]')] }],
  ['schema S /request/response/header', { kind: 'schema', name: 'S' }, { kind: 'schema-pointer', pointer: [prop('request'), prop('response'), prop('header')] }],
  // Every method, statuses at both ends of the range, paths with the allowed punctuation.
  ...['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'].map((m): [string, Subject, Place] => [`${m} /x`, op(m, '/x'), { kind: 'self' }]),
  ['GET /x response 100', op('GET', '/x'), { kind: 'response', status: '100', pointer: [] }],
  ['GET /x response 599', op('GET', '/x'), { kind: 'response', status: '599', pointer: [] }],
  ['GET /', op('GET', '/'), { kind: 'self' }],
  ['GET /os-hypervisors/{id}/v2.1_x:y~z', op('GET', '/os-hypervisors/{id}/v2.1_x:y~z'), { kind: 'self' }],
];

test('parseWhere: every form of the grammar', () => {
  for (const [text, subject, place] of ok) {
    const w = parseWhere(text);
    assert.deepStrictEqual(w, { text, subject, place }, text);
  }
});

test('parseWhere: whitespace around and between tokens does not matter; text is the trimmed input', () => {
  const w = parseWhere('  GET   /servers \t query\ttags  ');
  assert.deepStrictEqual(w, { text: 'GET   /servers \t query\ttags', subject: op('GET', '/servers'), place: { kind: 'parameter', in: 'query', name: 'tags' } });
  assert.deepStrictEqual(parseWhere('\n* response header X\n'), { text: '* response header X', subject: { kind: 'all' }, place: { kind: 'common-response-header', name: 'X' } });
});

const bad: [string, RegExp][] = [
  ['', /expected "METHOD \/path", "\*" or "schema Name"/],
  ['   ', /expected "METHOD \/path"/],
  ['get /servers', /expected an HTTP method .* not "get"/],
  ['FETCH /servers', /expected an HTTP method/],
  ['TRACE /servers', /expected an HTTP method/],
  ['/servers', /expected an HTTP method/],
  ['GET', /expected a path starting with "\/" after GET/],
  ['GET servers', /expected a path starting with "\/"/],
  ['GET /servers?limit=1', /expected a path starting with "\/"/],
  ['GET /servers/{server id}', /expected "request", "response N"/],
  ['GET /servers/ünï', /expected a path starting with "\/"/],
  ['POST /a/action #', /expected an action name after "#"/],
  ['POST /a/action #re boot', /expected "request", "response N", "query", "path" or "header" after the operation, not "boot"/],
  ['POST /a/action #a#b', /expected an action name/],
  ['GET /servers response', /expected a status code/],
  ['GET /servers response 20', /expected a status code/],
  ['GET /servers response 600', /expected a status code/],
  ['GET /servers response 2xx', /expected a status code/],
  ['GET /servers response default', /expected a status code/],
  ['GET /servers response 200 header', /expected a header name after "header"/],
  ['GET /servers response 200 header X Y', /unexpected "Y" at the end/],
  ['GET /servers response 200 server/locked', /expected a pointer starting with "\/", not "server\/locked"/],
  ['GET /servers response 200 /a /b', /unexpected "\/b" at the end/],
  ['GET /servers query', /expected a parameter name after "query"/],
  ['GET /servers path', /expected a parameter name after "path"/],
  ['GET /servers header', /expected a parameter name after "header"/],
  ['GET /servers query a/b', /expected a parameter name after "query"/],
  ['GET /servers query tags extra', /unexpected "extra" at the end/],
  ['GET /servers cookie session', /not "cookie"/],
  ['GET /servers body', /not "body"/],
  ['GET /servers request /', /empty segment in pointer "\/"/],
  ['GET /servers request //a', /empty segment in pointer "\/\/a"/],
  ['GET /servers request /a/', /empty segment in pointer "\/a\/"/],
  ['GET /servers request a', /expected a pointer starting with "\/"/],
  ['GET /servers request /a response 200', /unexpected "response 200" at the end/],
  ['GET /servers request /__proto__', /the property name "__proto__" is not allowed/],
  ['GET /servers request /a/constructor', /the property name "constructor" is not allowed/],
  ['schema S /prototype', /the property name "prototype" is not allowed/],
  ['*', /expected "\* header Name" or "\* response header Name"/],
  ['* query x', /expected "\* header Name" or "\* response header Name"/],
  ['* header', /expected a header name after "\* header"/],
  ['* header a/b', /expected a header name after "\* header"/],
  ['* header X extra', /unexpected "extra" at the end/],
  ['* response', /expected "\* header Name" or "\* response header Name"/],
  ['* response 200', /expected "\* header Name" or "\* response header Name"/],
  ['* response header', /expected a header name after "\* response header"/],
  ['* response header X Y', /unexpected "Y" at the end/],
  ['schema', /expected a schema name/],
  ['schema server-1', /expected a schema name \(letters, digits, _\)/],
  ['schema 1Server', /expected a schema name/],
  ['schema _Server', /expected a schema name/],
  ['schema Server locked', /expected a pointer starting with "\/", not "locked"/],
  ['schema Server /a /b', /unexpected "\/b" at the end/],
  ['schema Server response 200', /expected a pointer starting with "\/", not "response"/],
];

test('parseWhere: errors say what was expected', () => {
  for (const [text, message] of bad) {
    const w = parseWhere(text);
    assert.ok('error' in w, `${JSON.stringify(text)} should not parse, got ${JSON.stringify(w)}`);
    assert.match(w.error, message, JSON.stringify(text));
  }
});

/** Names a pointer segment can carry: not empty, no whitespace, and not one of the special forms. */
const nameArb = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '_', '-', '.', '/', '~', '0', '1', '[', ']', '{', '}', '#', 'é', '*'), minLength: 1, maxLength: 6 })
  .filter((n) => n !== '[]' && n !== '{}' && !/^\[\d+\]$/.test(n) && !['__proto__', 'constructor', 'prototype'].includes(n));
const segmentArb: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 4, arbitrary: nameArb.map(prop) },
  { weight: 1, arbitrary: fc.constant(ITEMS) },
  { weight: 1, arbitrary: fc.constant(VALUES) },
  { weight: 1, arbitrary: fc.nat(20).map(alt) },
);

test('parseWhere reads back every pointer pointerText writes', () => {
  fc.assert(
    fc.property(fc.array(segmentArb, { minLength: 1, maxLength: 5 }), fc.constantFrom('schema Thing', 'GET /x request', 'POST /x/action #go response 202'), (segs, head) => {
      const text = `${head} ${pointerText(segs)}`;
      const w = parseWhere(text);
      assert.ok(!('error' in w), `${text}: ${'error' in w ? w.error : ''}`);
      assert.deepStrictEqual((w.place as { readonly pointer: readonly Segment[] }).pointer, segs);
    }),
    { numRuns: 500 },
  );
});

test('parseWhere never throws, whatever the text', () => {
  const token = fc.constantFrom('GET', 'POST', '*', 'schema', 'S', '/a', '/a/[]/b', '/', '#x', '#', 'request', 'response', '200', '99', 'header', 'query', 'path', 'X', '/~1', '{}', '[0]', '/__proto__', ' ', '\t', '\n');
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(token, { maxLength: 8 }).map((ts) => ts.join(' '))), (text) => {
      const w = parseWhere(text);
      if ('error' in w) assert.equal(typeof w.error, 'string');
      else assert.equal(w.text, text.trim());
    }),
    { numRuns: 1000 },
  );
});
