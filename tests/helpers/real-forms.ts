// The fixtures rebuilt from real published forms (catalogue names real-…) that have a
// hand-written expectation of a readable form: what the generalization tests read.
import { catalogue } from '../../scripts/fixtures/catalogue.js';
import type { DocSpec } from '../../scripts/fixtures/model.js';
import { loadExpectations, type ExpectedFixture } from './expected.js';

export function realForms(): { spec: DocSpec; exp: ExpectedFixture }[] {
  const expectations = new Map(loadExpectations().map((e) => [e.name, e]));
  return catalogue()
    .filter((s) => s.name.startsWith('real-'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((spec) => {
      const exp = expectations.get(spec.name);
      return exp && !exp.failure && exp.forms.some((f) => f.record) ? [{ spec, exp }] : [];
    });
}
