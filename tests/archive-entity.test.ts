// Entity matching across submissions (archive/entity-key.ts): the same department written
// differently joins; two departments never do.
import { describe, expect, it } from 'vitest';
import { entityKey, sameEntity } from '../src/archive/entity-key.js';

describe('entity key', () => {
  it('joins 全称 and 简称 that differ only by higher-level places, spaces, width and a stamp note', () => {
    const same: Array<[string, string]> = [
      ['长沙市岳麓区住房保障服务中心', '岳麓区住房保障服务中心'],
      ['湖南省长沙市岳麓区住房保障服务中心', '岳麓区 住房保障服务中心'],
      ['岳麓区住房保障服务中心（盖章）', '岳麓区住房保障服务中心'],
      ['中共长沙市岳麓区委宣传部', '中共岳麓区委宣传部'],
      ['2023年 农村公路安全生命防护工程', '2023年农村公路安全生命防护工程'],
      ['内蒙古自治区鄂尔多斯市财政局', '鄂尔多斯市财政局'],
      ['岳麓区教育局（２０２２）', '岳麓区教育局(2022)'],
    ];
    for (const [a, b] of same) expect(sameEntity(a, b), `${a} ~ ${b}`).toBe(true);
  });

  it('never joins two departments: other places, a place dropped to nothing, a subordinate unit, words ending in 市/区', () => {
    const different: Array<[string, string]> = [
      ['长沙市财政局', '岳麓区财政局'], // same office, two governments
      ['长沙市岳麓区财政局', '长沙市财政局'], // a district's and its city's
      ['岳麓区财政局', '财政局'], // no place left: cannot say whose
      ['株洲市财政局', '长沙市财政局'],
      ['岳麓区住房保障服务中心', '岳麓区住房保障服务中心机关服务站'], // a unit under it
      ['岳麓区城市管理局', '长沙市城市管理局'], // "城市" is no place
      ['岳麓区市场监督管理局', '岳麓区监督管理局'],
      ['岳麓区住保中心', '岳麓区住房保障服务中心'], // abbreviations are not guessed
    ];
    for (const [a, b] of different) expect(sameEntity(a, b), `${a} ≁ ${b}`).toBe(false);
  });

  it('an unknown entity matches nothing, not even another unknown one', () => {
    expect(entityKey(null)).toBeNull();
    expect(entityKey('  ')).toBeNull();
    expect(sameEntity(null, null)).toBe(false);
  });
});
