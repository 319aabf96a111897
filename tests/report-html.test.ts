// report.html as text: document strings escaped, one batch row per input, failures
// and findings in their file's section, highlights on the named cells, same input → same page.
import { createHash } from 'node:crypto';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { ReportSchema, SummarySchema } from '../src/model/report.js';
import { fieldLabel } from '../src/report/html-assets/labels.js';
import { escapeHtml, renderHtmlEnd, renderHtmlFile, renderHtmlStart } from '../src/report/html.js';
import { buildSample, IMG_PAYLOAD, renderSamplePage, SCRIPT_PAYLOAD } from './helpers/html-sample.js';
import { renderIndicatorTable } from '../src/report/html-numbers.js';
import { cleanRecord } from './rules/builder.js';

const page = renderSamplePage();
const $ = cheerio.load(page);

function sectionOf(path: string) {
  const row = $('#batch tbody tr[data-target]').filter((_, el) => $(el).find('td.file a').text() === path);
  expect(row.length, `row for ${path}`).toBe(1);
  const section = $(`details#${row.attr('data-target')}`);
  expect(section.length, `section for ${path}`).toBe(1);
  return { row, section };
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
    expect(escapeHtml('岳麓区住房保障服务中心')).toBe('岳麓区住房保障服务中心');
  });
});

describe('fieldLabel', () => {
  it('names record paths in Chinese, numbering indicators and changes from 1', () => {
    expect(fieldLabel('funds.uses.basic.actual')).toBe('资金结构·基本支出·全年执行数');
    expect(fieldLabel('funds.uses.personnel.budget')).toBe('资金结构·人员支出·全年预算数');
    expect(fieldLabel('funds.sources.specialAccount.rate')).toBe('资金来源·财政专户管理资金·执行率(%)');
    expect(fieldLabel('funds.sources.provinceExtra.actual')).toBe('资金来源·provinceExtra·全年执行数');
    expect(fieldLabel('indicators[3].deviation')).toBe('第4项指标·偏差原因');
    expect(fieldLabel('indicators[*].weight')).toBe('全部指标·分值');
    expect(fieldLabel('narrative.facts.threePublic.reception')).toBe('文字部分·公务接待费');
    expect(fieldLabel('narrative.changes[0].percent')).toBe('文字部分·第1处增减变化·幅度(%)');
    expect(fieldLabel('total.score')).toBe('总得分');
    expect(fieldLabel('something.new')).toBe('something.new');
  });
});

