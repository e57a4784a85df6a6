// The work behind `convenant partners`.
import { sitesFor } from '../../explain/sites.js';
import { partnersJson, renderPartnerDetail, renderPartnerList } from '../../render/partners.js';
import { safeJson } from '../../render/text.js';
import { themeFor } from '../color.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { checkFormat, lineWidth, unknownId } from './lookup-options.js';
import { loadValidProtocol } from './load-valid.js';
import { PARTNER_FORMATS } from './formats.js';
import type { PartnersOptions } from './partners.js';

export async function runPartners(io: Io, id: string | undefined, options: PartnersOptions): Promise<number> {
  const format = checkFormat(options.format, PARTNER_FORMATS);
  const protocol = loadValidProtocol(io, options.protocols);
  const partner = id === undefined ? undefined : protocol.partners.find((p) => p.id === id);
  if (id !== undefined && !partner)
    throw unknownId(
      'partner',
      id,
      protocol.partners.map((p) => p.id),
      'Alle partners zie je met: convenant partners',
    );

  if (format === 'json') {
    const data = partnersJson(protocol, partner ? [partner] : protocol.partners);
    io.stdout.write(safeJson(partner ? (data as unknown[])[0] : data));
    return EXIT.ok;
  }
  const theme = await themeFor(io, io.stdout, options.color);
  const width = lineWidth(io);
  io.stdout.write(
    partner
      ? renderPartnerDetail(protocol, partner, { theme, width, advised: sitesFor(protocol, 'partner', partner.id).length > 0 })
      : renderPartnerList(protocol, { theme, width }),
  );
  return EXIT.ok;
}
