// The emergency card: shown instead of the wizard when the school's protocol folder does not load,
// so staff are never left without a number to call. The numbers come from a protocol that does
// load (the built-in one): every partner it tells you to reach right now, by its own contact data.
import type { Partner, Protocol } from '../model/core.js';
import { adviceListsOf } from '../model/traverse.js';
import { sanitize } from './sanitize.js';
import { wrapIndented } from './text.js';
import type { Theme } from './theme.js';

/** Phone numbers in a contact line ("112 bij spoed, 0900-8844 zonder spoed" → 112, 0900-8844). */
const numbersIn = (text: string) => text.match(/\d[\d -]*\d|\d/g)?.map((n) => n.trim()) ?? [];

/**
 * The partners to call in an emergency, in protocol order: those with an immediate task anywhere in
 * the protocol, and those whose number an immediate action names ("Geef het nummer van 113").
 */
export function emergencyPartners(protocol: Protocol): Partner[] {
  const partners = new Set<string>();
  const texts: string[] = [];
  for (const flow of protocol.flows) {
    for (const step of flow.steps) {
      for (const list of adviceListsOf(step)) {
        for (const advice of list.advice) {
          if (!('urgency' in advice) || advice.urgency !== 'immediate') continue;
          if ('partner' in advice) partners.add(advice.partner);
          if ('action' in advice) texts.push(advice.action);
        }
      }
    }
  }
  const named = (p: Partner) => numbersIn(p.contact?.phone ?? '').some((n) => texts.some((t) => new RegExp(`(^|[^\\d-])${n.replace(/[-\s]/g, '[-\\s]?')}($|[^\\d-])`).test(t)));
  return protocol.partners.filter((p) => p.contact?.phone && (partners.has(p.id) || named(p)));
}

/** What the card shows of the built-in protocol: its version and the partners to call now. */
export interface EmergencyNumbers {
  version: string;
  partners: Partner[];
}

export function emergencyNumbers(protocol: Protocol): EmergencyNumbers {
  return { version: protocol.meta.version, partners: emergencyPartners(protocol) };
}

export interface EmergencyInput {
  /** The numbers of the built-in protocol; undefined when none loads at all. */
  fallback: EmergencyNumbers | undefined;
  /** The folder that did not load, as the user named it. */
  dir: string;
  /** The folder exists but has errors (else it could not be read at all). */
  broken: boolean;
  errors: number;
  /** Why a folder could not be read at all ("de map bestaat niet"); said once, here. */
  reason?: string;
}

/**
 * What is wrong and who repairs it first, then the card with the numbers: it ends the output, so in
 * a short terminal the numbers are what stays on screen.
 */
export function renderEmergencyCard(input: EmergencyInput, theme: Theme, width = 80): string {
  const c = theme.chalk;
  const w = Math.max(20, Math.min(width, 100));
  const para = (text: string, indent = '  ', first = indent) => wrapIndented(sanitize(text), w, indent, first, { breakLong: true });
  const what = input.broken
    ? `Het protocol in ${input.dir} bevat ${input.errors === 1 ? 'een fout' : `${input.errors} fouten`}, en kan daardoor nu geen advies geven. Dat ligt niet aan jou.`
    : input.reason
      ? `De protocolmap ${input.dir} is niet te lezen: ${input.reason}. Er kan nu geen advies gegeven worden. Dat ligt niet aan jou.`
      : `De protocolmap ${input.dir} is niet te lezen, dus er kan nu geen advies gegeven worden. Dat ligt niet aan jou.`;
  const out = [
    '',
    para(what, '', ''),
    para('Laat de beheerder van het protocol van je school (vaak de veiligheidscoördinator) het herstellen. Die ziet wat er mis is met:', '', ''),
    para(`convenant validate ${input.dir}`),
    '',
    c.red(`━━ ${c.bold.inverse(' NOODKAART ')} ${'━'.repeat(Math.max(3, w - 15))}`),
  ];
  const fallback = input.fallback;
  const partners = fallback?.partners ?? [];
  if (fallback && partners.length > 0) {
    out.push(c.bold(para('Is er gevaar, of twijfel je? Bel meteen:')));
    for (const p of partners) {
      const named = `● ${p.name}${p.role ? ` (${p.role})` : ''}`;
      // The role only where it fits on the line: the numbers must stay on screen.
      out.push(c.bold(para(Array.from(named).length + 2 <= w ? named : `● ${p.name}`, '    ', '  ')));
      out.push(c.bold(para([p.contact?.phone, p.contact?.hours].filter(Boolean).join(' · '), '      ', '    ')));
    }
    out.push(c.dim(para(`Nummers uit het ingebouwde protocol, versie ${fallback.version}.`)));
  } else {
    // No protocol loads at all, so there are no numbers to show but the national emergency number.
    out.push(c.bold(para('Is er direct gevaar? Bel 112.')));
  }
  out.push(c.red('━'.repeat(w)));
  return `${out.join('\n')}\n`;
}