describe('report.html escaping', () => {
  it('shows script and img payloads from documents as text only', () => {
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain(SCRIPT_PAYLOAD);
    expect(page).not.toContain(IMG_PAYLOAD);
    expect(page).not.toMatch(/<img/i);
    // the page's own script is the only script element
    expect(page.match(/<script/gi)).toHaveLength(1);
    expect($('script').length).toBe(1);
    expect($('[onerror], [onclick], [onload]').length).toBe(0);
  });

  it('parses the payload back as the literal text in the table, the section and the location', () => {
    const { row, section } = sectionOf(`芙蓉区/${SCRIPT_PAYLOAD}.docx`);
    expect(row.find('td').eq(2).text()).toBe(IMG_PAYLOAD);
    expect(section.find('summary .path').text()).toBe(`芙蓉区/${SCRIPT_PAYLOAD}.docx`);
    expect(section.find('.finding .locs li').text()).toBe(`表1 第4行 第4列 原文“${SCRIPT_PAYLOAD}”`);
    expect(section.find('.finding .msg').text()).toContain(`“${IMG_PAYLOAD}”不是数字`);
    // cells of the folded indicator and goal tables
    expect(section.find('table.indicators.full tbody tr').first().find('td.label').eq(2).text()).toBe(SCRIPT_PAYLOAD);
    expect(section.find('table.goals td').first().text()).toBe(IMG_PAYLOAD);
  });

  it('loads nothing from outside the page and pins its script and style by hash', () => {
    expect(page).not.toMatch(/https?:\/\//);
    expect($('[src], link').length).toBe(0);
    const csp = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash($('script').html() ?? '')}`);
    expect(csp).toContain(`style-src ${hash($('style').html() ?? '')}`);
  });
});

describe('report.html structure', () => {
  it('has the title, the totals and the batch observations', () => {
    expect($('title').text()).toBe('绩效自评表核查报告');
    expect($('h1').text()).toBe('绩效自评表核查报告');
    const totals = Object.fromEntries($('.totals div').map((_, el) => [[$(el).find('dt').text(), $(el).find('dd').text()]]).get());
    expect(totals).toEqual({ 文件: '6', 通过: '2', 有差异: '2', 读取失败: '2', 错误: '2', 警告: '1' });
    const observations = $('ul.observations li');
    expect(observations.length).toBe(2);
    expect(observations.eq(0).text()).toContain('年度不符');
    expect(observations.eq(0).find('a').text()).toBe('天心区/2021-tianxin.docx');
    expect(observations.eq(1).find('a').length).toBe(2);
    expect($('.subtitle').text()).toContain('2026-11-30 01:00:00（UTC+08:00）');
  });

  it('counts the batch observations and folds a long list after the first three', () => {
    expect($('.tally').text()).toBe('共 2 条：年度不符 1 条，重复 1 条');
    expect($('details.more-obs').length).toBe(0);
    const sample = buildSample();
    const many = SummarySchema.parse({
      ...sample.summary,
      batch: Array.from({ length: 5 }, (_, i) => ({ kind: 'duplicate-content', severity: 'warning', message: `第${i}份重复`, paths: [] })),
    });
    const folded = cheerio.load(renderHtmlStart(many) + renderHtmlEnd());
    expect(folded('.tally').text()).toBe('共 5 条：重复 5 条');
    expect(folded('ul.observations').first().children('li').length).toBe(3);
    expect(folded('details.more-obs summary').text()).toBe('展开其余 2 条');
    expect(folded('details.more-obs li').length).toBe(2);
  });

  it('lists one row per input, in input order, with form kind, entity, year, status and counts', () => {
    const rows = $('#batch tbody tr[data-target]');
    expect(rows.length).toBe(6);
    const cells = rows.map((_, el) => [$(el).find('td').map((__, td) => $(td).find('a, .badge').first().text() || $(td).text()).get()]).get();
    expect(cells[0]).toEqual(['岳麓区/2022-yuelu.docx', '部门整体', '岳麓区住房保障服务中心', '2022', '有差异', '1', '1']);
    expect(cells[2]).toEqual(['开福区/项目支出自评表.pdf', '项目', '老旧小区改造项目', '2022', '通过', '0', '0']);
    expect(cells[4]).toEqual(['雨花区/封面.doc', '—', '—', '—', '读取失败', '0', '0']);
    expect(rows.map((_, el) => $(el).attr('data-status')).get()).toEqual(['discrepancies', 'discrepancies', 'ok', 'ok', 'failed', 'failed']);
    // the severity filter's tokens: a failed file answers to "error"
    expect(rows.map((_, el) => $(el).attr('data-sevs')).get()).toEqual(['error warning info', 'error', '', '', 'error', 'error']);
    // duplicate and other-year tags on the rows the observations name
    expect(rows.eq(3).find('.tag').text()).toBe('年度不符');
    expect(rows.eq(0).find('.tag').text()).toBe('重复');
  });

  it('links every row to its own file section, in the same order', () => {
    const targets = $('#batch tbody tr[data-target]').map((_, el) => $(el).attr('data-target')).get();
    expect(new Set(targets).size).toBe(6);
    expect($('details.file').map((_, el) => $(el).attr('id')).get()).toEqual(targets);
    for (const el of $('#batch tbody tr[data-target]').toArray()) {
      expect($(el).find('a').attr('href')).toBe(`#${$(el).attr('data-target')}`);
    }
  });

  it('shows a failed file with its code and message', () => {
    const { section, row } = sectionOf('雨花区/封面.doc');
    expect(section.find('.failure code').text()).toBe('unsupported-format');
    expect(section.find('.failure').text()).toContain('请另存为 DOCX 或 PDF 后重新提交');
    expect(section.find('.failure .code').text()).toBe('格式不支持');
    expect(row.find('.why').text()).toBe('格式不支持');
    const missing = sectionOf('望城区/missing.docx').section;
    expect(missing.find('.failure code').text()).toBe('not-found');
    expect(missing.find('.failure p').text()).toBe('找不到文件：望城区/missing.docx');
    expect(missing.find('.finding').length).toBe(0);
  });

  it('shows each finding with badge, numbers and locations, errors first', () => {
    const { section } = sectionOf('岳麓区/2022-yuelu.docx');
    const findings = section.find('.finding');
    expect(findings.map((_, el) => $(el).attr('data-sev')).get()).toEqual(['error', 'warning', 'info']);
    const first = findings.eq(0);
    expect(first.find('.badge').text()).toBe('错误');
    expect(first.find('.nums dd').map((_, el) => $(el).text()).get()).toEqual(['1150.05', '1155.05', '-5.00']);
    expect(first.find('.locs li').map((_, el) => $(el).text()).get()).toEqual([
      '文字部分·基本支出：第4段：“上述决算支出中基本支出1150.05万元”',
      '文字部分·基本支出：第7段：“基本支出1150.05万元”',
      '资金结构·基本支出·全年执行数：表1 第8行 第5列 原文“1155.05”',
    ]);
    expect(first.find('.rule code').text()).toBe('narrative.spending-basic-matches-table');
    // a finding without numbers prints none of them
    expect(findings.eq(1).find('.nums').length).toBe(0);
    expect(findings.eq(1).find('.locs li').text()).toBe('表1 第21行 第9列 原文为空白');
  });

  it('highlights the fund and indicator cells the findings name, by their gravest severity', () => {
    const { section } = sectionOf('岳麓区/2022-yuelu.docx');
    const cell = (field: string) => section.find(`td[data-field="${field}"]`);
    expect(cell('funds.uses.basic.actual').hasClass('hl-error')).toBe(true);
    expect(cell('funds.uses.basic.actual').text()).toBe('1155.05');
    expect(cell('funds.uses.basic.actual').attr('title')).toContain('表1 第8行 第5列');
    expect(cell('funds.sources.total.rate').hasClass('hl-info')).toBe(true);
    expect(cell('funds.uses.basic.budget').attr('class')).not.toMatch(/hl-/);
    expect(section.find('.form-grid td[class*="hl-"]').length).toBe(5);
    // only the indicator a finding names is listed beside the findings, numbered from 1
    const indicatorRows = section.find('.form-grid table.indicators tbody tr');
    expect(indicatorRows.length).toBe(1);
    expect(indicatorRows.find('td').eq(0).text()).toBe('3');
    expect(cell('indicators[2].target').first().hasClass('hl-warning')).toBe(true);
    expect(cell('indicators[2].actual').first().text()).toBe('90%');
    // the folded table of all indicators marks the same cells, and only those
    const all = section.find('details.more table.indicators.full');
    expect(all.find('tbody tr').length).toBe(4); // 3 indicators + 合计
    expect(all.find('td[class*="hl-"]').map((_, el) => $(el).attr('data-field')).get()).toEqual([
      'indicators[2].target', 'indicators[2].actual', 'indicators[2].deviation',
    ]);
    expect(all.find('tbody tr').last().find('td[data-field="total.score"]').text()).toBe('98');
    // the fund table has the layout's columns: no 年初预算数 and no 原因 in the seed's layout
    expect(section.find('table.funds thead th').map((_, el) => $(el).text()).get()).toEqual([
      '项目', '全年预算数', '全年执行数', '执行率(%)', '分值', '得分',
    ]);
    expect(section.find('table.funds tbody tr:not(.group-head)').length).toBe(8);
  });

  it('says a clean form has no problems and shows its own columns', () => {
    const { section } = sectionOf('开福区/项目支出自评表.pdf');
    expect(section.find('.no-findings').text()).toBe('未发现问题。');
    expect(section.find('table.funds thead th').map((_, el) => $(el).text()).get()).toEqual([
      '项目', '年初预算数', '全年预算数', '全年执行数', '执行率(%)', '分值', '得分',
    ]);
    expect(section.find('td[data-field="funds.sources.total.score"]').text()).toBe('9.52');
    expect(section.find('.form-grid table.indicators').length).toBe(0);
  });

  it('puts each finding under the form its formIndex names', () => {
    const sample = buildSample();
    const base = sample.files[0];
    const twoForms = ReportSchema.parse({
      ...base.report,
      forms: [
        { index: 0, form: 'dept-overall', entity: '甲单位', year: 2022 },
        { index: 1, form: 'project', entity: '乙项目', year: 2022 },
      ],
      findings: base.report.findings.map((f, i) => ({ ...f, formIndex: i === 1 ? 1 : 0 })),
    });
    const second = { ...base.records[0], form: 'project' as const, source: { ...base.records[0].source, formIndex: 1 } };
    const html = cheerio.load(renderHtmlFile(twoForms, [base.records[0], second]));
    const forms = html('article.form');
    expect(forms.length).toBe(2);
    expect(forms.eq(0).find('h3').text()).toContain('第1张表 · 部门整体支出绩效自评表 · 甲单位 · 2022年度');
    expect(forms.eq(1).find('h3').text()).toContain('第2张表 · 项目支出绩效自评表 · 乙项目');
    expect(forms.eq(0).find('.finding').map((_, el) => html(el).attr('data-sev')).get()).toEqual(['error', 'info']);
    expect(forms.eq(1).find('.finding').map((_, el) => html(el).attr('data-sev')).get()).toEqual(['warning']);
  });
});

