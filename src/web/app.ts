/// <reference lib="dom" />
// The browser entry of the offline page: reads the embedded protocol, runs the wizard of the
// terminal with web forms (prompter.ts), then shows the advice (advice.ts). Stores nothing, sends
// nothing: no cookies, no storage, no network.
import { adviceOf } from '../engine/index.js';
import { runWizard } from '../ui/wizard.js';
import { adviceScreen } from './advice.js';
import { DATA_ID, type WebData } from './page.js';
import { DomPrompter, showFrom } from './prompter.js';

async function main(): Promise<void> {
  const main = document.getElementById('main')!;
  const banner = document.getElementById('nu')!;
  const data = JSON.parse(document.getElementById(DATA_ID)!.textContent) as WebData;
  const prompter = new DomPrompter(main, banner);
  for (;;) {
    const state = await runWizard(data.protocol, prompter);
    const screen = adviceScreen({ advice: adviceOf(state), protocol: data.protocol, sha256: data.sha256, generated: new Date() });
    // The advice opens with its own "Nu en vandaag" card: the banner of the questions is done.
    prompter.setBanner([]);
    main.replaceChildren(screen.element);
    showFrom(screen.title);
    await screen.restart;
    screen.dispose();
  }
}

main().catch((error: unknown) => {
  const main = document.getElementById('main');
  if (main) {
    const p = document.createElement('p');
    p.className = 'fault';
    p.setAttribute('role', 'alert');
    p.textContent = 'Er ging iets mis in deze pagina. Laad de pagina opnieuw. Is er acuut gevaar: bel 112.';
    main.replaceChildren(p);
  }
  throw error;
});
