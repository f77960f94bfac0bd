import type { Loader } from './loader.js';
import { baciLoader } from './baci.js';
import { canonicalLoader } from './canonical.js';
import { comtradeLegacyLoader, comtradePlusLoader } from './comtrade.js';
import { greenfieldLoader } from './greenfield.js';
import { imfCdisLoader } from './imf-cdis.js';
import { imfDipLoader } from './imf-dip.js';
import { wipoIpStatsLoader } from './wipo-ipstats.js';
import { wipoGiiLoader } from './wipo-gii.js';
import { worldBankApiLoader } from './worldbank-api.js';
import { worldBankWdiLoader } from './worldbank-wdi.js';
import { oecdDpLiveLoader } from './oecd-dp-live.js';
import { oecdStatLoader } from './oecd-stat.js';
import { sdmxCsvLoader } from './sdmx-csv.js';

/** Every loader, in detection order. Adding a format: one file plus one line here. */
export const LOADERS: readonly Loader[] = [canonicalLoader, imfDipLoader, sdmxCsvLoader, oecdDpLiveLoader, oecdStatLoader, imfCdisLoader, worldBankWdiLoader, worldBankApiLoader, wipoGiiLoader, wipoIpStatsLoader, greenfieldLoader, comtradeLegacyLoader, comtradePlusLoader, baciLoader];

/** The loader for a header, or undefined. */
export function detectLoader(header: string[]): Loader | undefined {
  return LOADERS.find((l) => l.detect(header));
}

/** The loader with this id (`--source`), or undefined. */
export function loaderById(id: string): Loader | undefined {
  return LOADERS.find((l) => l.id === id);
}

/** Every format linkage reads, for messages: `label (id)`, the id being what `--source` takes. */
export function knownFormats(): string[] {
  return LOADERS.map((l) => `${l.label} (${l.id})`);
}
