import { describe, expect, it } from 'vitest';
import { circuitOfState } from '../../courts/index.js';
import { ClearlyError } from '../../errors/index.js';
import {
  allFactors,
  circuitRule,
  distinguishingPairs,
  factor,
  normalizeCircuit,
  outcomeCode,
  right,
  ruleFiles,
  unverifiedFields,
  validateRules,
  type RuleFiles,
} from './index.js';

const fresh = (): RuleFiles => structuredClone(ruleFiles());
const messages = (files: RuleFiles): string[] => validateRules(files).map((i) => `${i.file} ${i.id}: ${i.message}`);

// The ids of doctrine.md §3.4 tables A–E, transcribed by hand: the data must use exactly these.
const DOCTRINE_IDS = `force.firearm force.firearm_at_vehicle force.shots_after_down force.errant_shot_bystander force.taser_probe
  force.taser_drive_stun force.taser_repeated force.taser_restrained force.k9_bite force.oc_spray force.chemical_munitions
  force.neck_restraint force.prone_restraint_weight force.knee_on_back force.takedown force.strikes_kicks force.vehicle_ramming
  force.restraint_conditions subject.armed_firearm subject.armed_knife subject.armed_other subject.weapon_accessible
  subject.reaching subject.unarmed subject.flee_foot subject.flee_vehicle subject.walking_away subject.active_resistance
  subject.passive_resistance subject.compliant subject.surrendered_hands_up subject.surrendered_prone subject.handcuffed
  subject.incapacitated subject.mental_crisis subject.intoxicated subject.juvenile subject.pregnant subject.medical_emergency
  subject.bystander subject.detainee subject.prisoner offense.violent_felony offense.nonviolent_felony offense.misdemeanor
  offense.traffic offense.none setting.traffic_stop setting.vehicle_pursuit setting.home setting.public_street
  setting.crowd_protest setting.jail setting.prison setting.warrant_execution setting.school ctx.warning_given
  ctx.warning_feasible_not_given ctx.commands_conflicting ctx.time_to_decide ctx.duration_of_force ctx.force_after_threat_ended
  ctx.officer_created_jeopardy ctx.num_officers ctx.injury proc.video proc.disputed_facts`.split(/\s+/);

describe('rules data', () => {
  it('passes its own validation: sources, verified flags, notes on unverified rows, ids', () => {
    expect(messages(ruleFiles())).toEqual([]);
  });

  it('uses exactly the factor ids of doctrine.md §3.4', () => {
    expect(allFactors().map((f) => f.id).sort()).toEqual([...DOCTRINE_IDS].sort());
  });

  it('has a rule row for every circuit of data/circuits.json, reachable from a state', () => {
    expect(circuitRule(circuitOfState('OH')!).court).toBe('ca6');
    expect(circuitRule(circuitOfState('DC')!).court).toBe('cadc');
  });
});

