// Generates a synthetic but valid protocol folder of a given number of steps, shaped like the
// shipped one: an entry flow (acute danger, then a category menu), category flows that hand over
// to a shared age flow and a shared care flow, choice/yes-no/number/multi questions, number
// ranges, route steps over earlier answers, and advice with `when` conditions. Every walk gets
// advice, every range set covers its bounds, every condition can hold: it validates without errors.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEADER = (depth) => `# yaml-language-server: $schema=${'../'.repeat(depth)}schema/protocol.schema.json\n`;
/** Steps in one category flow (the last flow also takes the remainder). */
const STEPS_PER_FLOW = 20;
/** Category flows per menu group (the real menu has about twenty categories). */
const FLOWS_PER_GROUP = 20;
/** Steps outside the category flows: incident (2), dader-leeftijd (1), zorg (3). */
const FIXED_STEPS = 6;

const SOURCES = ['bron-wet', 'bron-convenant', 'bron-richtlijn', 'bron-politie', 'bron-halt', 'bron-zorg'];
const PARTNERS = ['politie', 'halt', 'leerplicht', 'zorgteam', 'gemeente', 'veilig-thuis'];

/** The plan: how many category flows and groups give exactly `steps` steps. */
export function planFor(steps) {
  let flows = Math.max(1, Math.floor((steps - FIXED_STEPS) / STEPS_PER_FLOW));
  let groups = Math.ceil(flows / FLOWS_PER_GROUP);
  while (flows > 1 && FIXED_STEPS + groups + flows * STEPS_PER_FLOW > steps) {
    flows -= 1;
    groups = Math.ceil(flows / FLOWS_PER_GROUP);
  }
  const extra = steps - (FIXED_STEPS + groups + flows * STEPS_PER_FLOW);
  if (extra < 0) throw new Error(`cannot generate a protocol of ${steps} steps`);
  return { flows, groups, extra };
}

