// The yearly report of the register (art. 5.11 and the yearly evaluation with the partners):
// counts → tables → Markdown, HTML (bar charts as inline SVG, no script) or CSV. Pure: the counts
// come from the store. With `share`, counts from 1 to 4 are hidden ("< 5"), and where a hidden
// count could be worked back from a total, one more count of the same row is hidden as well.
import { URGENCIES, type Urgency } from '../model/core.js';
import { URGENCY_LABEL } from '../render/labels.js';
import { AGE_BAND_LABEL, AGE_BANDS, PLACE_LABEL, PLACES, ROLES } from './record.js';

/**
 * The Arbocatalogus categories (registration of aggression, violence, bullying, discrimination and
 * sexual harassment) and the protocol categories counted under each. An incident counts once per
 * Arbo category, however many of its categories fall under it. Explicit on purpose: a new protocol
 * category counts nowhere until it is added here.
 */
export const ARBO: readonly { id: string; label: string; categories: readonly string[] }[] = [
  { id: 'agressie', label: 'Agressie (bedreiging, dreiging, intimidatie)', categories: ['bedreiging', 'dreiging-school', 'ouder-hek', 'geweld-personeel', 'agressie'] },
  { id: 'geweld', label: 'Geweld (fysiek geweld, wapens)', categories: ['fysiek-geweld', 'wapens', 'geweld-personeel', 'geweld'] },
  { id: 'pesten', label: 'Pesten', categories: ['pesten', 'cyberpesten'] },
  { id: 'discriminatie', label: 'Discriminatie', categories: ['discriminatie'] },
  {
    id: 'seksuele-intimidatie',
    label: 'Seksuele intimidatie (ook sexting, grooming en grensoverschrijdend gedrag door een medewerker)',
    categories: ['seksuele-intimidatie', 'sexting', 'zeden-medewerker', 'zeden-extern'],
  },
];

/** Rules counted in the summary; every rule also has its own row in the table of rules. */
export const MELDCODE_RULES = ['meldcode'];
export const MELDPLICHT_RULES = ['meldplicht-zeden', 'meldplicht'];
export const CAMERA_RULES = ['camerabeelden'];

/** The counts of one year. Role, age and place keys: null = not known. */
export interface YearCounts {
  year: number;
  total: number;
  months: number[];
  categoryMonths: Map<string, number[]>;
  perpetrator: Map<string | null, number>;
  victim: Map<string | null, number>;
  ageBand: Map<string | null, number>;
  place: Map<string | null, number>;
  partners: Map<string, Map<Urgency, number>>;
  rules: Map<string, number>;
  /** Incidents with any rule in the list. */
  meldcode: number;
  meldplicht: number;
  camera: number;
  open: number;
  arbo: Map<string, number>;
  schools: string[];
}

/** One incident as the report reads it from the store. */
export interface YearRow {
  day: string;
  school: string;
  categories: readonly string[];
  perpetrator: string | null;
  victim: string | null;
  ageBand: string | null;
  place: string | null;
  partners: readonly { id: string; urgency: Urgency }[];
  rules: readonly string[];
  status: 'open' | 'closed';
}

/**
 * The incidents of one year grouped as the store's SQL groups them: per month and set of
 * categories, per set of partners, per set of rules, and per value of each closed list.
 */
export interface YearGroups {
  /** month: 1–12. */
  categories: readonly { month: number; categories: readonly string[]; count: number }[];
  perpetrator: ReadonlyMap<string | null, number>;
  victim: ReadonlyMap<string | null, number>;
  ageBand: ReadonlyMap<string | null, number>;
  place: ReadonlyMap<string | null, number>;
  partners: readonly { partners: readonly { id: string; urgency: Urgency }[]; count: number }[];
  rules: readonly { rules: readonly string[]; count: number }[];
  open: number;
  schools: readonly string[];
}

