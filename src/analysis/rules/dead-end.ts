import { atOut, outLabel, stepName } from '../finding-text.js';
import type { Rule } from '../rule.js';

export const deadEnd: Rule = {
  code: 'dead-end',
  needsValidProtocol: false,
  *check(ctx) {
    for (const { step, outs } of ctx.graph.steps.values()) {
      // Every answer of a multi step (and of a number step without ranges) goes to the step's next.
      if ((step.type === 'multi' || (step.type === 'number' && !step.ranges?.length)) && step.next === undefined) {
        yield {
          node: step,
          key: 'id',
          message: `${stepName(step)} heeft geen "next:": na het antwoord weet de hulp niet waarheen`,
          hint: 'Geef de stap een "next:" met een stap-id of "end".',
        };
        continue;
      }
      for (const out of outs) {
        if (out.kind !== 'branch' || out.target !== undefined) continue;
        yield {
          ...atOut(out, 'next'),
          message: `${outLabel(out)} van ${stepName(step)} leidt nergens heen: er is geen "next:"`,
          hint:
            step.type === 'route'
              ? 'Geef deze route een "next:" met een stap-id of "end".'
              : 'Geef dit antwoord een "next:" (een stap-id of "end"), of geef de stap zelf een "next:".',
        };
      }
      if (step.type !== 'route' || step.otherwise || !ctx.complete) continue;
      const route = ctx.paths.route(step);
      if (route.limited || route.infeasible || route.uncovered === undefined) continue;
      // The path analysis suspects a gap; a real walk must reach it (unless the search was cut short).
      const realized = ctx.realized;
      const example = realized.complete ? realized.byStep.get(step)?.uncovered : route.uncovered;
      if (example === undefined) continue;
      yield {
        node: step,
        key: 'routes',
        atKey: true,
        message: `bij ${stepName(step)} past geen enkele route als ${example}, en er is geen "otherwise:"`,
        hint: 'Voeg "otherwise:" toe met een "next:", of vul de voorwaarden aan zodat elke combinatie een route heeft.',
      };
    }
  },
};
