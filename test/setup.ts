import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Tests never touch the user's cache: the aggregate (and download) caches go to a fresh folder per test file.
process.env.LINKAGE_CACHE_DIR = mkdtempSync(join(tmpdir(), 'linkage-test-cache-'));