const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/** Groups incidents one by one, as the store does in SQL (for records that are not in a store). */
export function groupRows(rows: Iterable<YearRow>): YearGroups {
  const categories = new Map<string, { month: number; categories: readonly string[]; count: number }>();
  const partners = new Map<string, { partners: readonly { id: string; urgency: Urgency }[]; count: number }>();
  const rules = new Map<string, { rules: readonly string[]; count: number }>();
  const perpetrator = new Map<string | null, number>();
  const victim = new Map<string | null, number>();
  const ageBand = new Map<string | null, number>();
  const place = new Map<string | null, number>();
  const schools = new Set<string>();
  let open = 0;
  for (const row of rows) {
    const month = Number(row.day.slice(5, 7));
    const categoryKey = `${month} ${row.categories.join(',')}`;
    const c = categories.get(categoryKey);
    if (c) c.count++;
    else categories.set(categoryKey, { month, categories: row.categories, count: 1 });
    if (row.partners.length > 0) {
      const key = row.partners.map((p) => `${p.id}:${p.urgency}`).join(',');
      const p = partners.get(key);
      if (p) p.count++;
      else partners.set(key, { partners: row.partners, count: 1 });
    }
    if (row.rules.length > 0) {
      const key = row.rules.join(',');
      const r = rules.get(key);
      if (r) r.count++;
      else rules.set(key, { rules: row.rules, count: 1 });
    }
    add(perpetrator, row.perpetrator, 1);
    add(victim, row.victim, 1);
    add(ageBand, row.ageBand, 1);
    add(place, row.place, 1);
    if (row.status === 'open') open++;
    schools.add(row.school);
  }
  return { categories: [...categories.values()], perpetrator, victim, ageBand, place, partners: [...partners.values()], rules: [...rules.values()], open, schools: [...schools] };
}

/** Counts the incidents of one year from their groups: work per group, not per incident. */
export function countGroups(year: number, groups: YearGroups): YearCounts {
  const counts: YearCounts = {
    year,
    total: 0,
    months: new Array<number>(12).fill(0),
    categoryMonths: new Map(),
    perpetrator: new Map(groups.perpetrator),
    victim: new Map(groups.victim),
    ageBand: new Map(groups.ageBand),
    place: new Map(groups.place),
    partners: new Map(),
    rules: new Map(),
    meldcode: 0,
    meldplicht: 0,
    camera: 0,
    open: groups.open,
    arbo: new Map(ARBO.map((a) => [a.id, 0])),
    schools: [...new Set(groups.schools)].sort(),
  };
  const arboOf = new Map<string, string[]>();
  for (const a of ARBO) for (const c of a.categories) arboOf.set(c, [...(arboOf.get(c) ?? []), a.id]);
  for (const { month, categories, count } of groups.categories) {
    counts.total += count;
    counts.months[month - 1]! += count;
    const arbo = new Set<string>();
    for (const c of categories) {
      let months = counts.categoryMonths.get(c);
      if (!months) counts.categoryMonths.set(c, (months = new Array<number>(12).fill(0)));
      months[month - 1]! += count;
      for (const a of arboOf.get(c) ?? []) arbo.add(a);
    }
    for (const a of arbo) add(counts.arbo, a, count);
  }
  for (const { partners, count } of groups.partners) {
    for (const p of partners) {
      let byUrgency = counts.partners.get(p.id);
      if (!byUrgency) counts.partners.set(p.id, (byUrgency = new Map<Urgency, number>()));
      add(byUrgency, p.urgency, count);
    }
  }
  for (const { rules, count } of groups.rules) {
    for (const r of rules) add(counts.rules, r, count);
    if (rules.some((r) => MELDCODE_RULES.includes(r))) counts.meldcode += count;
    if (rules.some((r) => MELDPLICHT_RULES.includes(r))) counts.meldplicht += count;
    if (rules.some((r) => CAMERA_RULES.includes(r))) counts.camera += count;
  }
  return counts;
}

/** Counts the incidents of one year in one pass. */
export function countYear(year: number, rows: Iterable<YearRow>): YearCounts {
  return countGroups(year, groupRows(rows));
}

export interface ReportOptions {
  share: boolean;
  /** The day the report is made, YYYY-MM-DD. */
  today: string;
}

export interface Cell {
  value: number | null;
  text: string;
}

export interface Table {
  id: string;
  title: string;
  note?: string;
  columns: string[];
  rows: { label: string; cells: Cell[] }[];
  /** Draw a bar chart of this column in HTML. */
  chart?: number;
}

export interface Report {
  title: string;
  intro: string[];
  tables: Table[];
}

export const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const SMALL = 5;