describe('validation catches broken rows', () => {
  it('reports a row without a source, and a source key the table does not define', () => {
    const f = fresh();
    f.factors.factors[0]!.source = [];
    f.outcomes.outcomes[0]!.source = 'no-such-source';
    const m = messages(f);
    expect(m).toContainEqual(expect.stringContaining('force.firearm: has no source'));
    expect(m).toContainEqual(expect.stringContaining('AFFIRM_DENIAL: source "no-such-source"'));
  });

  it('reports an unverified row without a note, and a missing verified flag', () => {
    const f = fresh();
    const neck = f.factors.factors.find((x) => x.id === 'force.neck_restraint')!;
    delete neck.note;
    (f.rights.rights[0] as { verified?: boolean }).verified = undefined;
    const m = messages(f);
    expect(m).toContainEqual(expect.stringContaining('force.neck_restraint: is unverified but has no note'));
    expect(m).toContainEqual(expect.stringContaining('verified must be true or false'));
  });

  it('reports a distinguishing pair naming a factor the taxonomy lacks', () => {
    const f = fresh();
    f.factors.distinguishing_pairs[0]!.b = 'subject.lying_down';
    expect(messages(f)).toContainEqual(expect.stringContaining('unknown factor "subject.lying_down"'));
  });

  it('reports an unverified circuit field that is not the documented default, and a missing circuit', () => {
    const f = fresh();
    const seventh = f.circuitRules.circuits.find((c) => c.circuit === '7')!;
    seventh.state_high_court.value = 'controlling';
    f.circuitRules.circuits = f.circuitRules.circuits.filter((c) => c.circuit !== 'dc');
    const m = messages(f);
    expect(m).toContainEqual(expect.stringContaining('circuit 7: state_high_court: unverified but not the documented default'));
    expect(m).toContainEqual(expect.stringContaining('circuit dc: no rule row'));
  });

  it('reports an outcome code whose prong values are not QiCoding values', () => {
    const f = fresh();
    f.outcomes.outcomes[0]!.prong1 = ['found'];
    expect(messages(f)).toContainEqual(expect.stringContaining('prong1 value "found"'));
  });
});

describe('look-ups', () => {
  it('finds factors by id and by alias, and nothing for unknown ids', () => {
    expect(factor('force.k9')?.id).toBe('force.k9_bite');
    expect(factor('subject.surrendered_prone')?.graham).toEqual(['G2', 'G3']);
    expect(factor('force.phaser')).toBeUndefined();
  });

  it('encodes the 11th Cir. state-high-court rule as verified and the 4th Cir. one as an unverified default', () => {
    const eleventh = circuitRule('11th Cir.');
    expect(eleventh.state_high_court).toMatchObject({ value: 'controlling', verified: true });
    expect(eleventh.out_of_circuit).toMatchObject({ value: 'not_admitted', verified: true });
    const fourth = circuitRule('ca4');
    expect(fourth.state_high_court).toMatchObject({ value: 'not_admitted', verified: false, reported_value: 'controlling' });
    expect(fourth.unpublished).toMatchObject({ value: 'zero_weight', verified: true });
  });

  it('puts the burden on the plaintiff, verified only in the 8th Cir.', () => {
    expect(circuitRule('8').burden).toMatchObject({ value: 'plaintiff', verified: true });
    expect(circuitRule('9').burden.verified).toBe(false);
    expect(unverifiedFields(circuitRule('7'))).toContain('burden');
    expect(unverifiedFields(circuitRule('7'))).not.toContain('supreme_court');
  });

  it('refuses an unknown circuit with a usage error', () => {
    expect(() => circuitRule('13')).toThrow(ClearlyError);
    expect(normalizeCircuit('D.C. Cir.')).toBe('dc');
    expect(normalizeCircuit('2d Cir.')).toBe('2');
    expect(normalizeCircuit('12')).toBeUndefined();
  });

  it('says which outcomes can clearly establish law', () => {
    expect(outcomeCode('affirm_denial')?.can_clearly_establish).toBe('yes');
    expect(outcomeCode('REVERSE_DENIAL')?.can_clearly_establish).toBe('if_prong1_violation');
    expect(outcomeCode('CERT_DENIED')?.can_clearly_establish).toBe('no');
    expect(outcomeCode('WON')).toBeUndefined();
  });

  it('ships the Baxter/Campbell surrender pair as verified and the knife pair as unverified', () => {
    const pairs = distinguishingPairs();
    expect(pairs.find((p) => p.a === 'subject.surrendered_hands_up' && p.b === 'subject.surrendered_prone')?.verified).toBe(true);
    expect(pairs.find((p) => p.id === 'knife-in-hand-vs-pocket')?.verified).toBe(false);
  });

  it('knows the rights vocabulary', () => {
    expect(right('fourth_amendment_excessive_force')?.standard).toBe('Graham v. Connor');
    expect(right('deliberate_indifference')?.verified).toBe(false);
  });
});