/** Writes the protocol folder; returns its step count and the number of files. */
export function generateProtocol(dir, steps) {
  const { flows, groups, extra } = planFor(steps);
  mkdirSync(join(dir, 'flows'), { recursive: true });
  const write = (name, text) => writeFileSync(join(dir, name), text);
  let count = 0;
  let files = 0;
  const put = (name, text, stepCount) => {
    write(name, text);
    files += 1;
    count += stepCount;
  };

  put(
    'protocol.yaml',
    `${HEADER(2)}protocol:
  id: synthetisch-${steps}
  title: Synthetisch protocol van ${steps} stappen
  region: Proefregio
  version: "1"
  signed: "2025-10-01"
  evaluation: "2099-10-01"
  start: incident
  sources: [bron-convenant]
`,
    0,
  );
  put(
    'sources.yaml',
    `${HEADER(2)}sources:
${SOURCES.map(
  (id, i) => `  - id: ${id}
    kind: ${['law', 'covenant', 'guidance', 'website', 'guidance', 'guidance'][i]}
    title: Bron ${i + 1} voor de meetopstelling
    text: Een korte samenvatting van wat deze bron zegt over veiligheid op school.
`,
).join('')}`,
    0,
  );
  put(
    'partners.yaml',
    `${HEADER(2)}partners:
${PARTNERS.map(
  (id) => `  - id: ${id}
    name: Partner ${id}
    kind: external
    duties:
      - text: Helpt de school bij incidenten van deze soort.
        sources: [bron-convenant]
    contact:
      phone: "0000-000000"
`,
).join('')}`,
    0,
  );
  put(
    'rules.yaml',
    `${HEADER(2)}rules:
  - id: meldcode
    title: Meldcode
    summary: Volg de vijf stappen van de meldcode.
    sources: [bron-wet]
  - id: aangifte
    title: Aangifte
    sources: [bron-politie]
`,
    0,
  );

  // Entry flow: acute danger, then the category menu (one option per group).
  put(
    'flows/incident.yaml',
    `${HEADER(3)}flows:
  - id: incident
    title: Incident op of rond school
    steps:
      - id: acuut-gevaar
        type: yes-no
        question: Is er nu iemand in direct gevaar?
        known: Voor de benchmark altijd te beantwoorden.
        help: Twijfel je? Behandel het als spoed.
        yes:
          advice:
            - action: Bel 112.
              urgency: immediate
              order: 0
              sources: [bron-politie]
        unknown:
          advice:
            - action: Bel 112.
              urgency: immediate
              order: 0
              sources: [bron-politie]
        no:
          advice:
            - info: Geen spoed? Bel de politie via het gewone nummer.
              sources: [bron-politie]
        next: categorie
      - id: categorie
        type: choice
        question: Waar gaat het om?
        known: Voor de benchmark altijd te beantwoorden.
        options:
${range(groups)
  .map(
    (g) => `          - value: groep-${g}
            label: Groep ${g} van incidenten
            call: groep-${g}
            next: end
`,
  )
  .join('')}${
      groups < 2
        ? `          - value: anders
            label: Iets anders
            advice:
              - info: Overleg met de coördinator veiligheid.
                sources: [bron-convenant]
            next: end
`
        : ''
    }`,
    2,
  );

  put(
    'flows/dader-leeftijd.yaml',
    `${HEADER(3)}flows:
  - id: dader-leeftijd
    title: Leeftijd van de dader
    steps:
      - id: dader-leeftijd
        type: number
        question: Hoe oud is de leerling die het (vermoedelijk) deed?
        known: Voor de benchmark altijd te beantwoorden.
        min: 4
        max: 99
        unit: jaar
        unknown:
          next: end
        ranges:
          - max: 11
            label: jonger dan 12
            advice:
              - info: Kinderen onder de 12 zijn niet strafbaar.
                sources: [bron-wet]
          - min: 12
            max: 15
            label: 12 tot en met 15
          - min: 16
            max: 17
            label: 16 of 17
          - min: 18
            label: 18 of ouder
        next: end
`,
    1,
  );

  put(
    'flows/zorg.yaml',
    `${HEADER(3)}flows:
  - id: zorg
    title: Zorgen over thuis
    steps:
      - id: zorg-signalen
        type: yes-no
        question: Zijn er signalen van huiselijk geweld of kindermishandeling?
        known: Voor de benchmark altijd te beantwoorden.
        yes:
          advice:
            - rule: meldcode
              conclusion: Volg de meldcode.
              sources: [bron-wet]
          next: zorg-acuut
        no:
          next: end
        unknown:
          next: zorg-overleg
      - id: zorg-acuut
        type: yes-no
        question: Is er acute onveiligheid?
        known: Voor de benchmark altijd te beantwoorden.
        yes:
          advice:
            - partner: veilig-thuis
              urgency: today
              task: Meld bij Veilig Thuis.
              sources: [bron-zorg]
        next: end
      - id: zorg-overleg
        type: choice
        question: Met wie overleg je?
        known: Voor de benchmark altijd te beantwoorden.
        options:
          - value: aandachtsfunctionaris
            label: De aandachtsfunctionaris
          - value: zorgteam
            label: Het zorgteam
            advice:
              - partner: zorgteam
                urgency: this-week
                task: Bespreek de signalen in het zorgteam.
                sources: [bron-zorg]
        next: end
`,
    3,
  );

  for (let g = 0; g < groups; g++) {
    const members = range(flows).filter((f) => Math.floor(f / FLOWS_PER_GROUP) === g);
    const options = members.map(
      (f) => `          - value: cat-${f}
            label: Categorie ${f}
            help: Een korte uitleg bij categorie ${f}.
            call: cat-${f}
            next: end
`,
    );
    if (members.length < 2) {
      options.push(`          - value: anders
            label: Iets anders
            advice:
              - info: Overleg met de coördinator veiligheid.
                sources: [bron-convenant]
            next: end
`);
    }
    put(
      `flows/groep-${g}.yaml`,
      `${HEADER(3)}flows:
  - id: groep-${g}
    title: Groep ${g}
    steps:
      - id: groep-${g}-keuze
        type: choice
        question: Welke soort incident uit groep ${g}?
        known: Voor de benchmark altijd te beantwoorden.
        options:
${options.join('')}`,
      1,
    );
  }

  for (let f = 0; f < flows; f++) {
    const { text, stepCount } = categoryFlow(f, STEPS_PER_FLOW + (f === flows - 1 ? extra : 0));
    put(`flows/cat-${f}.yaml`, `${HEADER(3)}${text}`, stepCount);
  }
  if (count !== steps) throw new Error(`generated ${count} steps, wanted ${steps}`);
  return { steps: count, files };
}

