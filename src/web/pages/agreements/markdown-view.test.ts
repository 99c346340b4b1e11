import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from './markdown-view.js';

const html = (text: string) => renderToStaticMarkup(createElement(MarkdownView, { text }));

describe('MarkdownView', () => {
  it('renders the letter shapes as elements: headings, bold, lists, tables, hard breaks', () => {
    const md = [
      '# 协商还款申请书',
      '',
      '**事由**：申请分期  ',
      '第二行',
      '',
      '1. 第一项',
      '2. 第二项',
      '',
      '- [ ] 身份证',
      '',
      '| 期数 | 金额 |',
      '| --- | ---: |',
      '| 1 | ¥600.00 |',
      '',
      '---',
    ].join('\n');
    const out = html(md);
    expect(out).toContain('<h3>协商还款申请书</h3>');
    expect(out).toContain('<p><strong>事由</strong>：申请分期<br/>第二行</p>');
    expect(out).toContain('<ol><li>第一项</li><li>第二项</li></ol>');
    expect(out).toContain('<ul><li>身份证</li></ul>');
    expect(out).toContain('<th scope="col">金额</th>');
    expect(out).toContain('<td>¥600.00</td>');
    expect(out).toContain('<hr/>');
    expect(out).not.toMatch(/\*\*|#/);
  });

  it('keeps escaped markers as text and never passes markup through', () => {
    const out = html('张\\*三 \\# <img src=x onerror=alert(1)> **<b>粗</b>**');
    expect(out).toContain(
      '张*三 # &lt;img src=x onerror=alert(1)&gt; <strong>&lt;b&gt;粗&lt;/b&gt;</strong>',
    );
    expect(out).not.toContain('<img');
  });
});
