/**
 * The finder's Rules built from the project's data (data/qi/*.json through src/qi/rules) and the fact coder
 * (src/qi). The one place where the rules data's shapes are mapped onto the finder's, so a change there is
 * absorbed here.
 */
import { factorsFromText } from '../qi/index.js';
import * as qiRules from '../qi/rules/index.js';
import type { CircuitSourceRule, FactorInfo, Rules, SourceSetting, SourceValue } from './types.js';

const VALUES: readonly SourceValue[] = ['controlling', 'consensus', 'weight_only', 'zero_weight', 'not_admitted'];

function setting(field: qiRules.RuleField): SourceSetting {
  // `assumed` (the Supreme Court's stance on circuit precedent) is not a per-circuit value; read it as controlling.
  const value = (VALUES as readonly string[]).includes(field.value) ? (field.value as SourceValue) : 'controlling';
  return { value, verified: field.verified, note: field.note ?? null };
}

function sourceText(source: qiRules.SourceRef): string {
  return qiRules.describeSource('circuit-rules', source).join('; ');
}

export function circuitSourceRule(circuit: string): CircuitSourceRule {
  const r = qiRules.circuitRule(circuit);
  return {
    circuit: r.circuit,
    own_published: setting(r.own_published),
    state_high_court: setting(r.state_high_court),
    state_intermediate: setting(r.state_intermediate),
    out_of_circuit: setting(r.out_of_circuit),
    unpublished: setting(r.unpublished),
    district_court: setting(r.district_court),
    verified: r.verified,
    rule_cases: r.rule_cases,
    source: sourceText(r.source),
  };
}

function factorInfo(id: string): FactorInfo | undefined {
  const f = qiRules.factor(id);
  return f ? { id: f.id, label: f.label, bears_on: [...f.graham] } : undefined;
}

let cached: Rules | undefined;

export function defaultRules(): Rules {
  return (cached ??= {
    circuitRule: circuitSourceRule,
    recentDays: () => qiRules.globalRule('recent_window_days')?.value ?? 60,
    factor: factorInfo,
    factorIds: () => qiRules.allFactors().map((f) => f.id),
    grahamFactors: () => qiRules.grahamFactors().map((g) => ({ code: g.code, label: g.label })),
    distinguishingPairs: () => qiRules.distinguishingPairs().map((p) => ({
      a: p.a, b: p.b, note: p.note, verified: p.verified, source: qiRules.describeSource('factors', p.source).join('; '),
    })),
    right: (id) => {
      const r = qiRules.right(id);
      return r ? { id: r.id, label: r.label } : undefined;
    },
    rightIds: () => qiRules.allRights().map((r) => r.id),
    factorsFromText: (text) => factorsFromText(text),
  });
}
