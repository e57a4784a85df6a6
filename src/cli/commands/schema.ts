// `convenant schema`: prints the JSON Schema of protocol (or scenario) files.
import { Option } from 'commander';
import type { Register } from './index.js';

export interface SchemaOptions {
  scenarios?: boolean;
}

export const registerSchema: Register = (program, io, outcome) => {
  program
    .command('schema')
    .description('Toon het JSON Schema van de protocolbestanden, voor editors met YAML-ondersteuning en JSON-Schema-hulpmiddelen.')
    .addOption(new Option('--scenarios', 'het schema van de scenariobestanden (scenarios/*.yaml) in plaats daarvan'))
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant schema > schema/protocol.schema.json
      Het schema dat de regel "# yaml-language-server: $schema=..." bovenaan elk protocolbestand noemt.
  convenant schema --scenarios > schema/scenario.schema.json
      Het schema voor de scenariobestanden.

Het schema wordt gemaakt uit het model van convenant zelf en loopt dus nooit achter. Het controleert
de vorm van één bestand; verwijzingen tussen bestanden, paden en voorwaarden controleert
"convenant validate".`,
    )
    .action(async (options: SchemaOptions) => {
      const { renderJsonSchema } = await import('../../render/json-schema.js');
      io.stdout.write(renderJsonSchema(options.scenarios ? 'scenario' : 'protocol'));
      outcome.code = 0;
    });
};
