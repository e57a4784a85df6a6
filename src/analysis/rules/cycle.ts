import type { Step } from '../../model/core.js';
import { atOut } from '../finding-text.js';
import type { Out } from '../graph.js';
import type { Rule } from '../rule.js';

export const cycle: Rule = {
  code: 'cycle',
  needsValidProtocol: false,
  *check({ graph }) {
    const order = new Map([...graph.steps.values()].map((info, i) => [info.step, i]));
    for (const component of graph.components()) {
      const members = new Set(component);
      const first = [...component].sort((a, b) => order.get(a)! - order.get(b)!)[0]!;
      // The edges of a step into the component: to a call's start or to the next step.
      const edges = (s: Step): { to: Step; out: Out; via: 'call' | 'next'; flow?: string }[] =>
        graph.info(s.id)!.outs.flatMap((out) => [
          ...out.calls.flatMap((f) => {
            const to = graph.startStep(f);
            return to && members.has(to) ? [{ to, out, via: 'call' as const, flow: f.id }] : [];
          }),
          ...(out.targetStep && members.has(out.targetStep) ? [{ to: out.targetStep, out, via: 'next' as const }] : []),
        ]);
      // Shortest way round from `first` back to itself (breadth-first inside the component).
      const parent = new Map<Step, { from: Step; via: 'call' | 'next'; out: Out; flow?: string }>();
      const queue: Step[] = [first];
      let closing: { from: Step; via: 'call' | 'next'; out: Out; flow?: string } | undefined;
      for (let i = 0; i < queue.length && !closing; i++) {
        for (const e of edges(queue[i]!)) {
          if (e.to === first) {
            closing = { from: queue[i]!, via: e.via, out: e.out, ...(e.flow ? { flow: e.flow } : {}) };
            break;
          }
          if (!parent.has(e.to)) {
            parent.set(e.to, { from: queue[i]!, via: e.via, out: e.out, ...(e.flow ? { flow: e.flow } : {}) });
            queue.push(e.to);
          }
        }
      }
      if (!closing) continue;
      const path: string[] = [];
      for (let s: Step | undefined = closing.from; s && s !== first; s = parent.get(s)?.from) path.unshift(s.id);
      path.unshift(first.id);
      const ring = [...path, first.id].map((id) => `"${id}"`).join(' → ');
      yield {
        ...atOut(closing.out, closing.via),
        message:
          closing.via === 'call'
            ? `kring: ${ring}; stap "${closing.from.id}" roept flow "${closing.flow}" aan, die weer hier uitkomt`
            : `kring: ${ring}; de hulp zou hier eindeloos rondgaan`,
        hint: 'Een protocol loopt altijd vooruit: laat een van deze stappen naar een latere stap of naar "end" gaan.',
      };
    }
  },
};
