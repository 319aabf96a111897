// Builds fixtures/resubmit/ (issue 17): forms sent back and resubmitted, as a bureau
// receives them round by round. Deterministic (the same builder as fixtures/docx).
// Usage: npx tsx scripts/gen-resubmit-fixtures.ts
//
//   round1/seed-yuelu-2022.docx        the seed, byte-identical to fixtures/docx/ (its 9 findings)
//   round2/seed-yuelu-2022-corrected.docx
//       the department fixed 4 of the 9 — the narrative's 基本支出 1150.05 → 1155.05 (twice) and
//       对个人和家庭的补助 566.82 → 571.82, so 文字 basic = table basic (1155.05), total spending
//       1155.05 + 3028.78 = 4183.83, the economic breakdown 538.19 + 45.04 + 571.82 = 1155.05 and
//       personnel 538.19 + 571.82 = 1110.01 hold — and made one new slip: 公用支出 全年预算数
//       50.91 → 50.19, so 基本支出 971.01 ≠ 920.1 + 50.19 = 970.29. It also names itself
//       "长沙市岳麓区住房保障服务中心" where the first said "岳麓区住房保障服务中心".
//   round1/project-road-2023.docx      a project form: 执行数 parts 498.40 + 70.00 + 10.00 =
//       578.40 ≠ 588.40, and 设施长效运行's 得分 blank (indicator 6 of 8)
//   round2/project-road-2023.docx      parts fixed (当年财政拨款 508.40); a new indicator
//       安保设施完好率 (5) inserted before 设施长效运行 and 验收合格率 15 → 10, so that
//       indicator is now the 7th — its blank 得分 is the same finding; the name is written
//       "2023年 农村公路安全生命防护工程" (a space)
//   round3/project-road-2023.docx      得分 15 filled, but 总分 written 98.81 for
//       9.81 + 90 = 99.81: one new slip
// Expected outcomes (hand-written): tests/resubmit/expected.json.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocx } from './fixtures/builder.js';
import type { CellSpec, DocSpec, TableSpec } from './fixtures/model.js';
import { met } from './fixtures/forms.js';
import { nationalLines, projectForm, projectIndicators } from './fixtures/project.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'fixtures', 'resubmit');

const seed = (): DocSpec => JSON.parse(readFileSync(join(here, 'fixtures', 'seed-yuelu-2022.json'), 'utf8')) as DocSpec;

function table(spec: DocSpec): TableSpec {
  const t = spec.blocks.find((b) => b.type === 'table');
  if (!t || t.type !== 'table') throw new Error('no table');
  return t;
}

function cellAt(spec: DocSpec, row: number, col: number): CellSpec {
  const c = table(spec).rows[row][col];
  if (typeof c === 'string') throw new Error('bare cell');
  return c;
}

/** Replaces `from` by `to` in a cell's text, exactly `times` times (a guard against a seed that changed). */
function edit(c: CellSpec, from: string, to: string, times: number): void {
  const count = c.text.split(from).length - 1;
  if (count !== times) throw new Error(`"${from}" occurs ${count} times, expected ${times}`);
  c.text = c.text.split(from).join(to);
}

function correctedSeed(): DocSpec {
  const spec = seed();
  spec.name = 'seed-yuelu-2022-corrected';
  const narrative = cellAt(spec, 43, 0);
  edit(narrative, '基本支出1150.05万元', '基本支出1155.05万元', 2);
  edit(narrative, '对个人和家庭的补助566.82万元', '对个人和家庭的补助571.82万元', 1);
  edit(narrative, '（一）岳麓区住房保障服务中心是', '（一）长沙市岳麓区住房保障服务中心是', 1);
  const publicBudget = cellAt(spec, 9, 3);
  edit(publicBudget, '50.91', '50.19', 1);
  return spec;
}

const PROJECT_TITLE = ['项目支出绩效自评表', '（2023年度）'];

function roadProject(round: 1 | 2 | 3): DocSpec {
  const groups = projectIndicators('安保工程');
  const lasting = met('设施长效运行', '长期', '长期', '15', round === 3 ? '15' : '', round === 3 ? '' : '待第三方评估后确定得分。');
  groups[1].subs[1].rows = [lasting];
  if (round >= 2) {
    groups[0].subs[1].rows = [met('验收合格率', '100%', '100%', '10'), met('安保设施完好率', '≥95%', '98%', '5')];
  }
  return projectForm({
    name: 'project-road-2023',
    title: PROJECT_TITLE,
    project: round === 1 ? '2023年农村公路安全生命防护工程' : '2023年 农村公路安全生命防护工程',
    department: '衡阳县交通运输局',
    implementer: '衡阳县公路建设养护中心',
    lines: nationalLines(
      { initial: '620.00', budget: '600.00', actual: '588.40', weight: '10', rate: '98.07%', score: '9.81' },
      { initial: '520.00', budget: '510.00', actual: round === 1 ? '498.40' : '508.40' },
      { initial: '80.00', budget: '70.00', actual: '70.00' },
      { initial: '20.00', budget: '20.00', actual: '10.00' },
    ),
    indicators: groups,
    total: { weight: '100', score: round === 3 ? '98.81' : '84.81' },
  });
}

async function write(rel: string, spec: DocSpec): Promise<void> {
  const path = join(outDir, rel);
  await mkdir(dirname(path), { recursive: true });
  const bytes = await buildDocx(spec);
  await writeFile(path, bytes);
  console.log(`fixtures/resubmit/${rel}  ${bytes.length} bytes`);
}

async function main(): Promise<void> {
  await write('round1/seed-yuelu-2022.docx', seed());
  await write('round2/seed-yuelu-2022-corrected.docx', correctedSeed());
  await write('round1/project-road-2023.docx', roadProject(1));
  await write('round2/project-road-2023.docx', roadProject(2));
  await write('round3/project-road-2023.docx', roadProject(3));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
