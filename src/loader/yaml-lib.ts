// The `yaml` package, loaded the first time a file needs it. The fast reader (plain-yaml.ts) reads
// plain files without it, so a protocol without syntax problems never loads it. The loader is
// synchronous, so this is a require: the build writes the package as one CommonJS file next to the
// bundle (scripts/build.mjs); from the sources it comes from node_modules.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

declare const __YAML_BUNDLE__: string | undefined;

let lib: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  lib ??= createRequire(import.meta.url)(typeof __YAML_BUNDLE__ === 'string' ? __YAML_BUNDLE__ : 'yaml') as typeof Yaml;
  return lib;
}
