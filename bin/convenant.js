#!/usr/bin/env node
// Only for links made before the command became CommonJS (bin/convenant.cjs), such as the link that
// `npx convenant` keeps in its cache for each project folder: that link still points here, and
// without this file the shell only says "convenant: not found". New installs link bin/convenant.cjs.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./convenant.cjs');
