// A child process for the crash test: adds records one by one to the register named in argv and
// prints the uid of each record after its commit, so the parent knows what was committed when it
// kills this process with SIGKILL. Bundled by the test with esbuild.
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { recordFromAdvice } from '../../src/register/record.js';
import { RegisterStore } from '../../src/register/store.js';
import { nthAdvice } from './advice-fixture.js';

const [file, start, count] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const store = RegisterStore.open(file, { create: true });
for (let n = start; n < start + count; n++) {
  const built = recordFromAdvice(nthAdvice(n), { school: 'College Weert', sha256 });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  store.add(built.record);
  writeSync(1, `${built.record.uid}\n`);
}
store.close();
