// Text from a file that ends up in a message (a key, an id, a value) is shortened: a 900 KB key
// must not become a 900 KB line in the terminal or in a CI log.
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
