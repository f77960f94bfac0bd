import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFile, WHOLE_FILE_LIMITS } from '../../src/loaders/load.js';
import { MAX_RECORD_CHARS } from '../../src/loaders/records.js';
import { msg } from '../../src/messages.js';
import { countryRegistry } from '../../src/model/countries.js';
import { cli, tmpDir } from '../helpers.js';

// Inputs that are not regular files (issue 9 item 17) and hostile JSON (item 18): one-line data
// errors, never a hang or an internal error.

function hasMkfifo(): boolean {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return process.platform !== 'win32';
  } catch {
    return false;
  }
}

describe('inputs that are not regular files', () => {
  it.skipIf(!existsSync('/dev/zero'))('/dev/zero is refused before it is read', async () => {
    const r = await cli('compute', '--input', '/dev/zero', '--indicator', 'rd-intensity');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_NOT_A_FILE: ${msg.notRegularFile('/dev/zero', 'a character device')[0]} (/dev/zero)`);
  });

  it.skipIf(!hasMkfifo())('a FIFO is refused without opening it (opening would block)', async () => {
    const fifo = join(tmpDir(), 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const r = await cli('compute', '--input', fifo, '--indicator', 'rd-intensity');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`E_NOT_A_FILE: ${msg.notRegularFile(fifo, 'a FIFO (named pipe)')[0]}`);
    const i = await cli('inspect', fifo);
    expect(i.code).toBe(1);
    expect(i.stderr).toContain('E_NOT_A_FILE');
  });

  it('a folder given where a file is expected is named as a folder', async () => {
    const dir = join(tmpDir(), 'folder.csv');
    mkdirSync(dir);
    // Commands expand folders (inspect, --input); the loader itself refuses one by name.
    await expect(loadFile(dir, { countries: countryRegistry() })).rejects.toThrow(msg.inputIsDirectory(dir)[0]);
    const r = await cli('inspect', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`E_FOLDER_NO_INPUTS: ${msg.folderNoInputs(dir)[0]}`);
  });
});

describe('hostile JSON', () => {
  const cases: [string, string, string][] = [
    ['nested 200,000 deep', `{"data":${'['.repeat(200000)}${']'.repeat(200000)}}`, 'E_JSON_RECORD'],
    ['{"data":[null]}', '{"data":[null]}', 'E_JSON_RECORD'],
    ['a record with a nested value', '{"data":[{"a":{"b":1}}]}', 'E_JSON_RECORD'],
    ['a top-level array nested deep', `${'['.repeat(200000)}${']'.repeat(200000)}`, 'E_JSON_NO_DATA'],
    ['cut short', '{"data":[{"a":1},', 'E_BAD_JSON'],
  ];
  for (const [name, text, code] of cases) {
    it(`${name}: a data error (${code}), exit 1`, async () => {
      const file = join(tmpDir(), 'answer.json');
      writeFileSync(file, text);
      const r = await cli('inspect', file);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^linkage: ${code}: `));
    });
  }
});

describe('one huge line (issue 9 item 18: a 600 MB line must be a data error, never a heap crash)', () => {
  afterEach(() => {
    WHOLE_FILE_LIMITS.bytes = 256 * 2 ** 20;
  });

  it('a JSON document over the whole-file bound is refused before it is read (bound lowered here; real: 256 MiB)', async () => {
    WHOLE_FILE_LIMITS.bytes = 4096;
    const file = join(tmpDir(), 'wb-api.json');
    // Synthetic World Bank API v2 answer on one line, made long.
    const rows = Array.from({ length: 200 }, (_, i) => `{"indicator":{"id":"BM.GSR.ROYL.CD","value":"x"},"country":{"id":"JP","value":"Japan"},"countryiso3code":"JPN","date":"${1900 + i}","value":${i},"unit":"","obs_status":"","decimal":0}`);
    writeFileSync(file, `[{"page":1,"pages":1,"per_page":200,"total":200},[${rows.join(',')}]]`);
    const r = await cli('inspect', file);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_FILE_TOO_LARGE: ${msg.fileTooLarge(file, 'a JSON document', '4 KiB')[0]} (${file})`);
  });

  it('a CSV line far longer than the record bound stops at its line (never held whole)', async () => {
    const file = join(tmpDir(), 'one-line.csv');
    writeFileSync(file, `LOCATION,INDICATOR,SUBJECT,MEASURE,FREQUENCY,TIME,Value,Flag Codes\nKOR,${'x'.repeat(3 * MAX_RECORD_CHARS)}\n`);
    const r = await cli('inspect', file);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.split('\n')[0]).toContain(`E_RECORD_TOO_LONG: ${msg.recordTooLong(MAX_RECORD_CHARS)[0]}`);
  });
});
