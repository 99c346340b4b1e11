// The letter's Markdown reaches the screen as headings, lists, bold and tables — and never as
// markup: no '##' or '**' left over, and HTML in the text stays text.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../documents/render/markdown.js';
import { Markdown } from './markdown.js';

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe('Markdown (safe renderer for letters on screen)', () => {
  it('renders headings, bold, lists, rules and hard breaks', () => {
    const out = html(
      '# 电话话术\n\n## 开场\n\n**底线**：每月不超过 ¥1,200.00  \n第二行\n\n- 一\n- **二**\n\n1. 甲\n2. 乙\n\n- [ ] 身份证\n\n---\n\n*仅供参考*\n',
    );
    expect(out).toContain('<h3>电话话术</h3>');
    expect(out).toContain('<h4>开场</h4>');
    expect(out).toContain('<p><strong>底线</strong>：每月不超过 ¥1,200.00<br/>第二行</p>');
    expect(out).toContain('<ul><li>一</li><li><strong>二</strong></li></ul>');
    expect(out).toContain('<ol><li>甲</li><li>乙</li></ol>');
    expect(out).toContain('身份证');
    expect(out).toContain('<hr/>');
    expect(out).toContain('<em>仅供参考</em>');
    expect(out).not.toMatch(/\*\*|##|\\/);
  });

  it('renders a GFM table with its alignment', () => {
    const out = html(
      '| 债主 | 每月 |\n| --- | ---: |\n| 借呗 | ¥1,100.00 |\n| 花\\|呗 | ¥300.00 |',
    );
    expect(out).toContain('<th scope="col" style="text-align:left">债主</th>');
    expect(out).toContain('<td style="text-align:right">¥1,100.00</td>');
    expect(out).toContain('<td style="text-align:left">花|呗</td>');
  });

  it('keeps HTML and escaped markup in user text as text', () => {
    const evil = '<img src=x onerror=alert(1)> **不是粗体** # 不是标题 [链接](javascript:alert(1))';
    const out = html(`段落：${escapeMarkdown(evil)}\n\n<script>alert(1)</script>`);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<strong>');
    expect(out).not.toContain('<a');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt; **不是粗体** # 不是标题');
  });

  it('reads what the letter renderer writes (title, paragraph with bold, table, notice)', () => {
    const md = renderMarkdown({
      title: '协商还款申请书',
      lang: 'zh',
      blocks: [
        { kind: 'heading', level: 1, text: '一、我的情况' },
        { kind: 'paragraph', runs: [{ text: '事由：', bold: true }, { text: '失业 *3* 个月' }] },
        {
          kind: 'table',
          header: ['期数', '金额'],
          numeric: [false, true],
          rows: [['1', '¥1,100.00']],
          caption: '还款计划',
        },
        { kind: 'notice', text: '本文件不构成法律意见。' },
      ],
    } as Parameters<typeof renderMarkdown>[0]);
    const out = html(md);
    expect(out).toContain('<h3>协商还款申请书</h3>');
    expect(out).toContain('<h4>一、我的情况</h4>');
    expect(out).toContain('<strong>事由</strong>：失业 *3* 个月');
    expect(out).toContain('<p><strong>还款计划</strong></p>');
    expect(out).toContain('¥1,100.00</td>');
    expect(out).toContain('<em>本文件不构成法律意见</em>。');
  });
});
