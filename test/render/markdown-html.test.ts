// The Markdown subset renderer: table-driven, [name, { given, want }].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineMarkdownToHtml, markdownToHtml, safeHref } from '../../src/compiler/render/markdown-html.js';

type Case = [string, { given: string; want: string; headingOffset?: number }];

const cases: Case[] = [
  ['a paragraph', { given: 'Hello world.', want: '<p>Hello world.</p>' }],
  ['two paragraphs; lines of one are joined', { given: 'One\ntwo.\n\nThree.', want: '<p>One\ntwo.</p>\n<p>Three.</p>' }],
  ['CRLF line ends', { given: 'One\r\n\r\nTwo', want: '<p>One</p>\n<p>Two</p>' }],
  ['inline code, escaped', { given: 'Send `X-Version: <version>`.', want: '<p>Send <code>X-Version: &lt;version&gt;</code>.</p>' }],
  ['code with backticks inside', { given: '`` a`b ``', want: '<p><code>a`b</code></p>' }],
  ['an unclosed backtick stays literal', { given: 'a ` b', want: '<p>a ` b</p>' }],
  ['bold', { given: 'It is **not** optional.', want: '<p>It is <strong>not</strong> optional.</p>' }],
  ['bold around code', { given: '**the `id` field**', want: '<p><strong>the <code>id</code> field</strong></p>' }],
  ['unclosed bold stays literal', { given: '2 ** 3', want: '<p>2 ** 3</p>' }],
  ['single stars and underscores are text', { given: 'a *b* c_d_e', want: '<p>a *b* c_d_e</p>' }],
  ['a link', { given: 'See [the guide](https://example.org/a_b?x=1&y=2).', want: '<p>See <a href="https://example.org/a_b?x=1&amp;y=2">the guide</a>.</p>' }],
  ['a link with a title', { given: '[x](/path "The title")', want: '<p><a href="/path" title="The title">x</a></p>' }],
  ['a relative link', { given: '[2.26](2.26.html#tags)', want: '<p><a href="2.26.html#tags">2.26</a></p>' }],
  ['a javascript: link loses its URL', { given: '[click](javascript:alert(1))', want: '<p>click</p>' }],
  ['a data: link loses its URL', { given: '[x](data:text/html,hi)', want: '<p>x</p>' }],
  ['link text with code', { given: '[`GET /servers`](https://x.org)', want: '<p><a href="https://x.org"><code>GET /servers</code></a></p>' }],
  ['brackets without a URL are text', { given: 'a [b] c', want: '<p>a [b] c</p>' }],
  ['an autolink', { given: 'At <https://docs.openstack.org>.', want: '<p>At <a href="https://docs.openstack.org">https://docs.openstack.org</a>.</p>' }],
  ['a placeholder is literal', { given: 'PUT /servers/<server_id>/tags/<tag>', want: '<p>PUT /servers/&lt;server_id&gt;/tags/&lt;tag&gt;</p>' }],
  ['raw HTML is escaped', { given: '<script>alert("x")</script>', want: '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>' }],
  ['an HTML attribute is escaped', { given: '<img src=x onerror=alert(1)>', want: '<p>&lt;img src=x onerror=alert(1)&gt;</p>' }],
  ['entities show literally', { given: '&amp; &lt; &#60;', want: '<p>&amp;amp; &amp;lt; &amp;#60;</p>' }],
  ['quotes are escaped', { given: `it's "x"`, want: '<p>it&#39;s &quot;x&quot;</p>' }],
  ['backslash escapes', { given: '\\*\\*not bold\\*\\* \\`x\\` \\<uuid>', want: '<p>**not bold** `x` &lt;uuid&gt;</p>' }],
  ['headings', { given: '# One\n## Two ##\n###### Six', want: '<h1>One</h1>\n<h2>Two</h2>\n<h6>Six</h6>' }],
  ['headings shifted and capped', { given: '# One\n##### Five', headingOffset: 2, want: '<h3>One</h3>\n<h6>Five</h6>' }],
  ['#tag without a space is text', { given: '#tag', want: '<p>#tag</p>' }],
  ['a tight bullet list', { given: '- a\n- `b`\n- c', want: '<ul>\n<li>a</li>\n<li><code>b</code></li>\n<li>c</li>\n</ul>' }],
  ['a list after a paragraph line', { given: 'Changes:\n- a\n- b', want: '<p>Changes:</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>' }],
  ['list items with continuation lines', { given: '- one\n  more\n- two', want: '<ul>\n<li>one\nmore</li>\n<li>two</li>\n</ul>' }],
  ['lazy continuation', { given: '- one\nmore', want: '<ul>\n<li>one\nmore</li>\n</ul>' }],
  ['a loose list', { given: '- a\n\n- b', want: '<ul>\n<li><p>a</p></li>\n<li><p>b</p></li>\n</ul>' }],
  ['an item with two paragraphs', { given: '- a\n\n  more\n- b', want: '<ul>\n<li><p>a</p>\n<p>more</p></li>\n<li><p>b</p></li>\n</ul>' }],
  ['a nested list', { given: '- a\n  - a1\n  - a2\n- b', want: '<ul>\n<li>a\n<ul>\n<li>a1</li>\n<li>a2</li>\n</ul></li>\n<li>b</li>\n</ul>' }],
  ['an ordered list', { given: '1. one\n2. two', want: '<ol>\n<li>one</li>\n<li>two</li>\n</ol>' }],
  ['an ordered list starting at 3', { given: '3) three\n4) four', want: '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>' }],
  ['a different bullet starts a new list', { given: '- a\n* b', want: '<ul>\n<li>a</li>\n</ul>\n<ul>\n<li>b</li>\n</ul>' }],
  ['a version number is not a list', { given: '2.26 adds tags.', want: '<p>2.26 adds tags.</p>' }],
  ['a list ends at a paragraph after a blank line', { given: '- a\n\nText.', want: '<ul>\n<li>a</li>\n</ul>\n<p>Text.</p>' }],
  ['a fenced code block, escaped', { given: '```json\n{"a": "<b>"}\n```', want: '<pre><code class="language-json">{&quot;a&quot;: &quot;&lt;b&gt;&quot;}</code></pre>' }],
  ['a fence keeps Markdown as text', { given: '~~~\n**x** [a](b)\n~~~\nafter', want: '<pre><code>**x** [a](b)</code></pre>\n<p>after</p>' }],
  ['an unclosed fence runs to the end', { given: '```\ncode', want: '<pre><code>code</code></pre>' }],
  ['empty input', { given: '', want: '' }],
  ['a code span over a line break', { given: 'a `b\nc` d', want: '<p>a <code>b c</code> d</p>' }],
];