const humanize = (id: string) => {
  const s = id.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** Which of a group of counts that add up to a shown total to hide (see the module comment). */
export function suppressed(values: readonly number[], share: boolean): boolean[] {
  const hide = values.map((v) => share && v > 0 && v < SMALL);
  if (hide.filter(Boolean).length === 1) {
    let smallest = -1;
    values.forEach((v, i) => {
      if (!hide[i] && v > 0 && (smallest < 0 || v < values[smallest]!)) smallest = i;
    });
    if (smallest >= 0) hide[smallest] = true;
  }
  return hide;
}

const shown = (value: number, hide: boolean): Cell => ({ value: hide ? null : value, text: hide ? '< 5' : String(value) });
const small = (v: number, share: boolean) => share && v > 0 && v < SMALL;

function difference(now: number, before: number, share: boolean): Cell {
  if (small(now, share) || small(before, share)) return { value: null, text: '–' };
  const d = now - before;
  return { value: d, text: d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '0' };
}

/** A year-on-year table: per key the count this year, last year and the change. */
function yearOnYear(
  id: string,
  title: string,
  keys: readonly { key: string | null; label: string }[],
  now: ReadonlyMap<string | null, number>,
  before: ReadonlyMap<string | null, number>,
  options: ReportOptions,
  year: number,
  group: boolean,
  note?: string,
): Table {
  const nowValues = keys.map((k) => now.get(k.key) ?? 0);
  const beforeValues = keys.map((k) => before.get(k.key) ?? 0);
  // Counts that add up to the year's total hide one more count when one alone would be hidden.
  const hideNow = group ? suppressed(nowValues, options.share) : nowValues.map((v) => small(v, options.share));
  const hideBefore = group ? suppressed(beforeValues, options.share) : beforeValues.map((v) => small(v, options.share));
  return {
    id,
    title,
    ...(note ? { note } : {}),
    columns: [String(year), String(year - 1), 'verschil'],
    rows: keys.map((k, i) => ({
      label: k.label,
      cells: [
        shown(nowValues[i]!, hideNow[i]!),
        shown(beforeValues[i]!, hideBefore[i]!),
        hideNow[i] || hideBefore[i] ? { value: null, text: '–' } : difference(nowValues[i]!, beforeValues[i]!, options.share),
      ],
    })),
    chart: 0,
  };
}

export function buildReport(now: YearCounts, before: YearCounts, options: ReportOptions): Report {
  const { share } = options;
  const year = now.year;
  const schools = [...new Set([...now.schools])].sort();
  const intro = [
    `Registratie van incidenten ${year}${schools.length > 0 ? ` van ${schools.join(', ')}` : ''}, gemaakt op ${options.today}.`,
    'Het register bevat alleen wat het protocol concludeerde: geen namen en geen vrije tekst.',
  ];
  if (share) {
    intro.push(
      'Gedeeld overzicht: aantallen van 1 tot en met 4 staan er als "< 5", zodat niemand te herkennen is. Waar zo’n aantal uit een totaal terug te rekenen zou zijn, is één ander aantal in dezelfde reeks ook verborgen.',
    );
  }

  const tables: Table[] = [];
  tables.push({
    id: 'samenvatting',
    title: 'Samenvatting',
    columns: [String(year), String(year - 1), 'verschil'],
    rows: [
      { label: 'Incidenten', cells: [shown(now.total, small(now.total, share)), shown(before.total, small(before.total, share)), difference(now.total, before.total, share)] },
      {
        label: 'Meldcode gevolgd',
        cells: [shown(now.meldcode, small(now.meldcode, share)), shown(before.meldcode, small(before.meldcode, share)), difference(now.meldcode, before.meldcode, share)],
      },
      {
        label: 'Meldplicht (zeden, medewerker)',
        cells: [
          shown(now.meldplicht, small(now.meldplicht, share)),
          shown(before.meldplicht, small(before.meldplicht, share)),
          difference(now.meldplicht, before.meldplicht, share),
        ],
      },
      {
        label: 'Camerabeelden',
        cells: [shown(now.camera, small(now.camera, share)), shown(before.camera, small(before.camera, share)), difference(now.camera, before.camera, share)],
      },
      { label: 'Opvolging nog open', cells: [shown(now.open, small(now.open, share)), shown(before.open, small(before.open, share)), { value: null, text: '' }] },
    ],
  });

  tables.push(
    yearOnYear(
      'arbocatalogus',
      'Arbocatalogus: agressie, geweld, pesten, discriminatie en seksuele intimidatie',
      ARBO.map((a) => ({ key: a.id, label: a.label })),
      now.arbo,
      before.arbo,
      options,
      year,
      false,
      `Een incident telt één keer per Arbo-categorie. Geteld als: ${ARBO.map((a) => `${a.id.replace(/-/g, ' ')} = ${a.categories.join(', ')}`).join('; ')}. Geweld, bedreiging of intimidatie tegen een medewerker telt bij agressie én bij geweld: het protocol onderscheidt die daar niet. Pesten en discriminatie zijn in het protocol één categorie (pesten) zolang er geen aparte categorie discriminatie is.`,
    ),
  );

  // Per category per month, with the year total and last year's.
  const categories = [...new Set([...now.categoryMonths.keys(), ...before.categoryMonths.keys()])].sort();
  const monthHide = suppressed(now.months, share);
  tables.push({
    id: 'categorie-maand',
    title: 'Incidenten per categorie per maand',
    note: 'Een incident met meer categorieën telt bij elke categorie mee.',
    columns: [...MONTHS, String(year), String(year - 1), 'verschil'],
    rows: [
      ...categories.map((c) => {
        const months = now.categoryMonths.get(c) ?? new Array<number>(12).fill(0);
        const hide = suppressed(months, share);
        const total = months.reduce((a, b) => a + b, 0);
        const previous = (before.categoryMonths.get(c) ?? []).reduce((a, b) => a + b, 0);
        return {
          label: humanize(c),
          cells: [...months.map((v, i) => shown(v, hide[i]!)), shown(total, small(total, share)), shown(previous, small(previous, share)), difference(total, previous, share)],
        };
      }),
      {
        label: 'Alle incidenten',
        cells: [
          ...now.months.map((v, i) => shown(v, monthHide[i]!)),
          shown(now.total, small(now.total, share)),
          shown(before.total, small(before.total, share)),
          difference(now.total, before.total, share),
        ],
      },
    ],
    chart: 12,
  });

  tables.push({
    id: 'maand',
    title: 'Incidenten per maand',
    columns: ['incidenten'],
    rows: MONTHS.map((m, i) => ({ label: m, cells: [shown(now.months[i]!, monthHide[i]!)] })),
    chart: 0,
  });

  const roleKeys = [...ROLES.map((r) => ({ key: r, label: r })), { key: null, label: 'onbekend of niemand' }];
  tables.push(yearOnYear('dader', 'Wie deed het (rol)', roleKeys, now.perpetrator, before.perpetrator, options, year, true));
  tables.push(yearOnYear('slachtoffer', 'Wie werd geraakt (rol)', roleKeys, now.victim, before.victim, options, year, true));
  tables.push(
    yearOnYear(
      'leeftijd',
      'Leeftijd van de jongste betrokken leerling',
      [...AGE_BANDS.map((b) => ({ key: b, label: AGE_BAND_LABEL[b] })), { key: null, label: 'onbekend of niet gevraagd' }],
      now.ageBand,
      before.ageBand,
      options,
      year,
      true,
    ),
  );
  tables.push(
    yearOnYear(
      'plek',
      'Waar het gebeurde',
      [...PLACES.map((p) => ({ key: p, label: PLACE_LABEL[p] })), { key: null, label: 'onbekend' }],
      now.place,
      before.place,
      options,
      year,
      true,
    ),
  );

  const partners = [...now.partners.keys()].sort();
  tables.push({
    id: 'partners',
    title: 'Partners ingeschakeld, naar urgentie',
    note: 'Per incident telt een partner één keer, bij de dringendste urgentie van het advies.',
    columns: [...URGENCIES.map((u) => URGENCY_LABEL[u]), 'totaal'],
    rows: partners.map((p) => {
      const byUrgency = now.partners.get(p)!;
      const values = URGENCIES.map((u) => byUrgency.get(u) ?? 0);
      const hide = suppressed(values, share);
      const total = values.reduce((a, b) => a + b, 0);
      return { label: humanize(p), cells: [...values.map((v, i) => shown(v, hide[i]!)), shown(total, small(total, share))] };
    }),
    chart: URGENCIES.length,
  });

  const rules = [...new Set([...now.rules.keys(), ...before.rules.keys()])].sort();
  tables.push(
    yearOnYear(
      'regels',
      'Regels die golden',
      rules.map((r) => ({ key: r, label: humanize(r) })),
      now.rules,
      before.rules,
      options,
      year,
      false,
    ),
  );
  return { title: `Incidentenregistratie ${year}`, intro, tables };
}

// ------------------------------------------------------------------ renderers

const mdEscape = (s: string) => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);

