export { loadProtocolFiles, parseProtocolFile, type LoadResult, type ProtocolSourceFile } from './load.js';
export { readProtocolDir, readDataFile, decodeText, hashFiles, MAX_FILE_BYTES, SCENARIO_DIR, type ReadResult } from './read.js';
export { parseYamlData, type ParsedYamlData } from './parse-yaml.js';
export { parseScenarioFiles, type LocatedScenario } from './scenarios.js';
export { checkScenarioIds } from './scenario-ids.js';
export { SourceMap, type Location, type Origin } from './source-map.js';
export { loadProtocol, loadReadFiles, WITHOUT_SCENARIOS, type LoadedFolder } from './load-dir.js';
