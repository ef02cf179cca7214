import { describe, expect, it } from 'vitest';
import { plainText, renderMarkdown } from './markdown.js';

/** What a hostile submission must never get onto a page, in the forms people have used. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<p onclick="alert(1)">click</p>',
  '[click me](javascript:alert(1))',
  '[click me](JaVaScRiPt:alert(1))',
  '[click me](  javascript:alert(1))',
  '[click me](&#106;avascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<svg onload="alert(1)"><circle r="5"/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object>',
  '<style>body{display:none}</style>',
  '<form action="https://evil.example"><button>Go</button></form>',
  '![tracker](https://evil.example/pixel.png)',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<a href="https://example.org" onmouseover="alert(1)">x</a>',
];

describe('rendering submitted Markdown', () => {
  it.each(PAYLOADS)('never lets %s reach a page', (payload) => {
    const html = renderMarkdown(`Some text\n\n${payload}\n\nMore text`).toLowerCase();
    expect(html).not.toMatch(/<script|<svg|<math|<iframe|<object|<style|<form|<img|<button/);
    expect(html).not.toMatch(/\son[a-z]+\s*=/);
    expect(html).not.toMatch(/javascript:|data:text|xlink/);
    expect(html).not.toContain('style=');
    // An unclosed <style> swallows what follows it: lost text, but nothing runs.
    if (!payload.includes('<style><img')) expect(html).toContain('more text');
  });

  it('keeps ordinary writing: headings, lists, links, tables and emphasis, in GOV.UK styles', () => {
    const html = renderMarkdown(
      [
        '# Setting up',
        'Read **section 75** of the [NHS Act 2006](https://www.legislation.gov.uk/ukpga/2006/41/section/75).',
        '',
        '- agree the aims',
        '- name the host',
        '',
        '| Step | Who |',
        '| --- | --- |',
        '| Draft | Officer |',
      ].join('\n'),
    );
    expect(html).toContain('<h2 class="govuk-heading-m">Setting up</h2>');
    expect(html).toContain('<strong>section 75</strong>');
    expect(html).toContain(
      '<a class="govuk-link" href="https://www.legislation.gov.uk/ukpga/2006/41/section/75" rel="noopener noreferrer nofollow">NHS Act 2006</a>',
    );
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
    expect(html).toContain('<td class="govuk-table__cell">Officer</td>');
  });

  it('turns Markdown into the plain words that search reads', () => {
    expect(plainText('## Pooled **budgets** & [s.75](https://example.org) <script>x</script>')).toBe(
      'Pooled budgets & s.75',
    );
  });
});
