/// <reference lib="dom" />
// A tiny element builder: text always goes in as text nodes (never as HTML), so nothing from the
// protocol can inject markup or script.
export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | readonly Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: readonly (Child | readonly Child[])[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else if (child !== null && child !== undefined && child !== false) el.appendChild(document.createTextNode(String(child as string | number)));
  }
}

/** Text only screen readers read (e.g. to tell apart several "Wijzig" buttons). */
export const hidden = (text: string) => h('span', { class: 'sr-only' }, text);

let counter = 0;
/** A fresh id for label/description links. */
export const uid = (prefix: string) => `${prefix}-${++counter}`;
