// Colours for every renderer. Renderers receive a Theme and never import chalk's default
// instance, so tests render with level 0 and output stays plain when piped.
// This module does not load chalk: without colour (piped output, NO_COLOR, --no-color) the plain
// theme below does the same as a chalk instance of level 0, and chalk (with node:tty and node:os,
// which it loads to detect colour support) is only loaded for colour (src/cli/color-theme.ts).
import type { ChalkInstance } from 'chalk';

export interface Theme {
  chalk: ChalkInstance;
  /** 0 = no colour. */
  level: 0 | 1 | 2 | 3;
}

/** chalk's model methods: they take colour arguments and return a style to call. */
const MODEL_METHODS = new Set(['rgb', 'hex', 'ansi256', 'bgRgb', 'bgHex', 'bgAnsi256']);

/**
 * A style of chalk at level 0: joins its arguments like chalk and adds no escapes. After `visible`
 * (text shown only with colour) it returns ''. Every style property returns a style again.
 */
function plainStyle(empty: boolean): ChalkInstance {
  const join = (args: unknown[]) => (args.length === 1 ? `${args[0] as string}` : args.join(' '));
  const style: (...args: unknown[]) => string = empty ? () => '' : (...args) => join(args);
  let visible: ChalkInstance | undefined;
  const proxy: ChalkInstance = new Proxy(style, {
    get(target, key, receiver) {
      if (key === 'level') return 0;
      if (typeof key !== 'string' || key === 'then' || key in Function.prototype) return Reflect.get(target, key, receiver);
      if (key === 'visible') return (visible ??= plainStyle(true));
      if (MODEL_METHODS.has(key)) return () => proxy;
      return proxy;
    },
  }) as unknown as ChalkInstance;
  return proxy;
}

/** The chalk stand-in of the plain theme; called directly it joins its arguments like chalk's root. */
const plainChalk: ChalkInstance = (() => {
  const style = plainStyle(false);
  const root = (...args: unknown[]) => args.join(' ');
  return new Proxy(root, {
    get: (target, key, receiver) => (typeof key === 'string' && key !== 'then' && !(key in Function.prototype) ? Reflect.get(style, key) : Reflect.get(target, key, receiver)),
  }) as unknown as ChalkInstance;
})();

/** No colour. */
export const PLAIN: Theme = { chalk: plainChalk, level: 0 };
