// Spec text in the Markdown outputs: plain text escaped, authored Markdown passed through with
// raw HTML neutralised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownCode, markdownSource, markdownText } from '../../src/compiler/render/markdown-text.js';

const textCases: [string, string, string][] = [
  ['plain words', 'property tags added', 'property tags added'],
  ['snake_case stays readable', 'server_id and tags_any', 'server_id and tags_any'],
  ['emphasis underscores are escaped', '_a_ b', '\\_a\\_ b'],
  ['a placeholder', 'GET /servers/<uuid>', 'GET /servers/\\<uuid\\>'],
  ['stars, brackets, backticks, pipes', '*x* [y] `z` a|b', '\\*x\\* \\[y\\] \\`z\\` a\\|b'],
  ['an entity shows literally', 'a &lt; b & c', 'a &amp;lt; b & c'],
  ['a backslash', 'a\\b', 'a\\\\b'],
  ['newlines become spaces', 'a\nb', 'a b'],
];
for (const [name, given, want] of textCases) test(`markdownText: ${name}`, () => assert.equal(markdownText(given), want));

test('markdownCode: a fence longer than any backtick run inside', () => {
  assert.equal(markdownCode('GET /servers/{server_id}'), '`GET /servers/{server_id}`');
  assert.equal(markdownCode('a`b'), '``a`b``');
  assert.equal(markdownCode('`x`'), '`` `x` ``');
  assert.equal(markdownCode('<uuid>'), '`<uuid>`');
});

const sourceCases: [string, string, string, Parameters<typeof markdownSource>[1]?][] = [
  ['Markdown passes through', '**Bold** and `code`\n\n- item', '**Bold** and `code`\n\n- item'],
  ['raw HTML is neutralised', '<script>alert(1)</script> and <uuid>', '&lt;script>alert(1)&lt;/script> and &lt;uuid>'],
  ['code spans keep their text', 'Send `X-Version: <version>`', 'Send `X-Version: <version>`'],
  ['a code span over a line break', 'a `b\n<c>` d <e>', 'a `b\n<c>` d &lt;e>'],
  ['fenced code keeps its text', '```\n<b>\n```\n<b>', '```\n<b>\n```\n&lt;b>'],
  ['autolinks stay', 'See <https://x.org>.', 'See <https://x.org>.'],
  ['entities show literally', '&lt;b&gt; & co', '&amp;lt;b&amp;gt; & co'],
  ['headings are demoted', '# Title\ntext\n#### Deep', '### Title\ntext\n###### Deep', { headingOffset: 2 }],
  ['continuation lines are indented', 'one\n\n- two', 'one\n\n  - two', { indent: '  ' }],
  ['trailing newlines are dropped', 'text\n\n', 'text'],
];
for (const [name, given, want, options] of sourceCases) test(`markdownSource: ${name}`, () => assert.equal(markdownSource(given, options), want));
