// `convenant partners`: who does what under the covenant. Pure: protocol data in, text out.
import type { Partner, Protocol } from '../model/core.js';
import { indexProtocol } from '../engine/index.js';
import { PARTNER_KIND_LABEL, PARTNER_KINDS, sourceLabels } from './labels.js';
import { sanitize } from './sanitize.js';
import { wrapIndented } from './text.js';
import type { Theme } from './theme.js';

export interface PartnerRenderOptions {
  theme: Theme;
  /** Line width for wrapping long texts. */
  width: number;
}

export interface PartnerDetailOptions extends PartnerRenderOptions {
  /** Whether some advice names this partner (then `explain` has something to show). */
  advised: boolean;
}

const KIND_SINGULAR: Record<Partner['kind'], string> = {
  core: 'Kernpartner (heeft het convenant getekend)',
  cooperation: 'Samenwerkingspartner',
  external: 'Externe instantie',
};

/** The partners grouped by kind, each with id, name, role and public phone number. */
export function renderPartnerList(protocol: Protocol, { theme, width }: PartnerRenderOptions): string {
  const { chalk } = theme;
  const idWidth = Math.max(...protocol.partners.map((p) => sanitize(p.id).length), 2);
  const out: string[] = [chalk.bold(`Partners — ${sanitize(protocol.meta.title)} (${sanitize(protocol.meta.region)})`), ''];
  for (const kind of PARTNER_KINDS) {
    const group = protocol.partners.filter((p) => p.kind === kind);
    if (group.length === 0) continue;
    out.push(chalk.bold.underline(`${PARTNER_KIND_LABEL[kind]} (${group.length})`));
    for (const partner of group) {
      const extra = [
        partner.role && partner.role !== partner.id ? sanitize(partner.role) : undefined,
        partner.contact?.phone ? `tel. ${sanitize(partner.contact.phone)}` : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
      const line = `  ${chalk.cyan(sanitize(partner.id).padEnd(idWidth))}  ${sanitize(partner.name)}`;
      out.push(extra ? `${line}${chalk.dim(` — ${extra}`)}` : line);
    }
    out.push('');
  }
  const example = protocol.partners.find((p) => p.id === 'politie')?.id ?? protocol.partners[0]?.id ?? 'politie';
  out.push(wrapIndented(`Meer over één partner (taken, contact, vaste contactpersoon): convenant partners ${sanitize(example)}`, width, ''));
  return `${out.join('\n')}\n`;
}

/** Everything about one partner: duties with their articles, public contact data, Bijlage 2 contact person. */
export function renderPartnerDetail(protocol: Protocol, partner: Partner, { theme, width, advised }: PartnerDetailOptions): string {
  const { chalk } = theme;
  const sources = indexProtocol(protocol).sources;
  const out: string[] = [
    `${chalk.bold(sanitize(partner.name))} ${chalk.dim(`(${sanitize(partner.id)})`)}`,
    `${KIND_SINGULAR[partner.kind]}${partner.role ? ` · rol: ${sanitize(partner.role)}` : ''}`,
    '',
  ];

  out.push(chalk.bold('Taken volgens het convenant'));
  if (partner.duties?.length) {
    for (const duty of partner.duties) {
      const refs = sourceLabels(duty.sources, sources).join('; ');
      out.push(wrapIndented(`${sanitize(duty.text)} ${chalk.dim(`(${refs})`)}`, width, '    ', '  • '));
    }
  } else {
    out.push('  Het protocol noemt geen taken voor deze partner.');
  }
  out.push('');

  out.push(chalk.bold('Openbare contactgegevens'));
  const c = partner.contact ?? {};
  const contactLines: [string, string | undefined][] = [
    ['Telefoon', c.phone],
    ['E-mail', c.email],
    ['Website', c.url],
    ['Bereikbaar', c.hours],
    ['Let op', c.note],
  ];
  const given = contactLines.filter((l): l is [string, string] => Boolean(l[1]));
  if (given.length) for (const [label, value] of given) out.push(wrapIndented(`${label}: ${sanitize(value)}`, width, '    ', '  '));
  else out.push('  Het protocol noemt geen openbare contactgegevens.');
  out.push('');

  out.push(chalk.bold('Vaste contactpersoon (Bijlage 2)'));
  const p = partner.person;
  if (!p || !p.name?.trim()) {
    out.push(
      wrapIndented(
        p
          ? 'Nog niet ingevuld. Vul naam, functie, telefoon, e-mail en de datum van controle (reviewed) in bij deze partner in partners.yaml.'
          : 'Het protocol houdt voor deze partner geen vaste contactpersoon bij.',
        width,
        '  ',
      ),
    );
  } else {
    const personLines: [string, string | null | undefined][] = [
      ['Naam', p.name],
      ['Functie', p.role],
      ['Telefoon', p.phone],
      ['E-mail', p.email],
      ['Gecontroleerd op', p.reviewed ?? 'onbekend'],
    ];
    for (const [label, value] of personLines) if (value) out.push(`  ${label}: ${sanitize(value)}`);
    out.push(chalk.dim('  Kloppen deze gegevens nog? Controleer het met: convenant contacts'));
  }

  if (advised) {
    out.push('', chalk.dim(`Wanneer de hulp deze partner adviseert: convenant explain ${sanitize(partner.id)}`));
  }
  return `${out.join('\n')}\n`;
}

/** The partners as data for scripts (`--format json`). */
export function partnersJson(protocol: Protocol, partners: readonly Partner[]): unknown {
  const sources = indexProtocol(protocol).sources;
  return partners.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    ...(p.role ? { role: p.role } : {}),
    duties: (p.duties ?? []).map((d) => ({ text: d.text, sources: d.sources, refs: sourceLabels(d.sources, sources) })),
    contact: p.contact ?? {},
    person: p.person ?? null,
  }));
}