for (const [name, { given, want, headingOffset }] of cases) {
  test(`markdown: ${name}`, () => {
    assert.equal(markdownToHtml(given, headingOffset !== undefined ? { headingOffset } : {}), want);
  });
}

test('markdown: a description as the Nova spec writes them', () => {
  const given = [
    'Servers can carry simple string tags, managed under',
    '`/servers/<server_id>/tags`.',
    '',
    '- A tag is at most 60 characters; `/` and the comma are not',
    '  allowed in it.',
    '- `GET /servers` accepts `tags`, e.g.',
    '  `GET /servers?tags=red&tags-any=green,orange`.',
  ].join('\n');
  assert.equal(markdownToHtml(given), [
    '<p>Servers can carry simple string tags, managed under\n<code>/servers/&lt;server_id&gt;/tags</code>.</p>',
    '<ul>',
    '<li>A tag is at most 60 characters; <code>/</code> and the comma are not\nallowed in it.</li>',
    '<li><code>GET /servers</code> accepts <code>tags</code>, e.g.\n<code>GET /servers?tags=red&amp;tags-any=green,orange</code>.</li>',
    '</ul>',
  ].join('\n'));
});

test('markdown: inline only, for summaries', () => {
  assert.equal(inlineMarkdownToHtml('Tags for `<server>` **now**'), 'Tags for <code>&lt;server&gt;</code> <strong>now</strong>');
  assert.equal(inlineMarkdownToHtml('# not a heading'), '# not a heading');
});

test('markdown: safeHref keeps http, https, mailto and relative URLs only', () => {
  for (const ok of ['https://x.org', 'http://x.org/a', 'mailto:a@b.org', '/abs', 'rel.html', '#frag', '../openapi/2.1.yaml', '?q=1']) assert.equal(safeHref(ok), ok);
  for (const bad of ['javascript:alert(1)', 'JavaScript:x', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', 'java\tscript:x', 'a b']) assert.equal(safeHref(bad), undefined, bad);
});

test('markdown: whatever the input, no tag other than the subset comes out', () => {
  const nasty = [
    '<script>x</script>', '<a href="javascript:x">a</a>', '[a](javascript:x)', '**<b>**', '`<i>`', '<https://x.org/"onmouseover="x>',
    '```\n</code></pre><script>\n```', '- <li>\n  <ul>', '# <h1>', '[<b>](https://x.org)', '&#x3C;script&#x3E;', '\\<script>',
  ].join('\n\n');
  const html = markdownToHtml(nasty);
  for (const m of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    assert.ok(['p', 'code', 'pre', 'strong', 'a', 'ul', 'ol', 'li', 'h1'].includes(m[1]!), `unexpected <${m[1]}> in ${html}`);
    const attrs = [...m[2]!.matchAll(/\s([a-z-]+)="[^"]*"/g)].map((a) => a[1]);
    for (const a of attrs) assert.ok(['href', 'title', 'class', 'start'].includes(a!), `unexpected attribute ${a} in ${m[0]}`);
    assert.equal(m[2]!.replace(/\s[a-z-]+="[^"]*"/g, ''), '', `stray text in the tag ${m[0]}`);
  }
  assert.ok(!/href="(?!https?:)[a-z]+:/i.test(html), 'only http(s) links');
});
