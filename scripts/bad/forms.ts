// The bad corpus's forms built with the fixture generator's helpers: hostile number
// cells, formula/HTML payloads, a 1 MB cell, a long non-form document, a pasted scan.
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { deptForm, fullIndicators, type DeptOpts } from '../fixtures/dept.js';
import { met } from '../fixtures/forms.js';
import type { BlockSpec, DocSpec } from '../fixtures/model.js';
import { para } from '../fixtures/model.js';
import { makeDeterministic } from '../fixtures/zip.js';
import { scanPng } from './png.js';

/** The clean department numbers every bad form starts from (they add up; rate 96.00%, score 9.60). */
function cleanDept(name: string): DeptOpts {
  return {
    name,
    title: '2022年度部门整体支出绩效自评表',
    headerRows: [['单位名称', '益阳市赫山区水利局']],
    sources: {
      total: { budget: '500.00', actual: '480.00', rate: '96.00%', weight: '10', score: '9.60' },
      fiscal: { budget: '400.00', actual: '480.00' },
      other: { budget: '100.00', actual: '0' },
    },
    uses: {
      total: { budget: '500.00', actual: '480.00' },
      basic: { budget: '300.00', actual: '290.00' },
      personnel: { budget: '250.00', actual: '240.00' },
      public: { budget: '50.00', actual: '50.00' },
      project: { budget: '200.00', actual: '190.00' },
    },
    indicators: fullIndicators('水利'),
    total: { weight: '100', score: '99.60' },
  };
}

/**
 * Number cells that are not numbers: "１,２３" (full-width, a comma that groups two
 * digits), "1.2.3", "NaN", "1e309" (overflows a double) — each a not-a-number error;
 * "-0" is zero, and with it as 0 every sum still holds.
 */
export function hostileNumbers(): DocSpec {
  const o = cleanDept('hostile-numbers');
  o.sources.other = { budget: '１,２３', actual: '-0' };
  o.uses.personnel = { budget: '250.00', actual: '1.2.3' };
  o.uses.public = { budget: '50.00', actual: 'NaN' };
  o.uses.project = { budget: '1e309', actual: '190.00' };
  return deptForm(o);
}

export const PAYLOADS = {
  script: '<script>alert("jxaudit")</script>',
  html: '<b onmouseover="alert(1)">加粗</b><iframe src="javascript:alert(2)"></iframe>',
  formulaSum: '=1+1',
  formulaAt: '@SUM(A1)',
  formulaCmd: "+cmd|' /C calc'!A0",
  formulaMinus: '-2+3',
};

/** A clean form whose text cells carry HTML, script and spreadsheet-formula payloads. */
export function payloadText(): DocSpec {
  const o = cleanDept('payload-text');
  o.headerRows = [['单位名称', PAYLOADS.formulaCmd]];
  o.duties = PAYLOADS.html;
  o.goals = [[PAYLOADS.script, PAYLOADS.formulaSum]];
  const groups = fullIndicators('水利');
  groups[0].subs[0].rows = [met(PAYLOADS.formulaAt, '≥500户', '526户', '20')];
  groups[0].subs[1].rows = [met(PAYLOADS.script, '100%', '100%', '15')];
  groups[1].subs[0].rows = [met(PAYLOADS.formulaMinus, '有效提升', '有效提升', '15')];
  o.indicators = groups;
  return deptForm(o);
}

/** The 1 MB text of huge-cell.docx (about 350,000 Chinese characters, UTF-8). */
export function megabyteText(): string {
  const sentence = '全年完成水利工程建设与管理，组织实施防汛抗旱、农村饮水安全和河湖长制工作。';
  return sentence.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(sentence, 'utf8')));
}

/** A clean form whose goal result cell (kept in the record, shown in the report) holds 1 MB of text. */
export function hugeCell(): DocSpec {
  const o = cleanDept('huge-cell');
  o.goals = [['全面完成年度水利工作任务。', megabyteText()]];
  return deptForm(o);
}

/** A long report of plain paragraphs (no form) over hundreds of pages: the source of hundreds-of-pages.pdf. */
export function longReport(pages = 320): DocSpec {
  const blocks: BlockSpec[] = [para('某区2022年度政府工作情况汇编', { bold: true, center: true })];
  for (let page = 1; page <= pages; page++) {
    blocks.push(para(`第${page}部分　工作情况`, { bold: true, pageBreak: page > 1 }));
    for (let i = 1; i <= 12; i++) {
      blocks.push(para(`（${i}）本部分记述第${page}项工作第${i}个方面的进展情况，全年累计完成计划任务，群众反映良好，相关经验已在全区推广。`));
    }
  }
  return { name: 'long-report', blocks };
}

/** A DOCX whose whole body is pasted page scans: images, no text at all (default: two made-up pages). */
export async function scanOnlyDocx(pages: Buffer[] = [scanPng(), scanPng(420, 594, 11)]): Promise<Buffer> {
  const doc = new Document({
    creator: 'jxaudit fixtures',
    sections: [
      {
        children: pages.map(
          (data) => new Paragraph({ children: [new ImageRun({ type: 'png', data, transformation: { width: 560, height: 792 } })] }),
        ),
      },
    ],
  });
  return makeDeterministic(Buffer.from(await Packer.toBuffer(doc)));
}
