// The report renderers and the small-count rule for reports that leave the school.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barChart, buildReport, countYear, renderReportCsv, renderReportHtml, suppressed, type YearCounts } from '../../src/register/report.js';

const empty = (year: number): YearCounts => ({
  year,
  total: 0,
  months: new Array<number>(12).fill(0),
  categoryMonths: new Map(),
  perpetrator: new Map(),
  victim: new Map(),
  ageBand: new Map(),
  place: new Map(),
  partners: new Map(),
  rules: new Map(),
  meldcode: 0,
  meldplicht: 0,
  camera: 0,
  open: 0,
  arbo: new Map(),
  schools: [],
});

describe('suppressed (share)', () => {
  it.each([
    [
      [9, 1, 0],
      [true, true, false],
    ],
    [
      [9, 1, 2],
      [false, true, true],
    ],
    [
      [12, 7, 3],
      [false, true, true],
    ],
    [
      [0, 0, 3],
      [false, false, true],
    ],
    [
      [5, 6, 0],
      [false, false, false],
    ],
  ])('%j hides %j', (values, want) => {
    expect(suppressed(values, true)).toEqual(want);
  });

  it('never shows a count from 1 to 4, and never hides exactly one count when another could give it away', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 14 }), (values) => {
        const hide = suppressed(values, true);
        values.forEach((v, i) => {
          if (v > 0 && v < 5) expect(hide[i]).toBe(true);
        });
        const hidden = hide.filter(Boolean).length;
        const otherNonZero = values.filter((v, i) => v > 0 && !hide[i]).length;
        if (hidden === 1) expect(otherNonZero).toBe(0);
      }),
    );
  });

  it('hides nothing when not sharing', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 })), (values) => {
        expect(suppressed(values, false).some(Boolean)).toBe(false);
      }),
    );
  });
});

describe('renderers', () => {
  it('HTML escapes every label and draws no bar for a hidden count', () => {
    const svg = barChart('t<itle', [
      { label: '<img src=x onerror=alert(1)>', cell: { value: 3, text: '3' } },
      { label: 'verborgen', cell: { value: null, text: '< 5' } },
    ]);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&#60;img');
    expect(svg.match(/<rect /g)).toHaveLength(1);
    expect(svg).toContain('&#60; 5');
  });

  it('CSV quotes a field a spreadsheet would run as a formula', () => {
    const now = { ...empty(2026), categoryMonths: new Map([['=cmd', [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]]) };
    const csv = renderReportCsv(buildReport(now, empty(2025), { share: false, today: '2026-12-04' }));
    expect(csv).toContain(`categorie-maand;"'=cmd";jan;1`);
  });

  it('counts an incident once per Arbo category, and violence against staff under both aggression and violence', () => {
    const row = (categories: string[]) => ({
      day: '2026-04-01',
      school: 'S',
      categories,
      perpetrator: null,
      victim: null,
      ageBand: null,
      place: null,
      partners: [],
      rules: [],
      status: 'open' as const,
    });
    const counts = countYear(2026, [row(['bedreiging', 'dreiging-school']), row(['geweld-personeel']), row(['fysiek-geweld', 'sexting']), row(['verzuim'])]);
    expect(Object.fromEntries(counts.arbo)).toEqual({ agressie: 2, geweld: 2, pesten: 0, discriminatie: 0, 'seksuele-intimidatie': 1 });
    expect(counts.total).toBe(4);
    expect(counts.months[3]).toBe(4);
  });

  it('an empty year is a complete report with zeros, not an error', () => {
    const html = renderReportHtml(buildReport(empty(2026), empty(2025), { share: true, today: '2026-12-04' }));
    expect(html).toMatch(/<td>0<\/td>/);
    expect(html).toContain('Gedeeld overzicht');
  });
});
