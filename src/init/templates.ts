// What `convenant init` writes besides the protocol copy: package.json, CI files, .gitignore and a
// README with the list of things to review. Pure: strings in, file texts out.

export interface InitSettings {
  /** The new protocol's id (folder name under protocols/). */
  id: string;
  region: string;
  /** How package.json names convenant: a registry range, a git URL or a file: path. */
  convenantSpec: string;
  /** The protocol the copy was made from (title and region), for the README. */
  from: string;
}

/** One thing in the copy a coordinator must look at, with where it is. */
export interface ReviewItem {
  at: string;
  what: string;
}

export function packageJson(s: InitSettings): string {
  const pkg = {
    name: `${s.id}-protocol`,
    private: true,
    description: `Handelingsprotocol ${s.region}, gecontroleerd met convenant.`,
    scripts: {
      validate: `convenant validate protocols/${s.id}`,
      test: `convenant test protocols/${s.id}`,
      incident: `convenant incident --protocols protocols/${s.id}`,
    },
    devDependencies: { convenant: s.convenantSpec },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function githubWorkflow(s: InitSettings): string {
  return `# Controleert het protocol bij elke push en pull request; bevindingen verschijnen als annotaties.
name: protocol
on: [push, pull_request]
permissions:
  contents: read
jobs:
  protocol:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - run: npx convenant validate protocols/${s.id} --format github
      - run: npx convenant test protocols/${s.id}
`;
}

export function gitlabCi(s: InitSettings): string {
  return `# Controleert het protocol; de JUnit-rapporten verschijnen in de merge request.
protocol:
  image: node:20
  script:
    - npm ci
    - npx convenant validate protocols/${s.id} --format junit --output validate.xml || true
    - npx convenant validate protocols/${s.id}
    - npx convenant test protocols/${s.id} --format junit --output scenarios.xml || true
    - npx convenant test protocols/${s.id}
  artifacts:
    when: always
    reports:
      junit: [validate.xml, scenarios.xml]
`;
}

export const GITIGNORE = `node_modules/
# Bewaarde adviezen en rapporten horen niet in de repository.
advies-*.md
advies-*.txt
advies-*.json
validate.xml
scenarios.xml
*.sarif
`;

export function readme(s: InitSettings, review: readonly ReviewItem[]): string {
  const list = review.map((r) => `- [ ] \`${r.at}\`: ${r.what}`).join('\n');
  return `# Handelingsprotocol ${s.region}

Gemaakt met \`convenant init\`, als kopie van het protocol ${s.from}.

## Aan de slag

\`\`\`sh
npm install                 # installeert convenant
npm run validate            # controleert het protocol (bestand:regel:kolom bij elke melding)
npm test                    # draait de scenario's
npm run incident            # de hulp bij een incident, met dit protocol
\`\`\`

De schrijfwijzer (elke sleutel, met voorbeelden) staat in
\`node_modules/convenant/protocols/README.md\`. CI staat klaar voor GitHub Actions
(\`.github/workflows/protocol.yml\`) en GitLab CI (\`.gitlab-ci.yml\`).

## Nakijken

De kopie volgt het convenant achter het protocol ${s.from}. Loop deze lijst na voordat het protocol wordt gebruikt:

- [ ] \`protocols/${s.id}/protocol.yaml\`: titel, regio, versie, datum van ondertekening (\`signed\`) en
      van de volgende evaluatie (\`evaluation\`).
- [ ] \`protocols/${s.id}/partners.yaml\`: de partners van jullie convenant, hun algemene
      contactgegevens en de vaste contactpersonen (\`person:\`, Bijlage 2; nu leeg).
${list}

Draai na elke wijziging \`npm run validate\` en \`npm test\`.
`;
}
