// A small protocol using the incident model v2 keys, shared by the engine and analysis tests.
import { yaml } from '../helpers/protocol.js';

/** Categories (multi) whose flows each hand over to a shared context flow first. */
export const FLOWS = yaml`
  flows:
    - id: main
      title: Incident
      steps:
        - id: gevaar
          type: yes-no
          question: Is iemand nu in gevaar?
          known: Dat ziet de melder zelf.
          yes: { next: categorie, advice: [{ partner: politie, urgency: immediate, task: Bel 112, key: melden, sources: [s1] }] }
          no: { next: categorie }
        - id: categorie
          type: multi
          question: Wat is er gebeurd?
          known: De melder weet wat er gebeurde.
          advice: [{ action: Schrijf op wat er gebeurde, urgency: today, sources: [s1] }]
          options:
            - { value: geweld, label: Geweld, call: geweld }
            - { value: online, label: Online, call: online }
            - { value: niets, label: Niets hiervan, exclusive: true, advice: [{ info: Registreer het voorval, sources: [s1] }] }
          next: end
    - id: context
      title: Context
      steps:
        - id: dader
          type: choice
          question: Wie deed het?
          preset:
            - { when: { all: [{ step: categorie, is: online }, { not: { step: categorie, is: geweld } }] }, answer: onbekend }
          unknown: { next: leeftijd }
          options:
            - { value: leerling, label: Een leerling, next: leeftijd }
            - { value: medewerker, label: Een medewerker, next: leeftijd }
            - { value: onbekend, label: Onbekend, next: leeftijd }
        - id: leeftijd
          type: number
          question: Hoe oud is de leerling?
          min: 2
          max: 30
          preset:
            - { when: { step: dader, is: medewerker }, answer: weet-niet }
          unknown: { next: end }
          ranges:
            - { max: 11, label: jonger dan 12, next: end }
            - { min: 12, label: 12 of ouder, next: end, advice: [{ partner: halt, urgency: this-week, task: Verwijs naar Halt, sources: [s1] }] }
    - id: geweld
      title: Geweld
      before: [context]
      steps:
        - id: letsel
          type: yes-no
          question: Is er letsel?
          known: Dat zie je.
          yes: { next: end, advice: [{ partner: politie, urgency: today, task: Doe aangifte, sources: [s1] }] }
          no: { next: end, advice: [{ partner: politie, urgency: today, task: Bel 112, key: melden, sources: [s2] }] }
    - id: online
      title: Online
      before: [context]
      steps:
        - id: beelden
          type: yes-no
          question: Gaan er beelden rond?
          known: Dat zie je.
          yes: { next: end, advice: [{ action: Bewaar de beelden niet zelf, urgency: today, sources: [s1] }] }
          no: { next: end }
`;
