import { protocolFrom, yaml } from '../helpers/protocol.js';

/** An incident flow with age routing, a hand-over to a second flow, a multi-select and merging. */
export const FLOWS = yaml`
  flows:
    - id: main
      title: Incident
      steps:
        - id: gevaar
          type: yes-no
          question: Is er acuut gevaar?
          unknown: { next: soort, advice: [{ action: Bel 112, urgency: immediate, order: 0, sources: [s1] }] }
          yes:
            next: soort
            advice:
              - { action: Bel 112, urgency: immediate, order: 0, sources: [s1] }
              - { partner: politie, urgency: immediate, task: Bel 112, sources: [s1] }
          no: { next: soort }
        - id: soort
          type: choice
          question: Wat is er gebeurd?
          options:
            - { value: geweld, label: Geweld, next: leeftijd, advice: [{ partner: politie, urgency: today, task: Doe aangifte, sources: [s1] }] }
            - { value: thuis, label: Zorgen thuis, call: meldcode, next: nazorg }
        - id: leeftijd
          type: number
          question: Hoe oud?
          min: 4
          max: 99
          unknown: { next: nazorg }
          ranges:
            - { max: 11, next: nazorg, advice: [{ info: Jonger dan 12, sources: [s2] }] }
            - { min: 12, max: 17, next: route-halt }
            - { min: 18, next: nazorg }
        - id: route-halt
          type: route
          routes:
            - when: { step: leeftijd, max: 15 }
              next: nazorg
              advice: [{ partner: halt, urgency: this-week, task: Verwijs naar Halt met toestemming ouders, sources: [s2] }]
          otherwise:
            next: nazorg
            advice: [{ partner: halt, urgency: this-week, task: Verwijs naar Halt, sources: [s2] }]
        - id: nazorg
          type: multi
          question: Welke nazorg?
          next: end
          advice: [{ action: Registreer het incident, urgency: today, order: 5, sources: [s1] }]
          options:
            - { value: gesprek, label: Gesprek, advice: [{ partner: cjg, urgency: when-needed, task: Bied een gesprek aan, sources: [s1] }] }
            - { value: melden, label: Melden, call: meldcode }
            - { value: politie, label: Politie, advice: [{ partner: politie, urgency: this-week, task: Bespreek met de wijkagent, reason: Nazorg, sources: [s2] }] }
            - { value: geen, label: Geen nazorg, exclusive: true }
    - id: meldcode
      title: Meldcode
      steps:
        - id: acuut
          type: yes-no
          question: Acute onveiligheid?
          advice: [{ action: Leg vast in het dossier, urgency: today, sources: [s1] }]
          unknown: { next: end, advice: [{ rule: meldcode, conclusion: Twijfel - raadpleeg Veilig Thuis, sources: [s1] }] }
          yes: { next: end, advice: [{ rule: meldcode, conclusion: Melden, steps: [Bel Veilig Thuis], sources: [s1] }] }
          no: { next: end }
`;

export const protocol = () => protocolFrom(FLOWS);
