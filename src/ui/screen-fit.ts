// What fits on one screen above and around a question, so the most important lines stay in view in
// a short terminal: what to do now (112) first, then the question and enough of its list, then the
// rest as room allows. Pure: line counts in, choices out.

export interface ScreenParts {
  rows: number;
  /** Lines of the compact "Nu direct" reminder; always shown when there is one. */
  now: number;
  /** Lines of the full "Nu direct" block, shown instead of the reminder when it fits (0: none). */
  banner: number;
  /** Lines of the progress line (flow title, question number), and of its short form (number only). */
  progress: number;
  progressShort: number;
  /** Lines of the question's help text. */
  help: number;
  /** Lines of how to answer (e.g. "Typ een getal"); `hintRequired` when the answer depends on it. */
  hint: number;
  hintRequired?: boolean;
  /** Lines of the question itself. */
  question: number;
  /** Lines of all list items together (0 for a typed answer). */
  list: number;
  /** Lines under the list: blank line, description, error, key help. */
  below: number;
}

export interface ScreenFit {
  /** An empty line above everything, to set the question apart from the previous one. */
  blank: boolean;
  banner: boolean;
  progress: 'full' | 'short' | 'none';
  help: boolean;
  hint: boolean;
  /** List lines per page (at least 1 when there is a list). */
  pageSize: number;
}

/** List lines always shown, and the most shown before the optional lines get room. */
const LIST_MIN = 3;
const LIST_COMFORTABLE = 7;

export function fitScreen(p: ScreenParts): ScreenFit {
  let free = p.rows - p.now - p.question - p.below - (p.hintRequired ? p.hint : 0);
  let page = Math.min(p.list, LIST_MIN);
  free -= page;
  const take = (lines: number): boolean => {
    if (lines <= 0 || lines > free) return false;
    free -= lines;
    return true;
  };
  const grow = (to: number) => {
    const more = Math.max(0, Math.min(to, p.list) - page, 0);
    const added = Math.min(more, Math.max(0, free));
    page += added;
    free -= added;
  };
  const progress = take(p.progress) ? 'full' : take(p.progressShort) ? 'short' : 'none';
  const help = take(p.help);
  const hint = p.hintRequired ? p.hint > 0 : take(p.hint);
  grow(LIST_COMFORTABLE);
  const banner = p.banner > 0 && (p.banner <= p.now || take(p.banner - p.now));
  const blank = take(1);
  grow(p.list);
  return { blank, banner, progress, help, hint, pageSize: p.list > 0 ? Math.max(1, page) : 0 };
}
