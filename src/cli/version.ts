// The version, set by the build (scripts/build-options.mjs); from the sources it is a dev version.
declare const __VERSION__: string | undefined;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