export function renderReportMarkdown(report: Report): string {
  const out = [`# ${mdEscape(report.title)}`, '', ...report.intro.map(mdEscape).flatMap((p) => [p, ''])];
  for (const t of report.tables) {
    out.push(`## ${mdEscape(t.title)}`, '');
    if (t.note) out.push(mdEscape(t.note), '');
    if (t.rows.length === 0) {
      out.push('Geen.', '');
      continue;
    }
    out.push(`| | ${t.columns.map(mdEscape).join(' | ')} |`, `|:--|${t.columns.map(() => '--:').join('|')}|`);
    for (const r of t.rows) out.push(`| ${mdEscape(r.label)} | ${r.cells.map((c) => mdEscape(c.text)).join(' | ')} |`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const csvField = (s: string) => (/[";\n\r]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${(/^[=+\-@\t]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s);

/**
 * One row per count: table;row;column;count. Semicolons, as spreadsheets in Dutch settings expect.
 * A hidden count is the text "< 5". A field a spreadsheet would read as a formula is quoted with '.
 */
export function renderReportCsv(report: Report): string {
  const lines = ['tabel;rij;kolom;aantal'];
  for (const t of report.tables) {
    for (const r of t.rows) {
      t.columns.forEach((c, i) => {
        const cell = r.cells[i]!;
        if (cell.text === '') return;
        lines.push([t.id, r.label, c, cell.value === null ? cell.text : String(cell.value)].map(csvField).join(';'));
      });
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A horizontal bar chart as inline SVG; a hidden count gets no bar, only its "< 5". */
export function barChart(title: string, bars: readonly { label: string; cell: Cell }[]): string {
  const rowHeight = 22;
  const labelWidth = 260;
  const barWidth = 360;
  const max = Math.max(1, ...bars.map((b) => b.cell.value ?? 0));
  const height = bars.length * rowHeight + 8;
  const parts = bars.map((b, i) => {
    const y = 4 + i * rowHeight;
    const w = b.cell.value === null ? 0 : Math.round((b.cell.value / max) * barWidth);
    return (
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${html(b.label)}</text>` +
      (w > 0 ? `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 6}" fill="#2f6f9f"/>` : '') +
      `<text x="${labelWidth + w + 6}" y="${y + 15}">${html(b.cell.text)}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${html(title)}" width="${labelWidth + barWidth + 60}" height="${height}" ` +
    `viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" font-family="sans-serif" font-size="13">${parts.join('')}</svg>`
  );
}

export function renderReportHtml(report: Report): string {
  const body: string[] = [`<h1>${html(report.title)}</h1>`, ...report.intro.map((p) => `<p>${html(p)}</p>`)];
  for (const t of report.tables) {
    body.push(`<section id="${html(t.id)}">`, `<h2>${html(t.title)}</h2>`);
    if (t.note) body.push(`<p class="note">${html(t.note)}</p>`);
    if (t.rows.length === 0) {
      body.push('<p>Geen.</p>', '</section>');
      continue;
    }
    if (t.chart !== undefined) {
      const col = t.chart;
      body.push(
        `<figure>${barChart(
          `${t.title}: ${t.columns[col]}`,
          t.rows.map((r) => ({ label: r.label, cell: r.cells[col]! })),
        )}<figcaption>${html(t.columns[col]!)}</figcaption></figure>`,
      );
    }
    body.push(
      '<table>',
      `<thead><tr><th></th>${t.columns.map((c) => `<th scope="col">${html(c)}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...t.rows.map((r) => `<tr><th scope="row">${html(r.label)}</th>${r.cells.map((c) => `<td>${html(c.text)}</td>`).join('')}</tr>`),
      '</tbody>',
      '</table>',
      '</section>',
    );
  }
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(report.title)}</title>
<style>
body { font-family: sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; }
td { text-align: right; font-variant-numeric: tabular-nums; }
th[scope="row"] { text-align: left; font-weight: normal; }
.note { color: #444; font-size: 0.9rem; }
figure { margin: 0.5rem 0; }
figcaption { font-size: 0.85rem; color: #444; }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
