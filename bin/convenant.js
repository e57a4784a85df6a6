#!/usr/bin/env node
import { run } from '../dist/convenant.js';

process.exitCode = await run(process.argv.slice(2));
