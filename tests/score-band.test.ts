// A scoring band printed for the fund score (score-band.ts), read by the base lexicon's
// words (rules/templates/base.yaml fund.scoreBand): real wordings, each step's ends and points.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScoreBandStep } from '../src/model/record.js';
import { bundledTemplatesDir } from '../src/paths.js';
import { loadTemplates } from '../src/recognize/index.js';
import { readScoreBand } from '../src/recognize/score-band.js';
import type { ScoreBandWords } from '../src/recognize/template-schema.js';

let words: ScoreBandWords;
beforeAll(() => {
  words = loadTemplates([bundledTemplatesDir()]).templates.find((t) => t.fund.scoreBand)!.fund.scoreBand!;
});

const step = (from: string | null, fromIncluded: boolean | null, to: string | null, toIncluded: boolean | null, points: string): ScoreBandStep => ({ from, fromIncluded, to, toIncluded, points });

const cases: { name: string; text: string; steps: ScoreBandStep[] | null }[] = [
  {
    name: 'L07 header: ≥, （含）-, 以下 closed by the step beside it',
    text: '得分\n（执行率≥95%得10分；90%（含）-95%得8分；80%（含）-90%得6分；80%以下不得分）',
    steps: [step('95', true, null, null, '10'), step('90', true, '95', false, '8'), step('80', true, '90', false, '6'), step(null, null, '80', false, '0')],
  },
  {
    name: '低于 … 不得分, decimals in points',
    text: '得分（执行率≥95%得10分；90%（含）-95%得8.5分；85%（含）-90%得6分；60%（含）-85%得4分；低于60%不得分）',
    steps: [step('95', true, null, null, '10'), step('90', true, '95', false, '8.5'), step('85', true, '90', false, '6'), step('60', true, '85', false, '4'), step(null, null, '60', false, '0')],
  },
  {
    name: 'a note row: its title says no step; 以上 / 以下 left open where no step beside states the end',
    text: '注：预算执行率得分按以下标准计分：执行率100%以上得10分，90%-100%（含）得8分，90%以下得5分。',
    steps: [step('100', false, null, null, '10'), step('90', null, '100', true, '8'), step(null, null, '90', null, '5')],
  },
  {
    name: 'the rate between its ends, points after 的，',
    text: '90%≤执行率＜95%的，得8分；执行率≥95%的，得10分；执行率不足90%，得0分',
    steps: [step('90', true, '95', false, '8'), step('95', true, null, null, '10'), step(null, null, '90', false, '0')],
  },
  {
    name: '（含）以上 and a range numbered once (80-90%)',
    text: '执行率95%（含）以上得10分；80-90%得6分',
    steps: [step('95', true, null, null, '10'), step('80', null, '90', null, '6')],
  },
  { name: 'a deduction rule is printed but not read', text: '得分（执行率每降低1%扣0.5分）', steps: null },
  { name: 'a step with a word not read makes the whole band unread', text: '得分（执行率≥95%得满分；90%（含）-95%得8分）', steps: null },
];

describe('scoring band wordings', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = readScoreBand(c.text, words);
      expect(got).not.toBeNull();
      expect(got!.steps).toEqual(c.steps);
    });
  }

  it('a header with a weight formula or no band prints none', () => {
    expect(readScoreBand('得分(20分*执行率)', words)).toBeNull();
    expect(readScoreBand('得分', words)).toBeNull();
    expect(readScoreBand('预算执行率=预算执行数/调整后预算数，未达到90%的需说明原因', words)).toBeNull();
  });
});