function range(n) {
  return Array.from({ length: n }, (_, i) => i);
}

/** One category flow of `n` (≥ 8) steps. */
function categoryFlow(f, n) {
  const p = `c${f}`;
  const partner = (i) => PARTNERS[(f + i) % PARTNERS.length];
  const steps = [];
  steps.push(`      - id: ${p}-soort
        type: choice
        question: Wat is er gebeurd (categorie ${f})?
        known: Voor de benchmark altijd te beantwoorden.
        help: Kies wat het beste past; speelt er meer, kies dan het ernstigste.
        advice:
          - action: Registreer het incident in de incidentenregistratie van de school.
            urgency: this-week
            order: 20
            sources: [bron-convenant]
        options:
          - value: licht
            label: Een licht incident
          - value: ernstig
            label: Een ernstig incident
            advice:
              - partner: ${partner(0)}
                urgency: today
                task: Overleg vandaag over dit incident.
                reason: Het incident is ernstig.
                sources: [bron-richtlijn]
          - value: herhaling
            label: Het gebeurt vaker
        next: ${p}-ernst
`);
  steps.push(`      - id: ${p}-ernst
        type: yes-no
        question: Is er iemand gewond of bedreigd?
        known: Voor de benchmark altijd te beantwoorden.
        yes:
          advice:
            - partner: politie
              urgency: today
              task: Bel de politie en doe aangifte.
              sources: [bron-politie]
            - rule: aangifte
              conclusion: Doe aangifte.
              when: {step: ${p}-soort, is: [ernstig, herhaling]}
              sources: [bron-politie]
        unknown:
          advice:
            - info: Vraag het na bij de betrokkenen.
              sources: [bron-richtlijn]
        next: ${p}-dader-bekend
`);
  steps.push(`      - id: ${p}-dader-bekend
        type: yes-no
        question: Weet je welke leerling het deed?
        known: Voor de benchmark altijd te beantwoorden.
        yes:
          call: dader-leeftijd
          next: ${p}-route-leeftijd
        no:
          next: ${p}-aantal
`);
  steps.push(`      - id: ${p}-route-leeftijd
        type: route
        routes:
          - when: {step: dader-leeftijd, min: 12, max: 17}
            advice:
              - partner: halt
                urgency: when-needed
                task: Overweeg een Halt-verwijzing.
                sources: [bron-halt]
            next: ${p}-aantal
          - when: {step: dader-leeftijd, max: 11}
            advice:
              - partner: leerplicht
                urgency: this-week
                task: Bespreek het incident met leerplicht.
                sources: [bron-halt]
            next: ${p}-aantal
        otherwise:
          next: ${p}-aantal
`);
  steps.push(`      - id: ${p}-aantal
        type: number
        question: Hoeveel leerlingen waren erbij betrokken?
        known: Voor de benchmark altijd te beantwoorden.
        min: 1
        max: 1000
        unit: leerlingen
        ranges:
          - max: 1
            label: één
          - min: 2
            max: 5
            label: twee tot vijf
          - min: 6
            label: zes of meer
            advice:
              - action: Informeer alle ouders van de betrokken leerlingen.
                urgency: this-week
                order: 30
                sources: [bron-richtlijn]
        next: ${p}-omstandigheden
`);
  steps.push(`      - id: ${p}-omstandigheden
        type: multi
        question: Wat speelt er nog meer?
        known: Voor de benchmark altijd te beantwoorden.
        unknown:
          next: ${p}-route-zorg
        options:
          - value: online
            label: Het gebeurde (ook) online
            advice:
              - info: Bewaar schermafbeeldingen.
                sources: [bron-richtlijn]
          - value: buiten
            label: Het gebeurde buiten school
          - value: thuis
            label: Er zijn zorgen over de thuissituatie
        next: ${p}-route-zorg
`);
  steps.push(`      - id: ${p}-route-zorg
        type: route
        routes:
          - when: {all: [{step: ${p}-soort, is: ernstig}, {step: ${p}-ernst, is: ja}]}
            advice:
              - partner: ${partner(1)}
                urgency: today
                task: Stem de aanpak af.
                sources: [bron-richtlijn]
            next: ${p}-vraag-7
          - when: {all: [{not: {step: ${p}-soort, is: ernstig}}, {any: [{step: ${p}-omstandigheden, is: thuis}, {step: ${p}-aantal, min: 6}]}]}
            call: zorg
            next: ${p}-vraag-7
        otherwise:
          next: ${p}-vraag-7
`);
  for (let i = 7; i < n; i++) {
    const id = `${p}-vraag-${i}`;
    const next = i === n - 1 ? 'end' : `${p}-vraag-${i + 1}`;
    const when = [
      `{step: ${p}-ernst, is: ja}`,
      `{step: ${p}-aantal, min: 2, max: 5}`,
      `{any: [{step: ${p}-soort, is: herhaling}, {step: ${p}-omstandigheden, is: online}]}`,
      `{step: dader-leeftijd, answered: true}`,
    ][i % 4];
    switch (i % 3) {
      case 0:
        steps.push(`      - id: ${id}
        type: yes-no
        question: Vraag ${i} van categorie ${f}, met een ja of een nee als antwoord?
        known: Voor de benchmark altijd te beantwoorden.
        yes:
          advice:
            - partner: ${partner(i)}
              urgency: ${['today', 'this-week', 'when-needed'][i % 3]}
              task: Neem contact op over punt ${i}.
              when: ${when}
              sources: [bron-richtlijn]
        next: ${next}
`);
        break;
      case 1:
        steps.push(`      - id: ${id}
        type: choice
        question: Vraag ${i} van categorie ${f}, met een keuze?
        known: Voor de benchmark altijd te beantwoorden.
        options:
          - value: eerste
            label: De eerste mogelijkheid
          - value: tweede
            label: De tweede mogelijkheid
            advice:
              - action: Leg punt ${i} vast in het dossier.
                urgency: this-week
                order: ${i}
                when: ${when}
                sources: [bron-convenant]
          - value: derde
            label: De derde mogelijkheid
        unknown:
          next: ${next}
        next: ${next}
`);
        break;
      default:
        steps.push(`      - id: ${id}
        type: number
        question: Vraag ${i} van categorie ${f}, met een getal als antwoord?
        known: Voor de benchmark altijd te beantwoorden.
        min: 0
        max: 100
        ranges:
          - max: 9
          - min: 10
            max: 49
            advice:
              - info: Houd punt ${i} in de gaten.
                when: ${when}
                sources: [bron-zorg]
          - min: 50
        next: ${next}
`);
    }
  }
  return {
    text: `flows:
  - id: cat-${f}
    title: Categorie ${f}
    description: Een gegenereerde categorie voor de meetopstelling.
    steps:
${steps.join('\n')}`,
    stepCount: steps.length,
  };
}