describe('report.html determinism', () => {
  it('renders the same page from the same input', () => {
    expect(renderSamplePage(buildSample())).toBe(renderSamplePage(buildSample()));
  });

  it('changes nothing but the generation time between two runs', () => {
    const later = buildSample();
    later.summary = SummarySchema.parse({ ...later.summary, generatedAt: '2026-12-01T16:30:05+08:00' });
    const a = renderSamplePage(buildSample()).replace('2026-11-30 01:00:00（UTC+08:00）', 'TIME');
    const b = renderSamplePage(later).replace('2026-12-01 16:30:05（UTC+08:00）', 'TIME');
    expect(a).toBe(b);
  });

  it('is one well-formed page from start, file pieces and end', () => {
    const sample = buildSample();
    const start = renderHtmlStart(sample.summary);
    expect(start.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(renderHtmlEnd().trimEnd().endsWith('</html>')).toBe(true);
    expect(page.match(/<details class="file"/g)).toHaveLength(6);
    expect($('details.file').length).toBe(6);
    // 4 readable forms, each with its folded indicators and goals
    expect(page.match(/<details /g)).toHaveLength(10);
    expect(page.match(/<\/details>/g)).toHaveLength(10);
  });
});

describe('a 分值/得分 merged over several indicators (record.md: indicatorGroups)', () => {
  it('is one cell spanning its indicators\' rows, named and highlighted as the group\'s', () => {
    const record = cleanRecord();
    for (const i of record.indicators.slice(0, 2)) { delete i.weight; delete i.score; }
    record.indicatorGroups.push({ indicators: [0, 1], weight: '60', score: '59' });
    const html = renderIndicatorTable(record, new Map([['indicatorGroups[0].score', 'error'], ['total.score', 'error']]));
    const $t = cheerio.load(`<body>${html}</body>`);
    const rows = $t('tbody tr');
    expect(rows.first().find('td[data-field="indicatorGroups[0].weight"]').attr('rowspan')).toBe('2');
    const score = rows.first().find('td[data-field="indicatorGroups[0].score"]');
    expect([score.attr('rowspan'), score.text(), score.hasClass('hl-error')]).toEqual(['2', '59', true]);
    expect(rows.eq(1).find('td[data-field^="indicatorGroups"], td[data-field$=".weight"], td[data-field$=".score"]').length).toBe(0);
    expect(fieldLabel('indicatorGroups[0].score', record.indicatorGroups)).toBe('第1至2项指标·得分');
  });
});

describe('batch table tags of a file holding several forms', () => {
  it('tags only the forms an observation names; a whole-file observation, every row of the file (probe Y)', () => {
    const form = (index: number, entity: string, year: number) => ({
      index, form: 'project' as const, entity, year, status: 'ok' as const, errors: 0, warnings: 0, infos: 0,
    });
    const summary = SummarySchema.parse({
      schema: 'jxaudit/summary@1',
      generatedAt: '2026-11-30T01:00:00+08:00',
      inputs: [
        { path: '合订.docx', status: 'ok', form: 'project', entity: '甲项目', year: 2023, errors: 0, warnings: 0, infos: 0, failure: null,
          forms: [form(0, '甲项目', 2023), form(1, '乙项目', 2023), form(2, '丙项目', 2022)] },
        { path: '乙项目.pdf', status: 'ok', form: 'project', entity: '乙项目', year: 2023, errors: 0, warnings: 0, infos: 0, failure: null, forms: [form(0, '乙项目', 2023)] },
        { path: '副本.docx', status: 'ok', form: 'project', entity: '丁项目', year: 2023, errors: 0, warnings: 0, infos: 0, failure: null,
          forms: [form(0, '丁项目', 2023), form(1, '戊项目', 2023)] },
      ],
      totals: { files: 3, ok: 3, discrepancies: 0, failed: 0, errors: 0, warnings: 0 },
      batch: [
        { kind: 'duplicate-form', severity: 'warning', message: '“乙项目”2023 年度项目支出绩效自评表出现 2 份', paths: ['合订.docx', '乙项目.pdf'],
          forms: [{ path: '合订.docx', index: 1 }, { path: '乙项目.pdf', index: 0 }] },
        { kind: 'other-year', severity: 'warning', message: '合订.docx 是 2022 年度的表', paths: ['合订.docx'], forms: [{ path: '合订.docx', index: 2 }] },
        { kind: 'duplicate-content', severity: 'warning', message: '2 个文件内容完全相同（重复提交）', paths: ['副本.docx', '别处/副本.docx'] },
      ],
    });
    const page = cheerio.load(renderHtmlStart(summary) + renderHtmlEnd());
    const rows = page('#batch tbody tr[data-target]');
    const tags = rows.map((_, el) => [page(el).find('.tag:not(.nth)').map((__, t) => page(t).text()).get().join(',')]).get();
    expect(tags).toEqual(['', '重复', '年度不符', '重复', '重复', '重复']);
  });
});
